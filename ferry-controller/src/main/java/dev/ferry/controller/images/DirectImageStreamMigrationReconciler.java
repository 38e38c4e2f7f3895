package dev.ferry.controller.images;

import dev.ferry.controller.logging.LogContext;
import dev.ferry.api.common.Category;
import dev.ferry.api.common.Condition;
import dev.ferry.api.common.Times;
import dev.ferry.api.migration.cluster.MigCluster;
import dev.ferry.api.migration.images.DirectImageStreamMigration;
import dev.ferry.api.migration.images.DirectImageStreamMigrationSpec;
import dev.ferry.api.migration.images.DirectImageStreamMigrationStatus;
import dev.ferry.controller.cluster.ClusterAccessException;
import dev.ferry.controller.cluster.ClusterClients;
import dev.ferry.controller.images.MigClusters.InvalidImageMigrationException;
import dev.ferry.controller.itinerary.StatusPatches;
import dev.ferry.images.CopyOptions;
import dev.ferry.images.Registries;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies one image stream's images from the source cluster's registry to the destination's and
 * recreates the stream there. Re-running is harmless: images already copied are not sent again.
 */
@ControllerConfiguration(name = "directimagestreammigration")
public class DirectImageStreamMigrationReconciler implements Reconciler<DirectImageStreamMigration> {
  public static final String COMPLETED = "Completed";
  public static final String FAILED = "Failed";
  /** Labels of a DISM that are put on what it creates on the destination (e.g. the plan's, for rollback). */
  static final List<String> PROPAGATED_LABELS = List.of("migration.openshift.io/migrated-by-migplan",
      "migration.openshift.io/migrated-by-migmigration");
  private static final Logger LOG = LoggerFactory.getLogger(DirectImageStreamMigrationReconciler.class);

  private final ClusterClients clusters;
  private final Clock clock;

  public DirectImageStreamMigrationReconciler(ClusterClients clusters, Clock clock) {
    this.clusters = clusters;
    this.clock = clock;
  }

  @Override
  public UpdateControl<DirectImageStreamMigration> reconcile(DirectImageStreamMigration dism, Context<DirectImageStreamMigration> context) {
    try (var log = LogContext.forChild(dism, "images")) {
      return reconcileInLogContext(dism, context);
    }
  }

