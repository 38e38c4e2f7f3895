package dev.ferry.controller.storage;

import dev.ferry.api.migration.cluster.MigCluster;
import dev.ferry.api.migration.cluster.MigClusterSpec;
import dev.ferry.api.migration.settings.MigrationController;
import dev.ferry.api.migration.storage.MigStorage;
import dev.ferry.api.velero.location.BackupStorageLocation;
import dev.ferry.api.velero.location.VolumeSnapshotLocation;
import dev.ferry.controller.cluster.ClusterClients;
import dev.ferry.objectstore.StorageLocation;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps Velero's view of a MigStorage on every cluster of the installation (the host and each
 * MigCluster): one BackupStorageLocation, its credentials Secret and, where configured, one
 * VolumeSnapshotLocation, all named {@code <MigStorage name>-<suffix>} in the MigStorage's
 * namespace and labelled as MTC labels them ({@code migstorage: <uid>},
 * {@code migrationcontroller: <uid>}). Created or updated when the MigStorage is Ready, deleted
 * with it. Secret contents are never logged.
 */
public final class VeleroLocationSync {
  private static final Logger LOG = LoggerFactory.getLogger(VeleroLocationSync.class);
  private static final String PART_OF = "app.kubernetes.io/part-of";

  private final ClusterClients clusters;

  public VeleroLocationSync(ClusterClients clusters) {
    this.clusters = clusters;
  }

  /** The name of the locations and Secret: the MigStorage's name and a suffix from its uid. */
  public static String locationName(MigStorage storage) {
    String name = storage.getMetadata().getName();
    String uid = storage.getMetadata().getUid() == null ? "local" : storage.getMetadata().getUid();
    String suffix = uid.replace("-", "").toLowerCase(java.util.Locale.ROOT);
    return (name.length() > 240 ? name.substring(0, 240) : name) + "-" + suffix.substring(0, Math.min(5,
        suffix.length()));
  }

  /** Creates or updates the locations on every cluster; returns one line per cluster that failed. */
  public List<String> apply(MigStorage storage, StorageLocation location) {
    String name = locationName(storage);
    VeleroLocationModel model = VeleroLocationModel.of(storage, location, name);
    List<String> problems = new ArrayList<>();
    for (Target target : targets(storage)) {
      try {
        applyOn(target.client(), storage, model, name);
      } catch (KubernetesClientException | dev.ferry.controller.cluster.ClusterAccessException e) {
        problems.add(target.name() + ": " + e.getMessage());
      }
    }
    return problems;
  }

  /** Deletes the locations and Secrets of {@code storage} everywhere it can; returns the clusters that failed. */
  public List<String> delete(MigStorage storage) {
    List<String> problems = new ArrayList<>();
    String uid = storage.getMetadata().getUid();
    String namespace = storage.getMetadata().getNamespace();
    for (Target target : targets(storage)) {
      try {
        KubernetesClient client = target.client();
        client.resources(BackupStorageLocation.class).inNamespace(namespace)
            .withLabel(StorageLocationKeys.MIGSTORAGE_LABEL, uid).delete();
        client.resources(VolumeSnapshotLocation.class).inNamespace(namespace)
            .withLabel(StorageLocationKeys.MIGSTORAGE_LABEL, uid).delete();
        client.secrets().inNamespace(namespace).withLabel(StorageLocationKeys.MIGSTORAGE_LABEL, uid).delete();
      } catch (KubernetesClientException | dev.ferry.controller.cluster.ClusterAccessException e) {
        problems.add(target.name() + ": " + e.getMessage());
      }
    }
    return problems;
  }

