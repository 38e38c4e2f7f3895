package dev.ferry.controller.itinerary;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writing a reconciled resource's status, the same way for every kind. The status is patched
 * without a resourceVersion: the controller is the status's only writer, and a conflict with a
 * concurrent spec edit (say, {@code spec.canceled}) must not lose the progress just made.
 */
public final class StatusPatches {
  private static final Logger LOG = LoggerFactory.getLogger(StatusPatches.class);

  private StatusPatches() {
  }

  /** The status patch a reconciler returns. */
  public static <T extends HasMetadata> UpdateControl<T> patch(T resource) {
    resource.getMetadata().setResourceVersion(null);
    return UpdateControl.patchStatus(resource);
  }

  /** The status patch after an itinerary run: a phase that waits brings the reconcile back when it asked to. */
  public static <T extends HasMetadata> UpdateControl<T> patch(T resource, ItineraryRunner.Outcome outcome) {
    if (outcome instanceof ItineraryRunner.Outcome.Waiting waiting) {
      return patch(resource).rescheduleAfter(waiting.after());
    }
    return patch(resource);
  }

  /**
   * Saves the status now, before a long step, so a controller that stops during it resumes at
   * the step. Best effort: the reconcile's own patch at its end writes it again.
   */
  public static <T extends HasMetadata> void save(KubernetesClient client, T resource) {
    try {
      resource.getMetadata().setResourceVersion(null);
      client.resource(resource).patchStatus();
    } catch (KubernetesClientException e) {
      LOG.debug("could not save the status of {} {}: {}", resource.getKind(), resource.getMetadata().getName(),
          e.getMessage());
    }
  }

  /** What a cluster said when it refused a request (its Status message), else the exception's message. */
  public static String message(Throwable error) {
    if (error instanceof KubernetesClientException k8s && k8s.getStatus() != null
        && k8s.getStatus().getMessage() != null) {
      return k8s.getStatus().getMessage();
    }
    return error.getMessage();
  }
}
