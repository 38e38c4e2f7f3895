package dev.ferry.backup.restore.transform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.flipkart.zjsonpatch.JsonPatch;
import dev.ferry.backup.model.ItemKey;
import dev.ferry.backup.model.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs transforms in order, each seeing the result of the ones before; stops at the first drop.
 * The input object is never modified.
 */
public final class TransformPipeline {

  private final List<RestoreTransform> transforms;

  public TransformPipeline(List<RestoreTransform> transforms) {
    this.transforms = List.copyOf(transforms);
  }

  /**
   * Every built-in transform. Drops come first (cheapest, and they need ownerReferences and status
   * that StripServerFields removes), and so does ServiceCleanup (it reads the managed fields);
   * namespace mapping comes last so earlier steps see source names.
   */
  public static TransformPipeline defaults() {
    return new TransformPipeline(List.of(
        new DropExcluded(),
        new PodCleanup(),
        new JobCleanup(),
        new ServiceCleanup(),
        new StripServerFields(),
        new PersistentVolumeReclaim(),
        new ClaimBindingReset(),
        new ImageReferenceRewrite(),
        new NamespaceMapping()));
  }

  public List<RestoreTransform> transforms() {
    return transforms;
  }

  /**
   * @throws TransformException if a transform throws or returns a patch that does not apply
   */
  public Outcome apply(ItemKey key, ObjectNode object, TransformContext context) {
    Objects.requireNonNull(object, "object");
    ObjectNode current = object.deepCopy();
    List<String> applied = new ArrayList<>();
    for (RestoreTransform transform : transforms) {
      TransformResult result;
      try {
        result = transform.apply(key, current, context);
      } catch (RuntimeException e) {
        throw new TransformException("transform " + transform.name() + " failed on " + key + ": "
            + e.getMessage(), e);
      }
      if (result.isDrop()) {
        applied.add(transform.name());
        return new Outcome(null, result.dropReason(), applied);
      }
      if (!result.patches().isEmpty()) {
        current = patch(current, result.patches(), transform, key);
        applied.add(transform.name());
      }
    }
    return new Outcome(current, null, applied);
  }

  private static ObjectNode patch(ObjectNode object, List<JsonNode> ops, RestoreTransform transform,
      ItemKey key) {
    ArrayNode patch = Json.MAPPER.createArrayNode().addAll(ops);
    JsonNode patched;
    try {
      patched = JsonPatch.apply(patch, object);
    } catch (RuntimeException e) {
      throw new TransformException("transform " + transform.name() + " produced a patch that does "
          + "not apply to " + key + ": " + e.getMessage() + " (patch " + patch + ")", e);
    }
    if (!(patched instanceof ObjectNode result)) {
      throw new TransformException("transform " + transform.name() + " turned " + key
          + " into a non-object", null);
    }
    return result;
  }

  /**
   * @param result the transformed object; null when dropped
   * @param dropReason why it was dropped; null when not
   * @param appliedTransforms names of the transforms that changed or dropped it, in order
   */
  public record Outcome(ObjectNode result, String dropReason, List<String> appliedTransforms) {

    public Outcome {
      appliedTransforms = List.copyOf(appliedTransforms);
    }

    public boolean dropped() {
      return dropReason != null;
    }
  }
}
