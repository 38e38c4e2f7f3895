package dev.ferry.controller.migration;

import dev.ferry.api.velero.restore.Restore;
import dev.ferry.api.velero.restore.RestorePhase;
import dev.ferry.api.velero.restore.RestoreSpec;
import dev.ferry.api.velero.restore.RestoreStatus;
import dev.ferry.backup.restore.RestoreOptions;
import dev.ferry.backup.restore.Restorer;
import dev.ferry.controller.itinerary.Phase;
import dev.ferry.controller.itinerary.PhaseResult;
import dev.ferry.controller.volumes.DestinationClaims;
import dev.ferry.objectstore.ObjectStore;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Restores the initial backup on the destination under the plan's namespace mapping, marking
 * every object with the plan (for rollback) and rewriting internal image references. Objects
 * that already exist and are equal are skipped, so a re-run after a restart is harmless.
 */
final class RestoreResources implements Phase<MigrationContext> {
  @Override
  public String name() {
    return "FinalRestoreCreated";
  }

  @Override
  public String step() {
    return "Restore";
  }

  @Override
  public PhaseResult run(MigrationContext context) {
    Restore restore = new Restore();
    restore.setMetadata(new ObjectMetaBuilder().withName(context.restoreName())
        .withNamespace(context.migration().getMetadata().getNamespace())
        .addToLabels("migmigration", context.migration().getMetadata().getUid())
        .addToLabels("migration-final-restore", context.migration().getMetadata().getUid())
        .build());
    RestoreSpec spec = new RestoreSpec();
    spec.setBackupName(context.backupName());
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
    RestoreStatus status;
    try (ObjectStore store = context.openRepository()) {
      status = new Restorer(context.destination(), store, context.clock(), options).run(restore, s -> { });
    }
    if (status.getPhase() == RestorePhase.PARTIALLY_FAILED) {
      // The seed's wording, so users find what MTC's troubleshooting guide describes.
      context.warn("VeleroFinalRestorePartiallyFailed", "PartiallyFailed", "Final Restore "
          + restore.getMetadata().getNamespace() + "/" + restore.getMetadata().getName()
          + ": partially failed on destination cluster");
      return PhaseResult.done();
    }
    if (status.getPhase() != RestorePhase.COMPLETED) {
      String why = status.getFailureReason() != null ? status.getFailureReason()
          : String.join("; ", status.getValidationErrors() == null ? List.of() : status.getValidationErrors());
      return PhaseResult.fail("restore on the destination failed: " + why);
    }
    return PhaseResult.done();
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
