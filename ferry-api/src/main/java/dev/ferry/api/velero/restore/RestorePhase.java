package dev.ferry.api.velero.restore;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Phase of a Restore, as in Velero. */
public enum RestorePhase {
  /** Not processed yet. */
  @JsonProperty("New")
  NEW("New"),

  /** The spec is invalid; see validationErrors. Nothing was restored. */
  @JsonProperty("FailedValidation")
  FAILED_VALIDATION("FailedValidation"),

  /** Being restored. */
  @JsonProperty("InProgress")
  IN_PROGRESS("InProgress"),

  /** Resources are restored; asynchronous operations (e.g. data movement) are still running. */
  @JsonProperty("WaitingForPluginOperations")
  WAITING_FOR_PLUGIN_OPERATIONS("WaitingForPluginOperations"),

  /** As WaitingForPluginOperations, with errors so far. */
  @JsonProperty("WaitingForPluginOperationsPartiallyFailed")
  WAITING_FOR_PLUGIN_OPERATIONS_PARTIALLY_FAILED("WaitingForPluginOperationsPartiallyFailed"),

  /** Asynchronous operations are done; the restore is being finalized. */
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
  FAILED("Failed");

  private final String value;

  RestorePhase(String value) {
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
  public static RestorePhase fromValue(String value) {
    for (RestorePhase c : values()) {
      if (c.value.equals(value)) {
        return c;
      }
    }
    return null;
  }
}
