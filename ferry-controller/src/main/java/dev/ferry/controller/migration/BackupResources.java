package dev.ferry.controller.migration;

import dev.ferry.api.velero.backup.Backup;
import dev.ferry.api.velero.backup.BackupPhase;
import dev.ferry.api.velero.backup.BackupSpec;
import dev.ferry.api.velero.backup.BackupStatus;
import dev.ferry.controller.itinerary.PhaseResult;
import dev.ferry.controller.velero.BackupRun;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Creates one of the migration's Backup CRs on the source cluster and waits for it, as MTC
 * does: the initial backup holds the plan's Kubernetes objects (taken before anything is
 * quiesced); the stage backup holds the volume-related objects ({@link StageSelection}) once the
 * application is quiesced. The backup itself runs on the shared {@link
 * dev.ferry.controller.velero.VeleroExecutor} with the code the Backup reconciler uses, so the
 * reconcile thread only polls. The pipeline step names the Backup it waits on.
 */
final class BackupResources extends VeleroCrPhase {
  BackupResources(VeleroCr which) {
    super(which);
  }

  @Override
  public PhaseResult run(MigrationContext context) {
    Backup backup = VeleroCrs.find(context.source(), Backup.class, context, which);
    if (backup == null) {
      if (which == VeleroCr.STAGE_BACKUP) {
        StageSelection.label(context);
      }
      backup = VeleroCrs.findOrCreate(context.source(), Backup.class, context, which, () -> desired(context));
    }
    BackupStatus status = backup.getStatus();
    BackupPhase phase = status == null || status.getPhase() == null ? BackupPhase.NEW : status.getPhase();
    OperationProgress.backup(context, which, id(backup), status == null ? null : status.getProgress());
    switch (phase) {
      case COMPLETED -> {
        return finished(context);
      }
      case PARTIALLY_FAILED -> {
        warnPartiallyFailed(context, backup);
        return finished(context);
      }
      case FAILED, FAILED_VALIDATION -> {
        return failed(backup, phase.value(), status.getFailureReason(), status.getValidationErrors(), "backup");
      }
      case NEW, IN_PROGRESS -> {
        Backup toRun = backup;
        // New: never started; InProgress with nothing running here: a controller restart, run again.
        context.executor().submit(backup.getMetadata().getUid(), () -> BackupRun.run(context.source(),
            context::openRepository, context.clock(), toRun));
        return PhaseResult.requeue(POLL, id(backup) + ": " + phase.value() + progress(status));
      }
      default -> {
        return PhaseResult.requeue(POLL, id(backup) + ": " + phase.value());
      }
    }
  }

  private PhaseResult finished(MigrationContext context) {
    if (which == VeleroCr.STAGE_BACKUP) {
      StageSelection.unlabel(context);
    }
    return PhaseResult.done();
  }

  private static String progress(BackupStatus status) {
    return status == null || status.getProgress() == null ? ""
        : progress(status.getProgress().getItemsBackedUp(), status.getProgress().getTotalItems(), "backed up");
  }

  private Backup desired(MigrationContext context) {
    Backup backup = new Backup();
    BackupSpec spec = new BackupSpec();
    spec.setIncludedNamespaces(context.sourceNamespaces());
    spec.setStorageLocation(context.storageLocation());
    spec.setVolumeSnapshotLocations(context.snapshotLocations());
    spec.setTtl("720h0m0s");
    if (which == VeleroCr.STAGE_BACKUP) {
      spec.setIncludedResources(List.of("persistentvolumes", "persistentvolumeclaims", "namespaces", "imagestreams",
          "imagestreamtags", "secrets", "configmaps", "pods"));
      spec.setExcludedResources(List.of());
      spec.setLabelSelector(new LabelSelectorBuilder()
          .addToMatchLabels(VeleroCr.STAGE_SELECTOR, context.migration().getMetadata().getUid()).build());
      String policies = StageSelection.originalReclaimPolicies(context);
      backup.setMetadata(VeleroCrs.metadata(context, which, policies.isEmpty() ? Map.of()
          : Map.of(VeleroCrs.ORIG_RECLAIM_POLICY, policies)));
    } else {
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
      backup.setMetadata(VeleroCrs.metadata(context, which, Map.of()));
    }
    backup.setSpec(spec);
    return backup;
  }
}
