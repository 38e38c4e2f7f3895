package dev.ferry.controller.plan;

import dev.ferry.api.common.Conditions;
import dev.ferry.api.migration.plan.MigPlan;
import dev.ferry.api.migration.plan.MigPlanStatus;
import dev.ferry.controller.cluster.ClusterClients;
import dev.ferry.controller.itinerary.StatusPatches;
import dev.ferry.controller.plan.model.ClusterInspection;
import dev.ferry.controller.plan.model.GvkCompatibility;
import dev.ferry.controller.plan.model.PlanSnapshot;
import dev.ferry.controller.plan.model.PlanValidation;
import dev.ferry.controller.plan.model.PlanValidator;
import dev.ferry.controller.plan.model.StorageClasses;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Validates MigPlans: reads a {@link PlanSnapshot}, lets {@link PlanValidator} judge it, writes
 * the discovered volumes into the spec and the conditions into the status. Runs on every change
 * of the plan or of what it references, and every two minutes; {@code spec.refresh: true} asks
 * for it at once. A closed plan is still validated (it stays Ready), but migrations must refuse it.
 */
@ControllerConfiguration(name = "migplan")
public class MigPlanReconciler implements Reconciler<MigPlan> {
  static final Duration RECHECK = Duration.ofMinutes(2);
  private static final Logger LOG = LoggerFactory.getLogger(MigPlanReconciler.class);

  private final PlanSnapshotReader reader;
  private final Clock clock;

  public MigPlanReconciler(ClusterClients clusters, String controllerNamespace, Clock clock) {
    this.reader = new PlanSnapshotReader(clusters, controllerNamespace, clock);
    this.clock = clock;
  }

  @Override
  public List<EventSource<?, MigPlan>> prepareEventSources(EventSourceContext<MigPlan> context) {
    return PlanEventSources.create(context);
  }

  @Override
  public UpdateControl<MigPlan> reconcile(MigPlan plan, Context<MigPlan> context) {
    PlanSnapshot snapshot = reader.read(plan);
    PlanValidation result = PlanValidator.validate(snapshot);
    boolean refresh = plan.getSpec() != null && Boolean.TRUE.equals(plan.getSpec().getRefresh());
    boolean volumesChanged = result.volumes() != null && PlanSpecWriter.changed(plan, result.volumes());
    PlanSpecWriter.patch(context.getClient(), plan, volumesChanged ? result.volumes() : null, refresh);

    MigPlanStatus status = plan.getStatus() == null ? new MigPlanStatus() : plan.getStatus();
    plan.setStatus(status);
    Conditions conditions = status.conditions(clock);
    result.applyTo(conditions);
    status.setExcludedResources(GvkCompatibility.excluded(snapshot.settings().excludedResources()).stream()
        .map(Object::toString).sorted().toList());
    storageClasses(snapshot.sourceCluster(), snapshot.destinationCluster(), status);
    if (snapshot.incompatibleNamespaces() != null) {
      status.setIncompatibleNamespaces(snapshot.incompatibleNamespaces().isEmpty() ? null
          : snapshot.incompatibleNamespaces());
    }
    LOG.debug("MigPlan {}/{}: {}", plan.getMetadata().getNamespace(), plan.getMetadata().getName(),
        conditions.list());
    return StatusPatches.patch(plan).rescheduleAfter(RECHECK);
  }

  private static void storageClasses(ClusterInspection source, ClusterInspection destination, MigPlanStatus status) {
    if (source.usable()) {
      status.setSrcStorageClasses(StorageClasses.info(source.storageClasses()));
    }
    if (destination.usable()) {
      status.setDestStorageClasses(StorageClasses.info(destination.storageClasses()));
    }
  }
}