  private UpdateControl<DirectImageStreamMigration> reconcileInLogContext(DirectImageStreamMigration dism, Context<DirectImageStreamMigration> context) {
    DirectImageStreamMigrationStatus status = dism.getStatus() == null ? new DirectImageStreamMigrationStatus()
        : dism.getStatus();
    dism.setStatus(status);
    if (COMPLETED.equals(status.getPhase()) || FAILED.equals(status.getPhase())) {
      return UpdateControl.noUpdate();
    }
    if (status.getStartTimestamp() == null) {
      status.setStartTimestamp(Times.now(clock));
    }
    status.setItinerary("ImageStreamMigration");
    DirectImageStreamMigrationSpec spec = dism.getSpec();
    String namespace = dism.getMetadata().getNamespace();
    KubernetesClient host = context.getClient();
    MigCluster source;
    MigCluster destination;
    KubernetesClient sourceClient;
    KubernetesClient destinationClient;
    try {
      if (spec == null || spec.getImageStreamRef() == null || spec.getImageStreamRef().getName() == null
          || spec.getImageStreamRef().getNamespace() == null) {
        throw new InvalidImageMigrationException("spec.imageStreamRef must name the image stream (name and "
            + "namespace on the source cluster)");
      }
      source = MigClusters.get(host, spec.getSrcMigClusterRef(), namespace, "srcMigClusterRef");
      destination = MigClusters.get(host, spec.getDestMigClusterRef(), namespace, "destMigClusterRef");
      sourceClient = clusters.forCluster(source);
      destinationClient = clusters.forCluster(destination);
      status.conditions(clock).clear("InvalidReference");
    } catch (InvalidImageMigrationException | ClusterAccessException e) {
      status.conditions(clock).set(Condition.of("InvalidReference", Category.CRITICAL, "NotFound", e.getMessage()));
      return StatusPatches.patch(dism).rescheduleAfter(Duration.ofSeconds(15));
    }

    String streamNamespace = spec.getImageStreamRef().getNamespace();
    String streamName = spec.getImageStreamRef().getName();
    String destNamespace = spec.getDestNamespace() != null ? spec.getDestNamespace() : streamNamespace;
    Map<String, String> labels = new LinkedHashMap<>();
    if (dism.getMetadata().getLabels() != null) {
      PROPAGATED_LABELS.forEach(l -> {
        if (dism.getMetadata().getLabels().containsKey(l)) {
          labels.put(l, dism.getMetadata().getLabels().get(l));
        }
      });
    }
    status.setPhase("MigrateImageStream");
    ImageStreamMigrator.Outcome outcome;
    StreamCopyProgress progress = new StreamCopyProgress(p -> publish(host, dism, p));
    try (Registries registries = new Registries()
        .with(RegistryAccess.endpoint(source, sourceClient))
        .with(RegistryAccess.endpoint(destination, destinationClient))) {
      ImageStreamMigrator migrator = new ImageStreamMigrator(ImageMovers.direct(registries,
          CopyOptions.DEFAULTS.withProgress(progress::accounted, progress::planned)),
          RegistryAccess.registryHost(source).orElseThrow(), RegistryAccess.registryHost(destination).orElseThrow());
      outcome = migrator.migrate(sourceClient, destinationClient, streamNamespace, streamName, destNamespace, labels);
      progress.applyTo(status);
    } catch (KubernetesClientException e) {
      // The API servers may come back: try again rather than fail the stream.
      status.conditions(clock).set(Condition.of("ClusterUnreachable", Category.WARN, "ApiError",
          "Reading or writing image stream " + streamNamespace + "/" + streamName + " failed: " + e.getMessage()));
      return StatusPatches.patch(dism).rescheduleAfter(Duration.ofSeconds(15));
    }
    status.conditions(clock).clear("ClusterUnreachable");
    if (outcome.succeeded()) {
      status.setPhase(COMPLETED);
      status.setErrors(null);
      status.conditions(clock).set(Condition.of("Succeeded", Category.ADVISORY, "Completed",
          "Image stream " + streamNamespace + "/" + streamName + " migrated to namespace " + destNamespace + ": "
              + outcome.imagesCopied() + " image(s), " + outcome.bytesSent() + " bytes sent.").markDurable());
      status.conditions(clock).setReady(true, "The image stream migration has completed.");
    } else {
      status.setPhase(FAILED);
      status.setErrors(outcome.errors());
      status.conditions(clock).set(Condition.of("Failed", Category.CRITICAL, outcome.notFound() ? "NotFound"
          : "ImageCopyFailed", "Image stream " + streamNamespace + "/" + streamName + " was not migrated. See: "
          + "Errors. " + outcome.errors().get(0)).markDurable());
    }
    LOG.info("DirectImageStreamMigration {}/{}: {}", namespace, dism.getMetadata().getName(), status.getPhase());
    return StatusPatches.patch(dism);
  }

  /** The copy's bytes so far on the DISM while its reconcile still copies; best effort (the end writes them again). */
  private static void publish(KubernetesClient host, DirectImageStreamMigration dism, StreamCopyProgress progress) {
    try {
      host.resources(DirectImageStreamMigration.class).inNamespace(dism.getMetadata().getNamespace())
          .withName(dism.getMetadata().getName()).editStatus(current -> {
            if (current.getStatus() == null) {
              current.setStatus(new DirectImageStreamMigrationStatus());
            }
            progress.applyTo(current.getStatus());
            return current;
          });
    } catch (KubernetesClientException e) {
      LOG.debug("could not publish the progress of {}: {}", dism.getMetadata().getName(), e.getMessage());
    }
  }

}
