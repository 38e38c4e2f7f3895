package dev.ferry.controller.volumes;

import dev.ferry.api.migration.volumes.DirectVolumeMigration;
import dev.ferry.api.migration.migration.MigMigration;
import dev.ferry.api.migration.migration.MigMigrationSpec;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Optional;

/**
 * The identity transfer pods run as, from the MigMigration that owns the DVM (as MTC reads it):
 * {@code runAsRoot} makes them privileged root and wins; else {@code runAsUser}/{@code runAsGroup}
 * (the group is also the pod's {@code fsGroup}, so the volume is writable by it); else the
 * defaults of {@link MoverPodSettings} (root without privileges, owners and modes kept).
 */
final class MigrationIdentity {
  private MigrationIdentity() {
  }

  static MoverPodSettings apply(MoverPodSettings settings, MigMigrationSpec spec) {
    if (spec == null) {
      return settings;
    }
    if (Boolean.TRUE.equals(spec.getRunAsRoot())) {
      return new MoverPodSettings(settings.image(), true, null, null, null, settings.pendingLimit());
    }
    if (spec.getRunAsUser() == null && spec.getRunAsGroup() == null) {
      return settings;
    }
    return settings.withIdentity(spec.getRunAsUser(), spec.getRunAsGroup(), spec.getRunAsGroup());
  }

  /** The spec of the MigMigration owning {@code dvm}, if it has one and it still exists. */
  static Optional<MigMigrationSpec> owner(KubernetesClient host, DirectVolumeMigration dvm) {
    if (dvm.getMetadata().getOwnerReferences() == null) {
      return Optional.empty();
    }
    for (OwnerReference ref : dvm.getMetadata().getOwnerReferences()) {
      if ("MigMigration".equals(ref.getKind())) {
        MigMigration migration = host.resources(MigMigration.class).inNamespace(dvm.getMetadata().getNamespace())
            .withName(ref.getName()).get();
        return Optional.ofNullable(migration).map(MigMigration::getSpec);
      }
    }
    return Optional.empty();
  }
}
