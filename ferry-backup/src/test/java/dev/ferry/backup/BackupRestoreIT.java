package dev.ferry.backup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.api.velero.backup.Backup;
import dev.ferry.api.velero.backup.BackupPhase;
import dev.ferry.api.velero.backup.BackupSpec;
import dev.ferry.api.velero.backup.BackupStatus;
import dev.ferry.api.velero.restore.Restore;
import dev.ferry.api.velero.restore.RestorePhase;
import dev.ferry.api.velero.restore.RestoreSpec;
import dev.ferry.api.velero.restore.RestoreStatus;
import dev.ferry.backup.backup.Backupper;
import dev.ferry.backup.format.BackupLayout;
import dev.ferry.backup.model.ResultsFile;
import dev.ferry.backup.restore.RestoreOptions;
import dev.ferry.backup.restore.Restorer;
import dev.ferry.objectstore.FilesystemObjectStore;
import dev.ferry.objectstore.ObjectStore;
import dev.ferry.testbed.LocalCluster;
import dev.ferry.testbed.Testbed;
import dev.ferry.testbed.TestbedExtension;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * An application of more than twenty kinds is backed up from the source cluster and restored
 * on the destination, under its own and under a mapped namespace, and compared object by object.
 */
@ExtendWith(TestbedExtension.class)
class BackupRestoreIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Kinds compared after restore: apiVersion, kind. Pods and ReplicaSets of Deployments are recreated, not restored. */
  static final List<String[]> COMPARED = List.of(
      new String[] {"v1", "ServiceAccount"}, new String[] {"v1", "ConfigMap"}, new String[] {"v1", "Secret"},
      new String[] {"v1", "PersistentVolumeClaim"}, new String[] {"apps/v1", "Deployment"},
      new String[] {"apps/v1", "StatefulSet"}, new String[] {"apps/v1", "DaemonSet"},
      new String[] {"batch/v1", "Job"}, new String[] {"batch/v1", "CronJob"}, new String[] {"v1", "Service"},
      new String[] {"networking.k8s.io/v1", "Ingress"}, new String[] {"rbac.authorization.k8s.io/v1", "Role"},
      new String[] {"rbac.authorization.k8s.io/v1", "RoleBinding"},
      new String[] {"autoscaling/v2", "HorizontalPodAutoscaler"}, new String[] {"policy/v1", "PodDisruptionBudget"},
      new String[] {"networking.k8s.io/v1", "NetworkPolicy"}, new String[] {"v1", "LimitRange"},
      new String[] {"v1", "ResourceQuota"}, new String[] {"route.openshift.io/v1", "Route"},
      new String[] {"image.openshift.io/v1", "ImageStream"}, new String[] {"apps.openshift.io/v1", "DeploymentConfig"});

  @Test
  void applicationArrivesWholeUnderItsOwnAndAMappedNamespace(Testbed testbed, @TempDir Path repo) {
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    String ns = "shop-" + suffix;
    String crdGroup = "g" + suffix + SampleApplication.CRD_GROUP_SUFFIX;
    LocalCluster source = testbed.source();
    LocalCluster destination = testbed.destination();
    String sourceRegistry = source.registry().orElseThrow().hostPort();
    String destinationRegistry = destination.registry().orElseThrow().hostPort();
    source.client().namespaces().resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder()
        .withNewMetadata().withName(ns).addToAnnotations("openshift.io/sa.scc.uid-range", "1000650000/10000")
        .endMetadata().build()).create();
    SampleApplication.deploy(source.client(), ns, crdGroup, sourceRegistry);

    try (ObjectStore store = new FilesystemObjectStore(repo)) {
      // The first published total is counted before any object is written (Velero's estimated total).
      List<int[]> published = new java.util.ArrayList<>();
      BackupStatus backup = new Backupper(source.client(), store, Clock.systemUTC()).run(backup("b-" + suffix, ns),
          s -> {
            if (s.getProgress() != null && s.getProgress().getTotalItems() != null) {
              Integer done = s.getProgress().getItemsBackedUp();
              published.add(new int[] {done == null ? 0 : done, s.getProgress().getTotalItems()});
            }
          });
      assertThat(backup.getPhase()).as("%s", backup.getFailureReason()).isEqualTo(BackupPhase.COMPLETED);
      assertThat(backup.getErrors()).isZero();
      assertThat(backup.getProgress().getItemsBackedUp()).isGreaterThan(25);
      assertThat(published).isNotEmpty();
      assertThat(published.get(0)[0]).isZero();
      // Everything but the cluster-scoped dependencies, which are found as the backup goes.
      assertThat(published.get(0)[1]).isGreaterThan(25).isLessThanOrEqualTo(backup.getProgress().getTotalItems());
      assertThat(backup.getProgress().getTotalItems()).isEqualTo(backup.getProgress().getItemsBackedUp());
      for (String key : List.of(BackupLayout.ROOT.backupMetadata("b-" + suffix), BackupLayout.ROOT.backupTarball("b-" + suffix),
          BackupLayout.ROOT.backupLogs("b-" + suffix), BackupLayout.ROOT.backupResourceList("b-" + suffix),
          BackupLayout.ROOT.backupResults("b-" + suffix))) {
        assertThat(store.exists(key)).as(key).isTrue();
      }

      RestoreOptions options = new RestoreOptions(sourceRegistry, destinationRegistry, Map.of());
      RestoreStatus restored = new Restorer(destination.client(), store, Clock.systemUTC(), options)
          .run(restore("r1-" + suffix, "b-" + suffix, Map.of()), s -> { });
      assertThat(restored.getPhase()).as(describe(store, "r1-" + suffix, restored)).isEqualTo(RestorePhase.COMPLETED);
      assertSameApplication(source.client(), ns, destination.client(), ns, sourceRegistry, destinationRegistry);
      // Cluster-scoped dependencies came along: the namespace (with its UID range), PV, CRD, CRB, SCC.
      assertThat(destination.client().namespaces().withName(ns).get().getMetadata().getAnnotations())
          .containsEntry("openshift.io/sa.scc.uid-range", "1000650000/10000");
      assertThat(destination.client().apiextensions().v1().customResourceDefinitions()
          .withName("widgets." + crdGroup).get()).isNotNull();
      assertThat(destination.client().rbac().clusterRoleBindings().withName(ns + "-shop-view").get()).isNotNull();
      GenericKubernetesResource widget = destination.client().genericKubernetesResources(crdGroup + "/v1", "Widget")
          .inNamespace(ns).withName("blue-widget").get();
      assertThat(widget.getAdditionalProperties().get("spec")).isEqualTo(Map.of("size", 3, "color", "blue"));
      String pvName = destination.client().persistentVolumeClaims().inNamespace(ns).withName("shop-data").get()
          .getSpec().getVolumeName();
      var pv = destination.client().persistentVolumes().withName(pvName).get();
      assertThat(pv.getSpec().getPersistentVolumeReclaimPolicy()).isEqualTo("Retain");
      assertThat(pv.getMetadata().getAnnotations()).containsEntry("openshift.io/orig-reclaim-policy", "Delete");

      // Restoring the same backup again changes nothing on the destination.
      Map<String, String> versions = resourceVersions(destination.client(), ns);
      RestoreStatus again = new Restorer(destination.client(), store, Clock.systemUTC(), options)
          .run(restore("r2-" + suffix, "b-" + suffix, Map.of()), s -> { });
      assertThat(again.getPhase()).as(describe(store, "r2-" + suffix, again)).isEqualTo(RestorePhase.COMPLETED);
      assertThat(resourceVersions(destination.client(), ns)).isEqualTo(versions);

      // Under a mapped namespace.
      String mapped = ns + "-moved";
      RestoreStatus moved = new Restorer(destination.client(), store, Clock.systemUTC(), options)
          .run(restore("r3-" + suffix, "b-" + suffix, Map.of(ns, mapped)), s -> { });
      assertThat(moved.getErrors()).as(describe(store, "r3-" + suffix, moved)).isZero();
      assertSameApplication(source.client(), ns, destination.client(), mapped, sourceRegistry, destinationRegistry);
      var binding = destination.client().rbac().roleBindings().inNamespace(mapped).withName("shop-reader").get();
      assertThat(binding.getSubjects().get(0).getNamespace()).isEqualTo(mapped);
      String image = destination.client().apps().deployments().inNamespace(mapped).withName("shop").get().getSpec()
          .getTemplate().getSpec().getContainers().get(0).getImage();
      assertThat(image).startsWith(destinationRegistry + "/" + mapped + "/shop@sha256:");
    }
  }

  @Test
  void objectsLabelledExcludeFromBackupStayBehind(Testbed testbed, @TempDir Path repo) {
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    String ns = "excl-" + suffix;
    KubernetesClient source = testbed.source().client();
    source.namespaces().resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder()
        .withNewMetadata().withName(ns).endMetadata().build()).create();
    source.configMaps().inNamespace(ns).resource(new io.fabric8.kubernetes.api.model.ConfigMapBuilder()
        .withNewMetadata().withName("kept").endMetadata().addToData("k", "v").build()).create();
    // Velero's opt-out label, as Ferry's mover objects carry it.
    source.configMaps().inNamespace(ns).resource(new io.fabric8.kubernetes.api.model.ConfigMapBuilder()
        .withNewMetadata().withName("left").addToLabels("velero.io/exclude-from-backup", "true").endMetadata()
        .addToData("k", "v").build()).create();

    try (ObjectStore store = new FilesystemObjectStore(repo)) {
      BackupStatus backup = new Backupper(source, store, Clock.systemUTC()).run(backup("b-" + suffix, ns), s -> { });
      assertThat(backup.getPhase()).as("%s", backup.getFailureReason()).isEqualTo(BackupPhase.COMPLETED);
      RestoreStatus restored = new Restorer(testbed.destination().client(), store, Clock.systemUTC(),
          RestoreOptions.none()).run(restore("r-" + suffix, "b-" + suffix, Map.of()), s -> { });
      assertThat(restored.getPhase()).as("%s", restored.getFailureReason()).isIn(RestorePhase.COMPLETED,
          RestorePhase.PARTIALLY_FAILED);
      var configMaps = testbed.destination().client().configMaps().inNamespace(ns);
      assertThat(configMaps.withName("kept").get()).as("the unlabelled ConfigMap arrived").isNotNull();
      assertThat(configMaps.withName("left").get()).as("the labelled ConfigMap stayed behind").isNull();
    }
  }

  static Backup backup(String name, String namespace) {
    Backup backup = new Backup();
    backup.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace("openshift-migration").build());
    BackupSpec spec = new BackupSpec();
    spec.setIncludedNamespaces(List.of(namespace));
    spec.setTtl("720h0m0s");
    backup.setSpec(spec);
    return backup;
  }

  static Restore restore(String name, String backupName, Map<String, String> mapping) {
    Restore restore = new Restore();
    restore.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace("openshift-migration").build());
    RestoreSpec spec = new RestoreSpec();
    spec.setBackupName(backupName);
    spec.setRestorePVs(true);
    spec.setNamespaceMapping(mapping.isEmpty() ? null : mapping);
    restore.setSpec(spec);
    return restore;
  }

  static String describe(ObjectStore store, String restore, RestoreStatus status) {
    String results = "";
    try {
      ResultsFile file = ResultsFile.read(new ByteArrayInputStream(store.getBytes(BackupLayout.ROOT.restoreResults(restore))));
      results = JSON.writeValueAsString(file);
    } catch (Exception e) {
      results = "(no results: " + e.getMessage() + ")";
    }
    return "restore " + restore + " " + status.getPhase() + " " + status.getFailureReason() + " "
        + status.getValidationErrors() + " results=" + results;
  }

  /** Every compared object of the source namespace exists in the destination namespace with the same content. */
  static void assertSameApplication(KubernetesClient source, String sourceNs, KubernetesClient destination,
                                    String destinationNs, String sourceRegistry, String destinationRegistry) {
    for (String[] type : COMPARED) {
      var sourceItems = source.genericKubernetesResources(type[0], type[1]).inNamespace(sourceNs).list().getItems();
      var destItems = destination.genericKubernetesResources(type[0], type[1]).inNamespace(destinationNs).list()
          .getItems();
      Map<String, JsonNode> expected = new TreeMap<>();
      sourceItems.stream().filter(o -> !isGenerated(type[1], o))
          .forEach(o -> expected.put(o.getMetadata().getName(), comparable(type[1], o, sourceNs, destinationNs,
              sourceRegistry, destinationRegistry)));
      Map<String, JsonNode> actual = new TreeMap<>();
      destItems.stream().filter(o -> !isGenerated(type[1], o))
          .forEach(o -> actual.put(o.getMetadata().getName(), comparable(type[1], o, destinationNs, destinationNs,
              destinationRegistry, destinationRegistry)));
      assertThat(actual).as("%s in %s", type[1], destinationNs).isEqualTo(expected);
    }
  }

  /** Objects the cluster makes by itself (default service account, token secrets, root CA config map). */
  private static boolean isGenerated(String kind, GenericKubernetesResource o) {
    String name = o.getMetadata().getName();
    return (kind.equals("ServiceAccount") && name.equals("default"))
        || (kind.equals("ConfigMap") && name.equals("kube-root-ca.crt"));
  }

  /** The user's part of an object: spec/data and labels, with names mapped, server-owned fields dropped. */
  private static JsonNode comparable(String kind, GenericKubernetesResource o, String fromNs, String toNs,
                                     String fromRegistry, String toRegistry) {
    Map<String, Object> copy = new TreeMap<>(o.getAdditionalProperties());
    copy.remove("status");
    Map<String, String> labels = new TreeMap<>(o.getMetadata().getLabels() == null ? Map.of()
        : o.getMetadata().getLabels());
    labels.keySet().removeIf(k -> k.startsWith("velero.io/") || k.endsWith("controller-uid"));
    copy.put("labels", labels);
    String text;
    try {
      text = JSON.writeValueAsString(copy);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    text = text.replace(fromRegistry + "/" + fromNs + "/", toRegistry + "/" + toNs + "/")
        .replace("\"namespace\":\"" + fromNs + "\"", "\"namespace\":\"" + toNs + "\"");
    try {
      JsonNode node = JSON.readTree(text);
      if (kind.equals("Service") && node.has("spec")) {
        var spec = (com.fasterxml.jackson.databind.node.ObjectNode) node.get("spec");
        if (!"None".equals(spec.path("clusterIP").asText())) {
          spec.remove("clusterIP");
          spec.remove("clusterIPs");
        }
        spec.path("ports").forEach(p -> ((com.fasterxml.jackson.databind.node.ObjectNode) p).remove("nodePort"));
      }
      if (kind.equals("Job") && node.has("spec")) {
        var spec = (com.fasterxml.jackson.databind.node.ObjectNode) node.get("spec");
        spec.remove("selector");
        var labelsNode = (com.fasterxml.jackson.databind.node.ObjectNode) spec.path("template").path("metadata")
            .path("labels");
        if (labelsNode != null && labelsNode.isObject()) {
          labelsNode.remove(List.of("controller-uid", "batch.kubernetes.io/controller-uid"));
        }
      }
      if (kind.equals("PersistentVolumeClaim") && node.has("spec")) {
        var spec = (com.fasterxml.jackson.databind.node.ObjectNode) node.get("spec");
        spec.remove("volumeName"); // a mapped restore binds its own volume
      }
      return node;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * What a restore could have changed: the generation (spec changes) of objects that have one —
   * controllers keep updating their status — else the resource version.
   */
  private static Map<String, String> resourceVersions(KubernetesClient client, String ns) {
    Map<String, String> versions = new TreeMap<>();
    for (String[] type : COMPARED) {
      client.genericKubernetesResources(type[0], type[1]).inNamespace(ns).list().getItems()
          .forEach(o -> versions.put(type[1] + "/" + o.getMetadata().getName(), o.getMetadata().getGeneration() != null
              ? "generation " + o.getMetadata().getGeneration() : "rv " + o.getMetadata().getResourceVersion()));
    }
    return versions;
  }
}
