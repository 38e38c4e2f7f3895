package dev.ferry.controller.volumes;

import dev.ferry.volumes.TransferProgress;
import java.util.List;

/**
 * What a launcher knows about one claim's transfer right now.
 *
 * @param progress  last progress reported, null before the first
 * @param message   last log line: what it is doing, the summary, or what went wrong
 * @param exitCode  set once finished: 0 on success
 * @param podName   the pod (or in-process worker) doing the transfer
 * @param stuckPods its pods that have been Pending for longer than allowed (empty: none)
 */
public record TransferState(Phase phase, TransferProgress progress, String message, Integer exitCode, String podName,
                            List<PendingTransferPods.StuckPod> stuckPods) {
  public TransferState {
    stuckPods = stuckPods == null ? List.of() : List.copyOf(stuckPods);
  }

  public TransferState(Phase phase, TransferProgress progress, String message, Integer exitCode, String podName) {
    this(phase, progress, message, exitCode, podName, List.of());
  }

  public enum Phase {
    PENDING("Pending"), RUNNING("Running"), SUCCEEDED("Succeeded"), FAILED("Failed");

    private final String value;

    Phase(String value) {
      this.value = value;
    }

    public String value() {
      return value;
    }
  }

  public boolean finished() {
    return phase == Phase.SUCCEEDED || phase == Phase.FAILED;
  }

  /** Some of its pods have been Pending for longer than allowed; {@code message} says which and why. */
  public boolean stuck() {
    return !stuckPods.isEmpty();
  }
}
