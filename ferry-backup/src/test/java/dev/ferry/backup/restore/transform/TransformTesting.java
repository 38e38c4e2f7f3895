package dev.ferry.backup.restore.transform;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.backup.model.GroupResource;
import dev.ferry.backup.model.ItemKey;
import dev.ferry.backup.model.Json;
import java.util.List;

/** Helpers shared by the transform tests. */
final class TransformTesting {

  private TransformTesting() {
  }

  static ObjectNode json(String text) {
    return Json.parseObject(text);
  }

  static ItemKey key(String qualifiedResource, ObjectNode object) {
    return ItemKey.of(GroupResource.parse(qualifiedResource), object);
  }

  /** Runs one transform through a pipeline, so its patches are really applied. */
  static TransformPipeline.Outcome run(RestoreTransform transform, String qualifiedResource,
      ObjectNode object, TransformContext context) {
    return new TransformPipeline(List.of(transform))
        .apply(key(qualifiedResource, object), object, context);
  }

  /** The transformed object; fails if it was dropped. */
  static ObjectNode transformed(RestoreTransform transform, String qualifiedResource,
      ObjectNode object, TransformContext context) {
    TransformPipeline.Outcome outcome = run(transform, qualifiedResource, object, context);
    if (outcome.dropped()) {
      throw new AssertionError("unexpectedly dropped: " + outcome.dropReason());
    }
    return outcome.result();
  }
}
