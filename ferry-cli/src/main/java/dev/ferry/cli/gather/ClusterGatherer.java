package dev.ferry.cli.gather;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Collects one cluster into a {@link Gathering} under {@code clusters/<name>/}: its version, every
 * object of the migration.openshift.io and velero.io CRDs it serves, and for each given namespace
 * the Namespace, its events, pods and the pods' logs of the window. Secrets are never copied;
 * their values are handed to the gathering first, so they are masked wherever else they appear.
 */
final class ClusterGatherer {
  static final Set<String> GROUPS = Set.of("migration.openshift.io", "velero.io");

  private final KubernetesClient client;
  private final String dir;
  private final Gathering out;

  ClusterGatherer(KubernetesClient client, String name, Gathering out) {
    this.client = client;
    this.dir = "clusters/" + name + "/";
    this.out = out;
  }

  /** Registers the values of every Secret readable in {@code namespaces} for masking. */
  void learnSecrets(Collection<String> namespaces) {
    for (String namespace : namespaces) {
      try {
        for (Secret secret : client.secrets().inNamespace(namespace).list().getItems()) {
          if (secret.getData() != null) {
            secret.getData().values().forEach(v -> {
              out.secretValue(v);
              try {
                out.secretValue(new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8));
              } catch (IllegalArgumentException notBase64) {
                // stored as given
              }
            });
          }
          if (secret.getStringData() != null) {
            secret.getStringData().values().forEach(out::secretValue);
          }
        }
      } catch (RuntimeException e) {
        out.note(dir + ": cannot read the Secrets of namespace " + namespace + " to mask their values ("
            + e.getMessage() + "); pattern-based redaction still applies");
      }
    }
  }

  void version() {
    try {
      out.add(dir + "version.yaml", Serialization.asYaml(client.getKubernetesVersion()));
    } catch (RuntimeException e) {
      out.note(dir + ": cannot read the cluster version: " + e.getMessage());
    }
    try {
      GenericKubernetesResource openshift = client.genericKubernetesResources("config.openshift.io/v1", "ClusterVersion")
          .withName("version").get();
      if (openshift != null) {
        out.add(dir + "clusterversion.yaml", Serialization.asYaml(openshift));
      }
    } catch (RuntimeException notOpenShift) {
      // Kubernetes without OpenShift's config API: version.yaml says it all
    }
  }

  void customResources() {
    List<CustomResourceDefinition> crds;
    try {
      crds = client.apiextensions().v1().customResourceDefinitions().list().getItems().stream()
          .filter(c -> GROUPS.contains(c.getSpec().getGroup())).toList();
    } catch (RuntimeException e) {
      out.note(dir + ": cannot list CRDs: " + e.getMessage());
      return;
    }
    for (CustomResourceDefinition crd : crds) {
      String version = crd.getSpec().getVersions().stream().filter(CustomResourceDefinitionVersion::getStorage)
          .map(CustomResourceDefinitionVersion::getName).findFirst().orElse(crd.getSpec().getVersions().get(0).getName());
      String apiVersion = crd.getSpec().getGroup() + "/" + version;
      String kind = crd.getSpec().getNames().getKind();
      try {
        var items = client.genericKubernetesResources(apiVersion, kind).inAnyNamespace().list().getItems();
        for (GenericKubernetesResource item : items) {
          String ns = item.getMetadata().getNamespace() == null ? "_cluster" : item.getMetadata().getNamespace();
          out.add(dir + "crs/" + crd.getMetadata().getName() + "/" + ns + "/" + item.getMetadata().getName() + ".yaml",
              Serialization.asYaml(item));
        }
      } catch (RuntimeException e) {
        out.note(dir + ": cannot list " + crd.getMetadata().getName() + ": " + e.getMessage());
      }
    }
  }

  void namespace(String namespace, Instant since) {
    String base = dir + "namespaces/" + namespace + "/";
    try {
      var ns = client.namespaces().withName(namespace).get();
      if (ns == null) {
        return;
      }
      out.add(base + "namespace.yaml", Serialization.asYaml(ns));
      out.add(base + "events.yaml", Serialization.asYaml(client.v1().events().inNamespace(namespace).list()));
      List<Pod> pods = client.pods().inNamespace(namespace).list().getItems();
      out.add(base + "pods.yaml", Serialization.asYaml(client.pods().inNamespace(namespace).list()));
      int seconds = (int) Math.max(1, Math.min(Integer.MAX_VALUE, Duration.between(since, Instant.now()).getSeconds()));
      for (Pod pod : pods) {
        for (var container : pod.getSpec().getContainers()) {
          try {
            String log = client.pods().inNamespace(namespace).withName(pod.getMetadata().getName())
                .inContainer(container.getName()).usingTimestamps().sinceSeconds(seconds).getLog();
            out.add(base + "logs/" + pod.getMetadata().getName() + "/" + container.getName() + ".log", log);
          } catch (RuntimeException e) {
            out.note(base + ": no log of pod " + pod.getMetadata().getName() + "/" + container.getName() + ": "
                + e.getMessage());
          }
        }
      }
    } catch (RuntimeException e) {
      out.note(base + ": cannot read namespace " + namespace + ": " + e.getMessage());
    }
  }
}
