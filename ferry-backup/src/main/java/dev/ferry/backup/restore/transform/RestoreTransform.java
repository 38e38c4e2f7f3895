package dev.ferry.backup.restore.transform;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.backup.model.ItemKey;

/**
 * One restore concern as a pure function: looks at an object (never modifies it) and returns JSON
 * patch operations or a drop — like crane-lib's transform plugins and Velero's restore item
 * actions. Transforms work on the JSON of any kind, custom resources included.
 */
public interface RestoreTransform {

  /** A short, stable name for logs and the restore's per-item record. */
  String name();

  /**
   * @param key the item as it was backed up (source namespace)
   * @param object the object as left by the transforms before this one; must not be modified
   */
  TransformResult apply(ItemKey key, ObjectNode object, TransformContext context);
}
