package dev.ferry.controller.images;

import dev.ferry.controller.logging.LogContext;
import dev.ferry.api.common.Category;
import dev.ferry.api.common.Condition;
import dev.ferry.api.common.Times;
import dev.ferry.api.migration.cluster.MigCluster;
import dev.ferry.api.migration.images.DirectImageMigration;
import dev.ferry.api.migration.images.DirectImageMigrationSpec;
import dev.ferry.api.migration.images.DirectImageMigrationStatus;
import dev.ferry.controller.cluster.ClusterAccessException;
import dev.ferry.controller.cluster.ClusterClients;
import dev.ferry.controller.images.ImageStreamLister.StreamName;
import dev.ferry.controller.images.MigClusters.InvalidImageMigrationException;
import dev.ferry.controller.itinerary.ItineraryRunner;
import dev.ferry.controller.itinerary.StatusPatches;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A DirectImageMigration: resolve its clusters and list the image streams of its namespaces,
 * then run its itinerary ({@link ImageMigrationPhases}: one DirectImageStreamMigration per
 * stream, waited for) with the shared {@link ItineraryRunner}. Invalid references and
 * unreachable clusters are conditions retried every 15 s, not failures.
 */
@ControllerConfiguration(name = "directimagemigration")
public class DirectImageMigrationReconciler implements Reconciler<DirectImageMigration> {
  public static final String COMPLETED = ImageMigrationPhases.COMPLETED;
  public static final String FAILED = ImageMigrationPhases.FAILED;
  static final String DIM_LABEL = ImageMigrationPhases.DIM_LABEL;
  private static final Duration RETRY = Duration.ofSeconds(15);

  private final ClusterClients clusters;
  private final Clock clock;
  /** Cluster errors while following the stream migrations go to the operator's retry. */
  private final ItineraryRunner<ImageMigrationContext> runner = new ItineraryRunner<>((phase, error) -> {
    throw error;
  });

  public DirectImageMigrationReconciler(ClusterClients clusters, Clock clock) {
    this.clusters = clusters;
    this.clock = clock;
  }

  @Override
  public UpdateControl<DirectImageMigration> reconcile(DirectImageMigration dim, Context<DirectImageMigration> context) {
    try (var log = LogContext.forChild(dim, "images")) {
      return reconcileInLogContext(dim, context);
    }
  }

  private UpdateControl<DirectImageMigration> reconcileInLogContext(DirectImageMigration dim, Context<DirectImageMigration> context) {
    DirectImageMigrationStatus status = dim.getStatus() == null ? new DirectImageMigrationStatus() : dim.getStatus();
    dim.setStatus(status);
    if (ImageMigrationPhases.TABLE.isTerminal(status.getPhase())) {
      return UpdateControl.noUpdate();
    }
    if (status.getStartTimestamp() == null) {
      status.setStartTimestamp(Times.now(clock));
    }
    status.setItinerary(ImageMigrationPhases.ITINERARY);
    KubernetesClient host = context.getClient();
    DirectImageMigrationSpec spec = dim.getSpec();
    String namespace = dim.getMetadata().getNamespace();
    List<StreamName> streams;
    Map<String, String> mapping = NamespaceEntries.mapping(spec == null ? null : spec.getNamespaces());
    try {
      if (spec == null || mapping.isEmpty()) {
        throw new InvalidImageMigrationException("spec.namespaces must list the namespaces whose image streams "
            + "are migrated (src or src:dest)");
      }
      MigCluster source = MigClusters.get(host, spec.getSrcMigClusterRef(), namespace, "srcMigClusterRef");
      MigClusters.get(host, spec.getDestMigClusterRef(), namespace, "destMigClusterRef");
      streams = ImageStreamLister.list(clusters.forCluster(source), mapping.keySet(), spec.getLabelSelector());
      status.conditions(clock).clear("InvalidReference", "ClusterUnreachable");
    } catch (InvalidImageMigrationException | ClusterAccessException e) {
      status.conditions(clock).set(Condition.of("InvalidReference", Category.CRITICAL, "NotFound", e.getMessage()));
      return StatusPatches.patch(dim).rescheduleAfter(RETRY);
    } catch (KubernetesClientException e) {
      status.conditions(clock).set(Condition.of("ClusterUnreachable", Category.WARN, "ApiError",
          "Listing the image streams of the source namespaces failed: " + e.getMessage()));
      return StatusPatches.patch(dim).rescheduleAfter(RETRY);
    }

    var outcome = runner.run(ImageMigrationPhases.TABLE, status.getItinerary(),
        new ImageMigrationContext(dim, host, mapping, streams, clock),
        new ImageMigrationJournal(dim, streams.size(), clock));
    return StatusPatches.patch(dim, outcome);
  }

  /** {@code <dim>-<8 hex of ns/name>}: stable, unique per stream, a valid object name. */
  static String streamMigrationName(String dimName, StreamName stream) {
    return ImageMigrationPhases.streamMigrationName(dimName, stream);
  }
}
