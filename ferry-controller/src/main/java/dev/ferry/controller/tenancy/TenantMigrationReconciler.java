package dev.ferry.controller.tenancy;

import dev.ferry.api.common.Category;
import dev.ferry.api.common.Condition;
import dev.ferry.api.migration.migration.MigMigration;
import dev.ferry.api.migration.migration.MigMigrationStatus;
import dev.ferry.api.velero.restore.RestorePhase;
import dev.ferry.controller.cluster.ClusterAccessException;
import dev.ferry.controller.storage.InvalidMigStorageException;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Self-service MigMigrations: those in any namespace but the controller's. Each runs once, as its
 * tenant ({@link TenantMigration}), and ends Completed (condition Succeeded, or
 * SucceededWithWarnings when some objects were refused — they are listed in status.errors) or
 * Failed with a Critical condition that says what the tenant may not do.
 */
@ControllerConfiguration(name = "tenant-migration")
public class TenantMigrationReconciler implements Reconciler<MigMigration> {
  private static final Logger LOG = LoggerFactory.getLogger(TenantMigrationReconciler.class);
  public static final String COMPLETED = "Completed";
  public static final String FAILED = "Failed";

  private final TenantScope tenants;
  private final Clock clock;

  public TenantMigrationReconciler(TenantScope tenants) {
    this.tenants = tenants;
    this.clock = tenants.clock();
  }

  @Override
  public UpdateControl<MigMigration> reconcile(MigMigration migration, Context<MigMigration> context) {
    if (!tenants.owns(migration)) {
      return UpdateControl.noUpdate(); // the cluster admin's migrations: MigrationReconciler's
    }
    MigMigrationStatus status = migration.getStatus() == null ? new MigMigrationStatus() : migration.getStatus();
    if (COMPLETED.equals(status.getPhase()) || FAILED.equals(status.getPhase())) {
      return UpdateControl.noUpdate();
    }
    status.setStartTimestamp(now());
    var conditions = status.conditions(clock);
    String name = migration.getMetadata().getNamespace() + "/" + migration.getMetadata().getName();
    try {
      var outcome = tenants.migration(context.getClient())
          .run(migration);
      RestorePhase phase = outcome.restore().getPhase();
      if (phase == RestorePhase.COMPLETED && outcome.errors().isEmpty()) {
        status.setPhase(COMPLETED);
        conditions.set(Condition.of("Succeeded", Category.ADVISORY, "Completed",
            "The migration has completed successfully, as " + outcome.user() + "." + unreadable(outcome)));
      } else if (phase == RestorePhase.COMPLETED || phase == RestorePhase.PARTIALLY_FAILED) {
        status.setPhase(COMPLETED);
        status.setErrors(outcome.errors());
        conditions.set(Condition.of("SucceededWithWarnings", Category.WARN, "Completed",
            "The migration has completed as " + outcome.user() + ", but " + outcome.errors().size()
                + " objects were not restored; see status.errors." + unreadable(outcome)));
      } else {
        String why = outcome.restore().getFailureReason() != null ? outcome.restore().getFailureReason()
            : String.join("; ", outcome.restore().getValidationErrors() == null ? List.of()
                : outcome.restore().getValidationErrors());
        fail(status, "RestoreFailed", "the restore as " + outcome.user() + " failed: " + why);
      }
    } catch (TenantAccessException e) {
      fail(status, e.reason(), e.getMessage());
    } catch (ClusterAccessException | InvalidMigStorageException e) {
      fail(status, "InvalidSelfServicePlan", e.getMessage());
    } catch (KubernetesClientException e) {
      fail(status, "ClusterError", e.getStatus() != null && e.getStatus().getMessage() != null
          ? e.getStatus().getMessage() : String.valueOf(e.getMessage()));
    }
    LOG.info("self-service migration {} ended {}", name, status.getPhase());
    migration.setStatus(status);
    migration.getMetadata().setResourceVersion(null);
    return UpdateControl.patchStatus(migration);
  }

  private static String unreadable(TenantMigration.Outcome outcome) {
    return outcome.unreadable().isEmpty() ? "" : " Not migrated, as the user may not list them: "
        + String.join(", ", outcome.unreadable()) + ".";
  }

  private void fail(MigMigrationStatus status, String reason, String message) {
    status.setPhase(FAILED);
    status.conditions(clock).set(Condition.of("Failed", Category.CRITICAL, reason, message));
  }

  private String now() {
    return Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
