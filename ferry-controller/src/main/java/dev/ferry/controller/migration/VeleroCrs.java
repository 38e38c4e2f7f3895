package dev.ferry.controller.migration;

import dev.ferry.api.Crds;
import dev.ferry.api.velero.backup.Backup;
import dev.ferry.api.velero.restore.Restore;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.HttpURLConnection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Finds or creates a migration's Backup or Restore CR on a cluster. A CR is found again by its
 * label (value: the migration's uid) before one is created, so a phase re-run after a restart
 * reuses it. Names are generated ({@code <MigMigration name>-xxxxx}) as MTC's are.
 */
final class VeleroCrs {
  static final String PART_OF = "app.kubernetes.io/part-of";
  static final String STORAGE_LOCATION = "velero.io/storage-location";
  static final String COPY_PHASE = "openshift.io/migrate-copy-phase";
  static final String QUIESCE_PODS = "openshift.io/migrate-quiesce-pods";
  static final String REGISTRY = "openshift.io/migration-registry";
  static final String REGISTRY_DIR = "openshift.io/migration-registry-dir";
  static final String ORIG_RECLAIM_POLICY = "openshift.io/orig-reclaim-policy";

  private VeleroCrs() {
  }

  /** Labels and annotations MTC puts on each of a migration's Backups and Restores. */
  static ObjectMeta metadata(MigrationContext context, VeleroCr which, Map<String, String> moreAnnotations) {
    var migration = context.migration();
    String uid = migration.getMetadata().getUid();
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(PART_OF, "migration");
    labels.put(dev.ferry.controller.velero.MigrationOwned.LABEL, uid);
    labels.put(which.label, uid);
    // On a Restore too: its Backup CR lives on the other cluster, and this names the repository
    // (the BackupStorageLocation Ferry keeps on every cluster) that `ferry restore logs` reads.
    labels.put(STORAGE_LOCATION, context.storageLocation());
    Map<String, String> annotations = new LinkedHashMap<>();
    annotations.put(COPY_PHASE, "final");
    annotations.put(QUIESCE_PODS, String.valueOf(context.quiescePods()));
    // MTC's migration registry; Ferry copies images registry to registry, so this names the
    // source's exposed registry (empty when the plan migrates no images).
    annotations.put(REGISTRY, context.sourceRegistry() == null ? "" : context.sourceRegistry());
    annotations.put(REGISTRY_DIR, "/" + context.plan().getMetadata().getName() + "-registry-"
        + context.plan().getMetadata().getUid());
    annotations.putAll(moreAnnotations);
    return new ObjectMetaBuilder().withGenerateName(migration.getMetadata().getName() + "-")
        .withNamespace(migration.getMetadata().getNamespace()).withLabels(labels).withAnnotations(annotations).build();
  }

  /** The CR labelled for this migration on {@code cluster}, created from {@code desired} when there is none. */
  static <T extends HasMetadata> T findOrCreate(KubernetesClient cluster, Class<T> type, MigrationContext context,
                                               VeleroCr which, Supplier<T> desired) {
    T found = find(cluster, type, context, which);
    if (found != null) {
      return found;
    }
    T resource = desired.get();
    try {
      return cluster.resource(resource).create();
    } catch (KubernetesClientException e) {
      if (e.getCode() != HttpURLConnection.HTTP_NOT_FOUND) {
        throw e;
      }
      // A cluster without Velero's API or the migration namespace (a fresh remote MigCluster):
      // MTC installs both on every cluster it migrates with; so does Ferry, on first use.
      installVeleroApi(cluster, resource.getMetadata().getNamespace());
      return cluster.resource(resource).create();
    }
  }

  static <T extends HasMetadata> T find(KubernetesClient cluster, Class<T> type, MigrationContext context,
                                        VeleroCr which) {
    try {
      List<T> items = cluster.resources(type).inNamespace(context.migration().getMetadata().getNamespace())
          .withLabel(which.label, context.migration().getMetadata().getUid()).list().getItems();
      // Only one is ever created; the oldest wins should a race have created two.
      return items.stream().min(Comparator.comparing((T r) -> r.getMetadata().getCreationTimestamp())
          .thenComparing(r -> r.getMetadata().getName())).orElse(null);
    } catch (KubernetesClientException e) {
      if (e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
        return null; // no Velero API there yet
      }
      throw e;
    }
  }

  private static void installVeleroApi(KubernetesClient cluster, String namespace) {
    for (Class<? extends HasMetadata> type : List.of(Backup.class, Restore.class)) {
      var crd = Crds.of(type).definition();
      var crds = cluster.apiextensions().v1().customResourceDefinitions();
      if (crds.withName(crd.getMetadata().getName()).get() == null) {
        crds.resource(crd).fieldManager("ferry").serverSideApply();
        crds.withName(crd.getMetadata().getName()).waitUntilCondition(c -> c != null && c.getStatus() != null
            && c.getStatus().getConditions() != null && c.getStatus().getConditions().stream()
            .anyMatch(x -> "Established".equals(x.getType()) && "True".equals(x.getStatus())), 60, TimeUnit.SECONDS);
      }
    }
    if (cluster.namespaces().withName(namespace).get() == null) {
      cluster.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
          .create();
    }
  }
}
