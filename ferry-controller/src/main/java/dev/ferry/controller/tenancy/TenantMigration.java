package dev.ferry.controller.tenancy;

import dev.ferry.api.migration.migration.MigMigration;
import dev.ferry.api.migration.plan.MigPlan;
import dev.ferry.api.migration.storage.MigStorage;
import dev.ferry.api.velero.backup.Backup;
import dev.ferry.api.velero.backup.BackupPhase;
import dev.ferry.api.velero.backup.BackupStatus;
import dev.ferry.api.velero.restore.RestoreStatus;
import dev.ferry.backup.backup.Backupper;
import dev.ferry.backup.format.BackupLayout;
import dev.ferry.backup.model.ResultsFile;
import dev.ferry.backup.restore.PrivilegedWrites;
import dev.ferry.backup.restore.RestoreOptions;
import dev.ferry.backup.restore.Restorer;
import dev.ferry.controller.migration.MigrationContext;
import dev.ferry.controller.settings.ControllerSettingsReader;
import dev.ferry.objectstore.ObjectStore;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One self-service migration of a tenant's namespaces, run as the tenant: settings and plan rules
 * first, then the tenant's identity on both clusters (TokenReview), then SubjectAccessReviews
 * that explain what the tenant may not do, then the backup with the tenant's source token and the
 * restore with the tenant's destination token. The controller's own rights are used only to read
 * the tenant's CRs and token Secrets, to ask the API servers about the tenant, and to create the
 * cluster-scoped resources the cluster admin allow-listed. The checks are {@link TenantPlanCheck}'s,
 * the Backup and Restore {@link TenantRequests}'.
 */
record TenantMigration(TenantPlanCheck check, Clock clock) {

  /** What a finished run reports: the restore's status and its error messages. */
  record Outcome(String user, RestoreStatus restore, List<String> errors, List<String> unreadable) {
  }

  /** @throws TenantAccessException when the migration may not run (nothing was read or written as the tenant) */
  Outcome run(MigMigration migration) {
    String own = migration.getMetadata().getNamespace();
    MigPlan plan = plan(migration, own);
    try (TenantPlanCheck.Checked checked = check.check(plan)) {
      SelfServiceSettings settings = checked.settings();
      MigStorage storage = checked.storage();
      KubernetesClient destinationController = checked.destinationController();
      Map<String, String> mapping = checked.mapping();
      TenantSession source = checked.source();
      TenantSession destination = checked.destination();
      String name = migration.getMetadata().getName();
      try (ObjectStore store = check.storages().open(storage)) {
        // A backup already in the tenant's repository under this name is the one a previous run of
        // this migration made (a restart resumes); it is untrusted either way: the tenant owns the bucket.
        List<String> unreadable = unreadableKinds(source, mapping.keySet());
        if (!store.exists(BackupLayout.ROOT.backupMetadata(name))) {
          Backup request = TenantRequests.backup(name, own, mapping);
          List<String> excluded = new ArrayList<>(request.getSpec().getExcludedResources());
          excluded.addAll(unreadable);
          request.getSpec().setExcludedResources(excluded);
          BackupStatus backup = new Backupper(source.client(), store, clock).run(request, s -> { });
          if (backup.getPhase() == BackupPhase.FAILED || backup.getPhase() == BackupPhase.FAILED_VALIDATION) {
            String why = backup.getFailureReason() != null ? backup.getFailureReason()
                : String.join("; ", backup.getValidationErrors() == null ? List.of() : backup.getValidationErrors());
            throw new TenantAccessException("BackupFailed", "the backup as " + source.identity().username()
                + " failed: " + why);
          }
        }
        RestoreOptions options = new RestoreOptions(null, null, Map.of(MigrationContext.MIGRATED_BY_PLAN,
            plan.getMetadata().getUid(), MigrationContext.MIGRATED_BY_MIGRATION, migration.getMetadata().getUid()))
            .withLimits(new ControllerSettingsReader(check.host(), check.controllerNamespace()).restoreLimits())
            .withPrivilegedWrites(new PrivilegedWrites(destinationController, settings.clusterScopedAllowList()));
        RestoreStatus restored = new Restorer(destination.client(), store, clock, options)
            .run(TenantRequests.restore(name, own, mapping), s -> { });
        // What the tenant could not read (e.g. a kind their role does not list) was not migrated either.
        List<String> errors = new ArrayList<>();
        errors(store, BackupLayout.ROOT.backupResults(name)).forEach(e -> errors.add("backup: " + e));
        errors.addAll(errors(store, BackupLayout.ROOT.restoreResults(name)));
        return new Outcome(destination.identity().username(), restored, errors, unreadable);
      }
    }
  }

  private MigPlan plan(MigMigration migration, String own) {
    ObjectReference ref = migration.getSpec() == null ? null : migration.getSpec().getMigPlanRef();
    if (ref == null || ref.getName() == null) {
      throw new TenantAccessException("InvalidPlanRef", "spec.migPlanRef must name a MigPlan of namespace " + own);
    }
    if (ref.getNamespace() != null && !ref.getNamespace().isBlank() && !ref.getNamespace().equals(own)) {
      throw new TenantAccessException("InvalidPlanRef", "spec.migPlanRef names MigPlan " + ref.getNamespace() + "/"
          + ref.getName() + "; a self-service migration may only run a plan of its own namespace " + own);
    }
    MigPlan plan = check.host().resources(MigPlan.class).inNamespace(own).withName(ref.getName()).get();
    if (plan == null) {
      throw new TenantAccessException("InvalidPlanRef", "MigPlan " + own + "/" + ref.getName() + " does not exist");
    }
    return plan;
  }

  /**
   * The namespaced kinds the tenant may not list in some plan namespace (e.g. leases for a
   * namespace admin): left out of the backup and named in the outcome, rather than failing on them.
   */
  private static List<String> unreadableKinds(TenantSession source, java.util.Collection<String> namespaces) {
    List<String> unreadable = new ArrayList<>();
    for (var resource : dev.ferry.backup.discovery.ApiDiscovery.of(source.client()).namespaced()) {
      if (!resource.can("list") || !resource.can("get")) {
        continue;
      }
      for (String namespace : namespaces) {
        if (!source.can("list", resource.group(), resource.resource(), namespace, null)) {
          unreadable.add(resource.groupResource().qualified());
          break;
        }
      }
    }
    return unreadable;
  }

  /** The error messages of a results file ({@code key}), if there is one. */
  private static List<String> errors(ObjectStore store, String key) {
    List<String> errors = new ArrayList<>();
    if (!store.exists(key)) {
      return errors;
    }
    try {
      ResultsFile results = ResultsFile.read(new ByteArrayInputStream(store.getBytes(key)));
      errors.addAll(results.errors().velero());
      errors.addAll(results.errors().cluster());
      results.errors().namespaces().values().forEach(errors::addAll);
    } catch (IOException e) {
      errors.add("cannot read " + key + ": " + e.getMessage());
    }
    return errors;
  }
}
