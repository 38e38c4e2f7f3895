package dev.ferry.controller.migration;

import dev.ferry.api.velero.backup.Backup;
import dev.ferry.api.velero.backup.BackupPhase;
import dev.ferry.api.velero.backup.BackupSpec;
import dev.ferry.api.velero.backup.BackupStatus;
import dev.ferry.backup.backup.Backupper;
import dev.ferry.controller.itinerary.Phase;
import dev.ferry.controller.itinerary.PhaseResult;
import dev.ferry.objectstore.ObjectStore;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * Backs up the plan's namespaces from the source into the repository, before anything is
 * quiesced. PVs stay out: the destination provisions its own (or, for moved volumes, the plan's
 * restore recreates them). Re-running replaces the same backup.
 */
final class BackupResources implements Phase<MigrationContext> {
  @Override
  public String name() {
    return "InitialBackupCreated";
  }

  @Override
  public String step() {
    return "Backup";
  }

  @Override
  public PhaseResult run(MigrationContext context) {
    Backup backup = new Backup();
    backup.setMetadata(new ObjectMetaBuilder().withName(context.backupName())
        .withNamespace(context.migration().getMetadata().getNamespace())
        .addToLabels("migmigration", context.migration().getMetadata().getUid())
        .addToLabels("app.kubernetes.io/part-of", "migration")
        .addToAnnotations("openshift.io/migrate-copy-phase", "final")
        .addToAnnotations("openshift.io/migrate-quiesce-pods", String.valueOf(context.quiescePods()))
        .build());
    BackupSpec spec = new BackupSpec();
    spec.setIncludedNamespaces(context.sourceNamespaces());
    List<String> excluded = new ArrayList<>();
    if (MovedVolumes.names(context.plan().getSpec().getPersistentVolumes()).isEmpty()) {
      // Copied volumes get fresh PVs on the destination; only moved ones travel as PV objects
      // (ClaimsForDestination drops the others on restore).
      excluded.add("persistentvolumes");
    }
    if (context.sourceRegistry() != null && context.destinationRegistry() != null) {
      // MigrateImages recreates the image streams on the destination, pointing at the copied images.
      excluded.addAll(List.of("imagestreams.image.openshift.io", "imagestreamtags.image.openshift.io"));
    }
    spec.setExcludedResources(excluded);
    spec.setLabelSelector(context.plan().getSpec().getLabelSelector());
    spec.setStorageLocation(context.plan().getSpec().getMigStorageRef().getName());
    spec.setTtl("720h0m0s");
    backup.setSpec(spec);
    BackupStatus status;
    try (ObjectStore store = context.openRepository()) {
      status = new Backupper(context.source(), store, context.clock()).run(backup, s -> { });
    }
    if (status.getPhase() == BackupPhase.PARTIALLY_FAILED) {
      context.warn("VeleroInitialBackupPartiallyFailed", "PartiallyFailed", "Initial Backup "
          + backup.getMetadata().getNamespace() + "/" + backup.getMetadata().getName()
          + ": partially failed on source cluster");
      return PhaseResult.done();
    }
    if (status.getPhase() != BackupPhase.COMPLETED) {
      String why = status.getFailureReason() != null ? status.getFailureReason()
          : String.join("; ", status.getValidationErrors() == null ? List.of() : status.getValidationErrors());
      return PhaseResult.fail("backup of the source namespaces failed: " + why);
    }
    return PhaseResult.done();
  }
}
