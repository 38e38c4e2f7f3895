package dev.ferry.backup.restore.transform;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;

/** What a transform decided: JSON patch operations to apply (maybe none), or drop the object. */
public final class TransformResult {

  private static final TransformResult NONE = new TransformResult(List.of(), null);

  private final List<JsonNode> patches;
  private final String dropReason;

  private TransformResult(List<JsonNode> patches, String dropReason) {
    this.patches = patches;
    this.dropReason = dropReason;
  }

  /** No change. */
  public static TransformResult none() {
    return NONE;
  }

  /** RFC 6902 operations, applied in order; an empty list means no change. */
  public static TransformResult patches(List<JsonNode> jsonPatchOps) {
    return jsonPatchOps.isEmpty() ? NONE : new TransformResult(List.copyOf(jsonPatchOps), null);
  }

  /** Do not restore the object, for this reason. */
  public static TransformResult drop(String reason) {
    return new TransformResult(List.of(), Objects.requireNonNull(reason, "reason"));
  }

  public boolean isDrop() {
    return dropReason != null;
  }

  public boolean isNoChange() {
    return dropReason == null && patches.isEmpty();
  }

  public List<JsonNode> patches() {
    return patches;
  }

  /** Why the object is dropped; null unless {@link #isDrop()}. */
  public String dropReason() {
    return dropReason;
  }

  @Override
  public String toString() {
    return isDrop() ? "drop(" + dropReason + ")" : "patches" + patches;
  }
}
