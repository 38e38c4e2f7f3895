package dev.ferry.controller.migration;

import dev.ferry.api.velero.backup.Backup;
import dev.ferry.api.velero.restore.Restore;
import dev.ferry.api.velero.restore.RestorePhase;
import dev.ferry.api.velero.restore.RestoreSpec;
import dev.ferry.api.velero.restore.RestoreStatus;
import dev.ferry.backup.restore.RestoreOptions;
import dev.ferry.controller.itinerary.PhaseResult;
import dev.ferry.controller.velero.RestoreRun;
import dev.ferry.controller.volumes.DestinationClaims;
import io.fabric8.kubernetes.api.model.Namespace;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Creates one of the migration's Restore CRs on the destination and waits for it, as MTC does:
 * the stage restore restores the stage backup (the volume-related objects), the final restore
 * the initial backup, under the plan's namespace mapping, every object marked with the plan
 * (for rollback) and internal image references rewritten. The restore runs on the shared
 * {@link dev.ferry.controller.velero.VeleroExecutor} with the Restore reconciler's code; objects
 * that already exist and are equal are skipped, so a re-run after a restart is harmless.
 */
final class RestoreResources extends VeleroCrPhase {
  private final VeleroCr from;

  RestoreResources(VeleroCr which) {
    super(which);
    this.from = which == VeleroCr.STAGE_RESTORE ? VeleroCr.STAGE_BACKUP : VeleroCr.INITIAL_BACKUP;
  }

  @Override
  public PhaseResult run(MigrationContext context) {
    Restore restore = VeleroCrs.find(context.destination(), Restore.class, context, which);
    if (restore == null) {
      Backup backup = VeleroCrs.find(context.source(), Backup.class, context, from);
      if (backup == null) {
        return PhaseResult.fail(which.title + " cannot start: the " + from.title + " of this migration ("
            + from.label + "=" + context.migration().getMetadata().getUid() + ") is gone from the source cluster");
      }
      String backupName = backup.getMetadata().getName();
      restore = VeleroCrs.findOrCreate(context.destination(), Restore.class, context, which,
          () -> desired(context, backupName));
    }
    RestoreStatus status = restore.getStatus();
    RestorePhase phase = status == null || status.getPhase() == null ? RestorePhase.NEW : status.getPhase();
    OperationProgress.restore(context, which, id(restore), status == null ? null : status.getProgress());
    switch (phase) {
      case COMPLETED -> {
        return PhaseResult.done();
      }
      case PARTIALLY_FAILED -> {
        warnPartiallyFailed(context, restore);
        return PhaseResult.done();
      }
      case FAILED, FAILED_VALIDATION -> {
        return failed(restore, phase.value(), status.getFailureReason(), status.getValidationErrors(), "restore");
      }
      case NEW, IN_PROGRESS -> {
        Restore toRun = restore;
        context.executor().submit(restore.getMetadata().getUid(), () -> RestoreRun.run(context.destination(),
            context::openRepository, context.clock(), options(context), toRun));
        return PhaseResult.requeue(POLL, id(restore) + ": " + phase.value() + progress(status));
      }
      default -> {
        return PhaseResult.requeue(POLL, id(restore) + ": " + phase.value());
      }
    }
  }

  private static String progress(RestoreStatus status) {
    return status == null || status.getProgress() == null ? ""
        : progress(status.getProgress().getItemsRestored(), status.getProgress().getTotalItems(), "restored");
  }

  private Restore desired(MigrationContext context, String backupName) {
    Restore restore = new Restore();
    restore.setMetadata(VeleroCrs.metadata(context, which, Map.of()));
    RestoreSpec spec = new RestoreSpec();
    spec.setBackupName(backupName);
    spec.setRestorePVs(true);
    Map<String, String> mapping = new LinkedHashMap<>();
    context.namespaceMapping().forEach((src, dest) -> {
      if (!src.equals(dest)) {
        mapping.put(src, dest);
      }
    });
    spec.setNamespaceMapping(mapping.isEmpty() ? null : mapping);
    spec.setExcludedResources(List.of("nodes", "events", "events.events.k8s.io", "backups.velero.io",
        "restores.velero.io", "resticrepositories.velero.io"));
    restore.setSpec(spec);
    return restore;
  }

  private static RestoreOptions options(MigrationContext context) {
    RestoreOptions options = new RestoreOptions(context.sourceRegistry(), context.destinationRegistry(),
        Map.of(MigrationContext.MIGRATED_BY_PLAN, context.planLabel(),
            MigrationContext.MIGRATED_BY_MIGRATION, context.migration().getMetadata().getUid()),
        List.of(new ClaimsForDestination(context.plan().getSpec().getPersistentVolumes()),
            new NamespacesCreatedByCopy(namespacesCreatedByCopy(context))));
    if (context.host() != null) {
      // The backup is read within the MigrationController's restore limits, as a Restore CR is.
      options = options.withLimits(new dev.ferry.controller.settings.ControllerSettingsReader(context.host(),
          context.migration().getMetadata().getNamespace()).restoreLimits());
    }
    return options;
  }

  private static Set<String> namespacesCreatedByCopy(MigrationContext context) {
    Set<String> created = new HashSet<>();
    context.namespaceMapping().forEach((src, dest) -> {
      Namespace namespace = context.destination().namespaces().withName(dest).get();
      if (namespace != null && namespace.getMetadata().getAnnotations() != null
          && namespace.getMetadata().getAnnotations().containsKey(DestinationClaims.CREATED_FOR_COPY)) {
        created.add(src);
      }
    });
    return created;
  }
}
