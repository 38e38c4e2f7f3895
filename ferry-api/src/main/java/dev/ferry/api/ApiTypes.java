package dev.ferry.api;

import dev.ferry.api.migration.analytics.MigAnalytic;
import dev.ferry.api.migration.cluster.MigCluster;
import dev.ferry.api.migration.hook.MigHook;
import dev.ferry.api.migration.images.DirectImageMigration;
import dev.ferry.api.migration.images.DirectImageStreamMigration;
import dev.ferry.api.migration.migration.MigMigration;
import dev.ferry.api.migration.plan.MigPlan;
import dev.ferry.api.migration.settings.MigrationController;
import dev.ferry.api.migration.storage.MigStorage;
import dev.ferry.api.migration.volumes.DirectVolumeMigration;
import dev.ferry.api.migration.volumes.DirectVolumeMigrationProgress;
import dev.ferry.api.velero.backup.Backup;
import dev.ferry.api.velero.location.BackupStorageLocation;
import dev.ferry.api.velero.location.VolumeSnapshotLocation;
import dev.ferry.api.velero.restore.Restore;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.CustomResource;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Every custom resource kind Ferry defines, in a stable order: by group, then kind. */
public final class ApiTypes {

  /** The 15 kinds, sorted by group, then kind. */
  public static final List<Class<? extends CustomResource<?, ?>>> ALL = sorted(List.of(
      DirectImageMigration.class, DirectImageStreamMigration.class, DirectVolumeMigration.class,
      DirectVolumeMigrationProgress.class, MigAnalytic.class, MigCluster.class, MigHook.class,
      MigMigration.class, MigPlan.class, MigStorage.class, MigrationController.class,
      Backup.class, BackupStorageLocation.class, Restore.class, VolumeSnapshotLocation.class));

  private ApiTypes() {
  }

  private static List<Class<? extends CustomResource<?, ?>>> sorted(
      List<Class<? extends CustomResource<?, ?>>> types) {
    return types.stream()
        .sorted(Comparator.<Class<? extends CustomResource<?, ?>>, String>comparing(HasMetadata::getGroup)
            .thenComparing(HasMetadata::getKind))
        .toList();
  }

  /** The CRD name of a kind: plural.group, e.g. migplans.migration.openshift.io. */
  public static String crdName(Class<? extends HasMetadata> type) {
    return HasMetadata.getFullResourceName(type);
  }

  /** The class of a kind, by kind name (e.g. MigPlan) and optionally group. */
  public static Optional<Class<? extends CustomResource<?, ?>>> forKind(String group, String kind) {
    return ALL.stream()
        .filter(t -> HasMetadata.getKind(t).equals(kind) && (group == null || HasMetadata.getGroup(t).equals(group)))
        .findFirst();
  }
}
