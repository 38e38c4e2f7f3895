package dev.ferry.controller.analytics;

import dev.ferry.api.common.Category;
import dev.ferry.api.common.Conditions;
import dev.ferry.api.migration.analytics.MigAnalytic;
import dev.ferry.api.migration.analytics.MigAnalyticStatus;
import dev.ferry.api.migration.cluster.MigCluster;
import dev.ferry.api.migration.plan.MigPlan;
import dev.ferry.controller.analytics.model.AnalyticsReport;
import dev.ferry.controller.analytics.model.NamespaceInventory;
import dev.ferry.controller.cluster.ClusterClients;
import dev.ferry.controller.itinerary.StatusPatches;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Fills a MigAnalytic's status (MTC's plan analytics: objects by kind and version, claims and
 * capacity, images) from its plan's namespaces on the source cluster. One analysis per spec
 * generation; {@code refresh: true} asks for a new one and is set back to false afterwards.
 */
@ControllerConfiguration(name = "miganalytic")
public class MigAnalyticReconciler implements Reconciler<MigAnalytic> {
  static final String READY_MESSAGE = "The analytic is ready.";
  private final ClusterClients clusters;
  private final Clock clock;

  public MigAnalyticReconciler(ClusterClients clusters, Clock clock) {
    this.clusters = clusters;
    this.clock = clock;
  }

  @Override
  public UpdateControl<MigAnalytic> reconcile(MigAnalytic analytic, Context<MigAnalytic> context) {
    MigAnalyticStatus status = analytic.getStatus() == null ? new MigAnalyticStatus() : analytic.getStatus();
    analytic.setStatus(status);
    boolean refresh = Boolean.TRUE.equals(analytic.getSpec().getRefresh());
    if (!refresh && analytic.getMetadata().getGeneration() != null
        && analytic.getMetadata().getGeneration().equals(status.getObservedGeneration())) {
      return UpdateControl.noUpdate();
    }
    Conditions conditions = status.conditions(clock);
    conditions.beginStaging();
    try {
      MigPlan plan = plan(analytic);
      KubernetesClient source = clusters.forCluster(cluster(plan, plan.getSpec().getSrcMigClusterRef(), "source"));
      KubernetesClient destination = plan.getSpec().getDestMigClusterRef() == null ? null
          : clusters.forCluster(cluster(plan, plan.getSpec().getDestMigClusterRef(), "destination"));
      ClusterInventory inventory = new ClusterInventory(source, destination);
      List<NamespaceInventory> namespaces = new ArrayList<>();
      for (String entry : plan.getSpec().getNamespaces() == null ? List.<String>of() : plan.getSpec().getNamespaces()) {
        namespaces.add(inventory.read(entry.split(":", 2)[0]));
      }
      status.setAnalytics(AnalyticsReport.of(plan.getMetadata().getName(), analytic.getSpec(), namespaces));
      conditions.setReady(true, READY_MESSAGE);
    } catch (AnalyticException e) {
      conditions.set(e.type, Category.CRITICAL, e.reason, e.getMessage());
      conditions.setReady(false, READY_MESSAGE);
    } catch (RuntimeException e) {
      conditions.set("AnalyticFailed", Category.CRITICAL, "Failed",
          "Analysis of the plan failed: " + StatusPatches.message(e));
      conditions.setReady(false, READY_MESSAGE);
    }
    conditions.endStaging();
    status.setObservedGeneration(analytic.getMetadata().getGeneration());
    if (refresh) {
      // Back to false so the next change of the spec, not this one, asks again (as MTC does).
      context.getClient().resources(MigAnalytic.class).inNamespace(analytic.getMetadata().getNamespace())
          .withName(analytic.getMetadata().getName()).edit(a -> {
            a.getSpec().setRefresh(false);
            return a;
          });
    }
    return StatusPatches.patch(analytic);
  }

  private MigPlan plan(MigAnalytic analytic) {
    ObjectReference ref = analytic.getSpec().getMigPlanRef();
    if (ref == null || ref.getName() == null || ref.getName().isBlank()) {
      throw new AnalyticException("InvalidPlanRef", "NotSet", "spec.migPlanRef names no MigPlan: set its name "
          + "(and namespace) to the plan to analyze");
    }
    String namespace = ref.getNamespace() == null || ref.getNamespace().isBlank()
        ? analytic.getMetadata().getNamespace() : ref.getNamespace();
    MigPlan plan = clusters.host().resources(MigPlan.class).inNamespace(namespace).withName(ref.getName()).get();
    if (plan == null) {
      throw new AnalyticException("InvalidPlanRef", "NotFound", "MigPlan " + namespace + "/" + ref.getName()
          + " named by spec.migPlanRef does not exist");
    }
    return plan;
  }

  private MigCluster cluster(MigPlan plan, ObjectReference ref, String role) {
    if (ref == null || ref.getName() == null) {
      throw new AnalyticException("InvalidPlanRef", "NoCluster", "MigPlan " + plan.getMetadata().getName()
          + " names no " + role + " cluster");
    }
    String namespace = ref.getNamespace() == null ? plan.getMetadata().getNamespace() : ref.getNamespace();
    MigCluster cluster = clusters.host().resources(MigCluster.class).inNamespace(namespace).withName(ref.getName())
        .get();
    if (cluster == null) {
      throw new AnalyticException("InvalidPlanRef", "NoCluster", "MigCluster " + namespace + "/" + ref.getName()
          + ", the " + role + " cluster of MigPlan " + plan.getMetadata().getName() + ", does not exist");
    }
    return cluster;
  }

  private static final class AnalyticException extends RuntimeException {
    private final String type;
    private final String reason;

    AnalyticException(String type, String reason, String message) {
      super(message);
      this.type = type;
      this.reason = reason;
    }
  }
}
