package dev.ferry.api.velero.backup;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Phase of a Backup, as in Velero. */
public enum BackupPhase {
  /** Not processed yet. */
  @JsonProperty("New")
  NEW("New"),

  /** Waiting in Velero's queue for a free backup worker. */
  @JsonProperty("Queued")
  QUEUED("Queued"),

  /** Out of Velero's queue, about to start. */
  @JsonProperty("ReadyToStart")
  READY_TO_START("ReadyToStart"),

  /** The spec is invalid; see validationErrors. Nothing was backed up. */
  @JsonProperty("FailedValidation")
  FAILED_VALIDATION("FailedValidation"),

  /** Being backed up. */
  @JsonProperty("InProgress")
  IN_PROGRESS("InProgress"),

  /** Resources are backed up; asynchronous operations (e.g. data movement) are still running. */
  @JsonProperty("WaitingForPluginOperations")
  WAITING_FOR_PLUGIN_OPERATIONS("WaitingForPluginOperations"),

  /** As WaitingForPluginOperations, with errors so far. */
  @JsonProperty("WaitingForPluginOperationsPartiallyFailed")
  WAITING_FOR_PLUGIN_OPERATIONS_PARTIALLY_FAILED("WaitingForPluginOperationsPartiallyFailed"),

  /** Asynchronous operations are done; the backup is being finalized. */
  @JsonProperty("Finalizing")
  FINALIZING("Finalizing"),

  /** As Finalizing, with errors. */
  @JsonProperty("FinalizingPartiallyFailed")
  FINALIZING_PARTIALLY_FAILED("FinalizingPartiallyFailed"),

  /** Finished without errors (there may be warnings). */
  @JsonProperty("Completed")
  COMPLETED("Completed"),

  /** Finished, but some items failed; see errors. */
  @JsonProperty("PartiallyFailed")
  PARTIALLY_FAILED("PartiallyFailed"),

  /** Failed as a whole; see failureReason. */
  @JsonProperty("Failed")
  FAILED("Failed"),

  /** Being deleted, with its data in object storage. */
  @JsonProperty("Deleting")
  DELETING("Deleting");

  private final String value;

  BackupPhase(String value) {
    this.value = value;
  }

  /** The value as written in manifests. */
  public String value() {
    return value;
  }

  @Override
  public String toString() {
    return value;
  }

  /** The constant for a manifest value, or null if there is none. */
  public static BackupPhase fromValue(String value) {
    for (BackupPhase c : values()) {
      if (c.value.equals(value)) {
        return c;
      }
    }
    return null;
  }
}
