package dev.ferry.backup.restore.transform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.backup.model.ItemKey;
import java.util.ArrayList;
import java.util.List;

/**
 * Removes what the source API server assigned and the destination must assign afresh (uid,
 * resourceVersion, timestamps, managed fields…), ownerReferences (the owners' uids do not exist on
 * the destination; controllers re-adopt what they own), and {@code status} unless asked to keep it.
 */
public final class StripServerFields implements RestoreTransform {

  static final List<String> METADATA_FIELDS = List.of(
      "uid", "resourceVersion", "generation", "creationTimestamp", "selfLink", "managedFields",
      "deletionTimestamp", "deletionGracePeriodSeconds", "ownerReferences");

  @Override
  public String name() {
    return "StripServerFields";
  }

  @Override
  public TransformResult apply(ItemKey key, ObjectNode object, TransformContext context) {
    List<JsonNode> ops = new ArrayList<>();
    JsonNode metadata = object.path("metadata");
    for (String field : METADATA_FIELDS) {
      ObjectPaths.removeIfPresent(metadata, "/metadata", field, ops);
    }
    if (!context.keepsStatusOf(key.groupResource())) {
      ObjectPaths.removeIfPresent(object, "", "status", ops);
    }
    return TransformResult.patches(ops);
  }
}