  private void applyOn(KubernetesClient client, MigStorage storage, VeleroLocationModel model, String name) {
    String namespace = storage.getMetadata().getNamespace();
    ObjectMeta meta = meta(client, storage, name);
    if (model.secretData().isEmpty()) {
      client.secrets().inNamespace(namespace).withName(name).delete();
    } else {
      Secret existing = client.secrets().inNamespace(namespace).withName(name).get();
      if (existing == null || !Objects.equals(decode(existing.getData()), model.secretData())
          || !existing.getMetadata().getLabels().equals(meta.getLabels())) {
        client.secrets().inNamespace(namespace).resource(new SecretBuilder().withMetadata(meta)
            .withStringData(model.secretData()).build()).createOr(op -> op.update());
        LOG.info("{} credentials Secret {}/{} for MigStorage {}", existing == null ? "created" : "updated", namespace,
            name, storage.getMetadata().getName());
      }
    }
    BackupStorageLocation bsl = client.resources(BackupStorageLocation.class).inNamespace(namespace).withName(name)
        .get();
    if (bsl == null) {
      bsl = new BackupStorageLocation();
      bsl.setMetadata(meta);
      bsl.setSpec(model.bsl());
      client.resources(BackupStorageLocation.class).inNamespace(namespace).resource(bsl).create();
      LOG.info("created BackupStorageLocation {}/{} ({}) for MigStorage {}", namespace, name,
          model.bsl().getProvider(), storage.getMetadata().getName());
    } else if (!Objects.equals(bsl.getSpec(), model.bsl()) || !meta.getLabels().equals(bsl.getMetadata().getLabels())) {
      client.resources(BackupStorageLocation.class).inNamespace(namespace).withName(name).edit(b -> {
        b.getMetadata().setLabels(meta.getLabels());
        b.setSpec(model.bsl());
        return b;
      });
      LOG.info("updated BackupStorageLocation {}/{} for MigStorage {}", namespace, name,
          storage.getMetadata().getName());
    }
    var vsls = client.resources(VolumeSnapshotLocation.class).inNamespace(namespace);
    if (model.vsl() == null) {
      vsls.withName(name).delete();
      return;
    }
    VolumeSnapshotLocation vsl = vsls.withName(name).get();
    if (vsl == null) {
      vsl = new VolumeSnapshotLocation();
      vsl.setMetadata(meta);
      vsl.setSpec(model.vsl());
      vsls.resource(vsl).create();
    } else if (!Objects.equals(vsl.getSpec(), model.vsl())) {
      vsls.withName(name).edit(v -> {
        v.setSpec(model.vsl());
        return v;
      });
    }
  }

  private static ObjectMeta meta(KubernetesClient client, MigStorage storage, String name) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(StorageLocationKeys.MIGSTORAGE_LABEL, storage.getMetadata().getUid());
    labels.put(PART_OF, "openshift-migration");
    String controller = migrationControllerUid(client, storage.getMetadata().getNamespace());
    if (controller != null) {
      labels.put(StorageLocationKeys.MIGRATION_CONTROLLER_LABEL, controller);
    }
    return new ObjectMetaBuilder().withName(name).withNamespace(storage.getMetadata().getNamespace())
        .withLabels(labels).build();
  }

  /** The MigrationController of this cluster's installation, if there is one. */
  private static String migrationControllerUid(KubernetesClient client, String namespace) {
    try {
      List<MigrationController> controllers = client.resources(MigrationController.class).inNamespace(namespace)
          .list().getItems();
      return controllers.isEmpty() ? null : controllers.get(0).getMetadata().getUid();
    } catch (KubernetesClientException e) {
      return null; // a cluster without Ferry's CRDs: no MigrationController to point at
    }
  }

  /** The host cluster and every remote MigCluster in the MigStorage's namespace. */
  private List<Target> targets(MigStorage storage) {
    List<Target> targets = new ArrayList<>();
    targets.add(new Target("host cluster", clusters::host));
    List<MigCluster> migClusters = clusters.host().resources(MigCluster.class)
        .inNamespace(storage.getMetadata().getNamespace()).list().getItems();
    for (MigCluster cluster : migClusters) {
      MigClusterSpec spec = cluster.getSpec();
      if (spec == null || Boolean.TRUE.equals(spec.getIsHostCluster())) {
        continue;
      }
      targets.add(new Target("MigCluster " + cluster.getMetadata().getName(), () -> clusters.forCluster(cluster)));
    }
    return targets;
  }

  private static Map<String, String> decode(Map<String, String> data) {
    Map<String, String> out = new LinkedHashMap<>();
    if (data != null) {
      data.forEach((k, v) -> out.put(k, v == null ? null
          : new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8)));
    }
    return out;
  }

  private record Target(String name, java.util.function.Supplier<KubernetesClient> clientSupplier) {
    KubernetesClient client() {
      return clientSupplier.get();
    }
  }
}
