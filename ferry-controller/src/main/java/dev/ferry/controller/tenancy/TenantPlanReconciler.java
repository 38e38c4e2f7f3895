package dev.ferry.controller.tenancy;

import dev.ferry.api.common.Category;
import dev.ferry.api.common.Condition;
import dev.ferry.api.migration.plan.MigPlan;
import dev.ferry.api.migration.plan.MigPlanStatus;
import dev.ferry.controller.cluster.ClusterAccessException;
import dev.ferry.controller.storage.InvalidMigStorageException;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Self-service MigPlans (any namespace but the controller's): the same checks a migration makes
 * before it reads anything — settings, references, TokenReview, SubjectAccessReviews — written
 * as the plan's conditions, so a tenant learns what they may not do before they run anything
 * (e.g. {@code Forbidden: user … cannot get namespace b on the source cluster}). Re-checked every
 * few minutes: tokens expire and RBAC changes.
 */
@ControllerConfiguration(name = "tenant-plan")
public class TenantPlanReconciler implements Reconciler<MigPlan> {
  static final Duration RECHECK = Duration.ofMinutes(5);

  private final TenantScope tenants;
  private final Clock clock;

  public TenantPlanReconciler(TenantScope tenants) {
    this.tenants = tenants;
    this.clock = tenants.clock();
  }

  @Override
  public UpdateControl<MigPlan> reconcile(MigPlan plan, Context<MigPlan> context) {
    if (!tenants.owns(plan)) {
      return UpdateControl.noUpdate(); // the cluster admin's plans: MigPlanReconciler's
    }
    List<Condition> next = new ArrayList<>();
    try (var checked = tenants.planCheck(context.getClient()).check(plan)) {
      next.add(Condition.of(Condition.READY, Category.REQUIRED, null, "The self-service plan is ready; its "
          + "migrations run as " + checked.source().identity().username() + " on the source cluster and as "
          + checked.destination().identity().username() + " on the destination cluster."));
    } catch (TenantAccessException e) {
      next.add(Condition.of(e.reason(), Category.CRITICAL, e.reason(), e.getMessage()));
    } catch (ClusterAccessException | InvalidMigStorageException e) {
      next.add(Condition.of("InvalidSelfServicePlan", Category.CRITICAL, "InvalidSelfServicePlan", e.getMessage()));
    } catch (KubernetesClientException e) {
      next.add(Condition.of("ClusterError", Category.CRITICAL, "ClusterError", String.valueOf(e.getMessage())));
    }
    MigPlanStatus status = plan.getStatus() == null ? new MigPlanStatus() : plan.getStatus();
    var conditions = status.conditions(clock);
    conditions.beginStaging();
    next.forEach(conditions::set);
    conditions.endStaging();
    plan.setStatus(status);
    plan.getMetadata().setResourceVersion(null);
    return UpdateControl.patchStatus(plan).rescheduleAfter(RECHECK);
  }
}
