package dev.ferry.controller.volumes;

import dev.ferry.api.migration.volumes.DirectVolumeMigrationStatus;
import dev.ferry.api.migration.volumes.PodProgress;
import dev.ferry.api.migration.volumes.PvcToMigrate;
import dev.ferry.api.migration.volumes.RsyncOperation;
import io.fabric8.kubernetes.api.model.ObjectReference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The book of a DVM's transfers kept in its status: one {@code rsyncOperations} entry per claim
 * (attempt, succeeded, failed), the pods lists and the errors. It decides what a transfer's state
 * means — done, retried while attempts remain ({@code backOffLimit}), or failed for good — and
 * is the only record of which claims are done, so a restarted controller starts only the others.
 * Model only: no cluster calls.
 */
final class TransferLedger {
  /** What to do with a claim's transfer on this reconcile. */
  enum Verdict { ALREADY_SUCCEEDED, ALREADY_FAILED, FOLLOW }

  private final DirectVolumeMigrationStatus status;
  private final int attempts;
  private final Map<String, RsyncOperation> operations;
  private final List<String> errors;
  private final List<PodProgress> running = new ArrayList<>();
  private final List<PodProgress> pending = new ArrayList<>();
  private final List<PodProgress> succeeded = new ArrayList<>();
  private final List<PodProgress> failed = new ArrayList<>();

  /** @param backOffLimit {@code spec.backOffLimit}: retries after the first attempt (null: none) */
  TransferLedger(DirectVolumeMigrationStatus status, List<PvcToMigrate> claims, Integer backOffLimit) {
    this.status = status;
    this.attempts = 1 + Math.max(0, backOffLimit == null ? 0 : backOffLimit);
    this.operations = operations(status, claims);
    // Failures recorded by earlier reconciles keep their messages here.
    this.errors = status.getErrors() == null ? new ArrayList<>() : new ArrayList<>(status.getErrors());
  }

  RsyncOperation operation(PvcToMigrate claim) {
    return operations.get(ClaimsToCopy.sourceKey(claim));
  }

  /** Counts a claim finished by an earlier reconcile, or says that its transfer is to be followed. */
  Verdict before(String name, PvcToMigrate claim) {
    RsyncOperation operation = operation(claim);
    if (Boolean.TRUE.equals(operation.getSucceeded())) {
      succeeded.add(podProgress(name, claim, "Succeeded"));
      return Verdict.ALREADY_SUCCEEDED;
    }
    if (Boolean.TRUE.equals(operation.getFailed())) {
      failed.add(podProgress(name, claim, "Failed"));
      return Verdict.ALREADY_FAILED;
    }
    return Verdict.FOLLOW;
  }

  /** Records what the launcher said of a followed transfer; a failure is retried while attempts remain. */
  void record(String name, PvcToMigrate claim, TransferState state) {
    RsyncOperation operation = operation(claim);
    PodProgress pod = podProgress(name, claim, state.message());
    switch (state.phase()) {
      case SUCCEEDED -> {
        operation.setSucceeded(true);
        succeeded.add(pod);
      }
      case FAILED -> {
        if (operation.getCurrentAttempt() < attempts) {
          operation.setCurrentAttempt(operation.getCurrentAttempt() + 1);
          running.add(pod);
        } else {
          operation.setFailed(true);
          failed.add(pod);
          errors.add("The data transfer of claim " + ClaimsToCopy.sourceKey(claim) + " failed: " + state.message());
          status.setErrors(errors);
        }
      }
      case RUNNING -> running.add(pod);
      default -> pending.add(pod);
    }
  }

  int attempts() {
    return attempts;
  }

  /** Writes the pod lists into the status. */
  void publish() {
    status.setRunningPods(running.isEmpty() ? null : running);
    status.setPendingPods(pending.isEmpty() ? null : pending);
    status.setSuccessfulPods(succeeded.isEmpty() ? null : succeeded);
    status.setFailedPods(failed.isEmpty() ? null : failed);
  }

  int finished() {
    return succeeded.size() + failed.size();
  }

  int succeededCount() {
    return succeeded.size();
  }

  List<String> errors() {
    return errors;
  }

  private static Map<String, RsyncOperation> operations(DirectVolumeMigrationStatus status, List<PvcToMigrate> claims) {
    Map<String, RsyncOperation> byKey = new LinkedHashMap<>();
    if (status.getRsyncOperations() != null) {
      for (RsyncOperation op : status.getRsyncOperations()) {
        if (op.getPvcReference() != null) {
          byKey.put(op.getPvcReference().getNamespace() + "/" + op.getPvcReference().getName(), op);
        }
      }
    }
    List<RsyncOperation> ordered = new ArrayList<>();
    for (PvcToMigrate claim : claims) {
      RsyncOperation op = byKey.computeIfAbsent(ClaimsToCopy.sourceKey(claim), k -> {
        RsyncOperation created = new RsyncOperation();
        created.setPvcReference(reference(claim));
        created.setCurrentAttempt(1);
        return created;
      });
      ordered.add(op);
    }
    status.setRsyncOperations(ordered);
    return byKey;
  }

  private static PodProgress podProgress(String name, PvcToMigrate claim, String message) {
    PodProgress pod = new PodProgress();
    pod.setName(name);
    pod.setNamespace(claim.getNamespace());
    pod.setPvcRef(reference(claim));
    pod.setMessage(message);
    return pod;
  }

  private static ObjectReference reference(PvcToMigrate claim) {
    ObjectReference ref = new ObjectReference();
    ref.setName(claim.getName());
    ref.setNamespace(claim.getNamespace());
    return ref;
  }
}
