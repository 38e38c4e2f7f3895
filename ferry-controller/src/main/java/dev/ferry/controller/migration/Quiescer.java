package dev.ferry.controller.migration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/** Applies {@link QuiesceRules} to every workload of some namespaces (kinds the cluster does not serve are skipped). */
final class Quiescer {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final KubernetesClient client;

  Quiescer(KubernetesClient client) {
    this.client = client;
  }

  /** Returns {@code Kind/namespace/name} of every workload it changed. */
  List<String> quiesce(List<String> namespaces) {
    return apply(namespaces, QuiesceRules::quiesce);
  }

  List<String> unquiesce(List<String> namespaces) {
    return apply(namespaces, QuiesceRules::unquiesce);
  }

  private List<String> apply(List<String> namespaces,
                             BiFunction<String, JsonNode, Optional<com.fasterxml.jackson.databind.node.ObjectNode>> rule) {
    List<String> patched = new java.util.ArrayList<>();
    for (String[] kind : QuiesceRules.KINDS) {
      String apiVersion = kind[0];
      String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
      String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
      var context = new ResourceDefinitionContext.Builder().withGroup(group).withVersion(version).withKind(kind[1])
          .withPlural(kind[2]).withNamespaced(true).build();
      for (String namespace : namespaces) {
        List<GenericKubernetesResource> items;
        try {
          items = client.genericKubernetesResources(context).inNamespace(namespace).list().getItems();
        } catch (KubernetesClientException e) {
          if (e.getCode() == 404) {
            break; // not served here (e.g. DeploymentConfig outside OpenShift)
          }
          throw e;
        }
        for (GenericKubernetesResource item : items) {
          boolean owned = item.getMetadata().getOwnerReferences() != null
              && !item.getMetadata().getOwnerReferences().isEmpty();
          if (owned && kind[1].equals("ReplicaSet")) {
            continue; // its Deployment is (un)quiesced; the Deployment controller also copies our annotations onto it
          }
          Optional<com.fasterxml.jackson.databind.node.ObjectNode> patch = rule.apply(kind[1], JSON.valueToTree(item));
          if (patch.isPresent()) {
            client.genericKubernetesResources(context).inNamespace(namespace).withName(item.getMetadata().getName())
                .patch(PatchContext.of(PatchType.JSON_MERGE), patch.get().toString());
            patched.add(kind[1] + "/" + namespace + "/" + item.getMetadata().getName());
          }
        }
      }
    }
    return patched;
  }
}
