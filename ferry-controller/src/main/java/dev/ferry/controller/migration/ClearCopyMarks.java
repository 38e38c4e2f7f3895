package dev.ferry.controller.migration;

import dev.ferry.controller.itinerary.Phase;
import dev.ferry.controller.itinerary.PhaseResult;
import dev.ferry.controller.volumes.DestinationClaims;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;

/**
 * The last step of a cutover (MTC's EnsureAnnotationsDeleted): the volume copy marked the claims
 * and namespaces it created on the destination with {@link DestinationClaims#CREATED_FOR_COPY},
 * so that the restore leaves them alone. Once the application has arrived that mark is Ferry's
 * bookkeeping only, and the user's objects should carry nothing of it. Removing an absent
 * annotation is a no-op, so a re-run after a restart changes nothing.
 */
final class ClearCopyMarks implements Phase<MigrationContext> {
  private static final String REMOVE_MARK = "[{\"op\":\"remove\",\"path\":\"/metadata/annotations/"
      + DestinationClaims.CREATED_FOR_COPY.replace("/", "~1") + "\"}]";

  @Override
  public String name() {
    return "EnsureAnnotationsDeleted";
  }

  @Override
  public String step() {
    return "Cleanup";
  }

  @Override
  public PhaseResult run(MigrationContext context) {
    var destination = context.destination();
    for (String namespace : context.destinationNamespaces()) {
      for (PersistentVolumeClaim claim : destination.persistentVolumeClaims().inNamespace(namespace).list().getItems()) {
        if (marked(claim)) {
          unmark(() -> destination.persistentVolumeClaims().inNamespace(namespace)
              .withName(claim.getMetadata().getName()).patch(PatchContext.of(PatchType.JSON), REMOVE_MARK));
        }
      }
      Namespace ns = destination.namespaces().withName(namespace).get();
      if (ns != null && marked(ns)) {
        unmark(() -> destination.namespaces().withName(namespace).patch(PatchContext.of(PatchType.JSON), REMOVE_MARK));
      }
    }
    return PhaseResult.done();
  }

  private static boolean marked(HasMetadata object) {
    return object.getMetadata().getAnnotations() != null
        && object.getMetadata().getAnnotations().containsKey(DestinationClaims.CREATED_FOR_COPY);
  }

  private static void unmark(Runnable patch) {
    try {
      patch.run();
    } catch (KubernetesClientException e) {
      // 404: deleted meanwhile; 422: the annotation went between list and patch — nothing left to do.
      if (e.getCode() != 404 && e.getCode() != 422) {
        throw e;
      }
    }
  }
}
