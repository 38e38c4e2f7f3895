package dev.ferry.backup.restore.transform;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.backup.model.DefaultExclusions;
import dev.ferry.backup.model.GroupResource;
import dev.ferry.backup.model.ItemKey;
import java.util.Set;

/**
 * Drops objects of resources that are never restored: nodes, events, Velero's own objects, the
 * default backup exclusions (SPEC §2) — even if a (Velero-made) backup contains them.
 */
public final class DropExcluded implements RestoreTransform {

  private final Set<GroupResource> excluded;

  public DropExcluded() {
    this(DefaultExclusions.NEVER_RESTORE);
  }

  public DropExcluded(Set<GroupResource> excluded) {
    this.excluded = Set.copyOf(excluded);
  }

  @Override
  public String name() {
    return "DropExcluded";
  }

  @Override
  public TransformResult apply(ItemKey key, ObjectNode object, TransformContext context) {
    return excluded.contains(key.groupResource())
        ? TransformResult.drop(key.groupResource().qualified() + " are never restored")
        : TransformResult.none();
  }
}
