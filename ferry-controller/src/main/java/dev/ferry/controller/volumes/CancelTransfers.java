package dev.ferry.controller.volumes;

import dev.ferry.api.common.Category;
import dev.ferry.api.common.Condition;
import dev.ferry.api.migration.volumes.DirectVolumeMigration;
import dev.ferry.api.migration.volumes.PvcToMigrate;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops a DirectVolumeMigration its MigMigration canceled: the in-process transfers are
 * interrupted, the mover Jobs (with their Services and Secrets) deleted on both clusters, and the
 * DVM ends {@code Canceled}. The destination claims and whatever data reached them stay: the
 * mover sends only what is missing, so the next migration of the plan resumes from there.
 */
public final class CancelTransfers {
  /** Set by the MigMigration's cancellation; the DVM reconciler stops the copy when it sees it. */
  public static final String CANCEL_ANNOTATION = "migration.ferry.dev/cancel";
  public static final String CANCELED = VolumeMigrationPhases.CANCELED;
  private static final Logger LOG = LoggerFactory.getLogger(CancelTransfers.class);

  private CancelTransfers() {
  }

  static boolean requested(DirectVolumeMigration dvm) {
    Map<String, String> annotations = dvm.getMetadata().getAnnotations();
    return annotations != null && "true".equals(annotations.get(CANCEL_ANNOTATION));
  }

  static void stop(DirectVolumeMigration dvm, KubernetesClient source, KubernetesClient destination,
                   InProcessVolumeLauncher inProcess, Clock clock) {
    String uid = dvm.getMetadata().getUid();
    int interrupted = inProcess.cancel(uid + "/");
    List<PvcToMigrate> claims = dvm.getSpec() == null || dvm.getSpec().getPersistentVolumeClaims() == null ? List.of()
        : dvm.getSpec().getPersistentVolumeClaims();
    for (PvcToMigrate claim : claims) {
      String transfer = TransferNames.of(uid, claim.getNamespace(), claim.getName());
      delete(source, claim.getNamespace(), transfer);
      delete(destination, ClaimsToCopy.targetNamespace(claim), transfer);
    }
    LOG.info("DirectVolumeMigration {}/{} canceled: {} in-process transfer(s) interrupted, mover Jobs of {} claim(s) "
        + "deleted", dvm.getMetadata().getNamespace(), dvm.getMetadata().getName(), interrupted, claims.size());
    var status = dvm.getStatus();
    status.setPhase(CANCELED);
    status.setPhaseDescription("Canceled: the volume copy was stopped; data already copied stays on the destination"
        + " claims and a later migration of the plan resumes from it");
    status.conditions(clock).set(Condition.of("Canceled", Category.ADVISORY, "Canceled",
        "The volume copy was canceled by its MigMigration.").markDurable());
  }

  private static void delete(KubernetesClient cluster, String namespace, String transfer) {
    cluster.batch().v1().jobs().inNamespace(namespace).withLabel(MoverJobs.TRANSFER_LABEL, transfer)
        .withPropagationPolicy(DeletionPropagation.BACKGROUND).delete();
    cluster.services().inNamespace(namespace).withLabel(MoverJobs.TRANSFER_LABEL, transfer).delete();
    cluster.secrets().inNamespace(namespace).withLabel(MoverJobs.TRANSFER_LABEL, transfer).delete();
  }
}
