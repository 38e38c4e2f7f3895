package dev.ferry.controller.volumes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.api.migration.volumes.DirectVolumeMigrationStatus;
import dev.ferry.api.migration.volumes.PodProgress;
import dev.ferry.api.migration.volumes.PvcToMigrate;
import dev.ferry.api.migration.volumes.RsyncOperation;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransferLedgerTest {
  private static PvcToMigrate claim(String namespace, String name) {
    PvcToMigrate claim = new PvcToMigrate();
    claim.setNamespace(namespace);
    claim.setName(name);
    return claim;
  }

  private static TransferState state(TransferState.Phase phase, String message) {
    return new TransferState(phase, null, message, null, "pod");
  }

  private final PvcToMigrate data = claim("shop", "data");
  private final PvcToMigrate logs = claim("shop", "logs");

  @Test
  void startsOneOperationPerClaimAtTheFirstAttempt() {
    DirectVolumeMigrationStatus status = new DirectVolumeMigrationStatus();

    TransferLedger ledger = new TransferLedger(status, List.of(data, logs), null);

    assertThat(status.getRsyncOperations()).extracting(op -> op.getPvcReference().getName())
        .containsExactly("data", "logs");
    assertThat(status.getRsyncOperations()).extracting(RsyncOperation::getCurrentAttempt).containsOnly(1);
    assertThat(ledger.attempts()).isEqualTo(1);
    assertThat(ledger.before("t1", data)).isEqualTo(TransferLedger.Verdict.FOLLOW);
  }

  @Test
  void aFailedTransferIsRetriedWhileAttemptsRemainThenFailsNamingTheClaim() {
    DirectVolumeMigrationStatus status = new DirectVolumeMigrationStatus();
    TransferLedger first = new TransferLedger(status, List.of(data), 1);
    first.record("t1", data, state(TransferState.Phase.FAILED, "connection reset"));
    first.publish();

    assertThat(status.getRsyncOperations().get(0).getCurrentAttempt()).isEqualTo(2);
    assertThat(status.getRunningPods()).extracting(PodProgress::getMessage).containsExactly("connection reset");
    assertThat(status.getErrors()).isNull();

    // The next reconcile reads the book back from the status.
    TransferLedger second = new TransferLedger(status, List.of(data), 1);
    second.record("t1", data, state(TransferState.Phase.FAILED, "disk full"));
    second.publish();

    assertThat(status.getRsyncOperations().get(0).getFailed()).isTrue();
    assertThat(status.getErrors()).containsExactly("The data transfer of claim shop/data failed: disk full");
    assertThat(status.getFailedPods()).hasSize(1);
    assertThat(second.finished()).isEqualTo(1);

    TransferLedger third = new TransferLedger(status, List.of(data), 1);
    assertThat(third.before("t1", data)).isEqualTo(TransferLedger.Verdict.ALREADY_FAILED);
    assertThat(third.errors()).containsExactly("The data transfer of claim shop/data failed: disk full");
  }

  @Test
  void succeededClaimsAreNotFollowedAgain() {
    DirectVolumeMigrationStatus status = new DirectVolumeMigrationStatus();
    TransferLedger ledger = new TransferLedger(status, List.of(data, logs), 0);
    ledger.record("t1", data, state(TransferState.Phase.SUCCEEDED, "copied 3 files"));
    ledger.record("t2", logs, state(TransferState.Phase.PENDING, "waiting for a node"));
    ledger.publish();

    assertThat(status.getSuccessfulPods()).extracting(PodProgress::getName).containsExactly("t1");
    assertThat(status.getPendingPods()).extracting(PodProgress::getName).containsExactly("t2");
    assertThat(ledger.finished()).isEqualTo(1);

    TransferLedger next = new TransferLedger(status, List.of(data, logs), 0);
    assertThat(next.before("t1", data)).isEqualTo(TransferLedger.Verdict.ALREADY_SUCCEEDED);
    assertThat(next.before("t2", logs)).isEqualTo(TransferLedger.Verdict.FOLLOW);
    assertThat(next.succeededCount()).isEqualTo(1);
  }
}
