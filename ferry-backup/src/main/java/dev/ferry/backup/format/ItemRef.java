package dev.ferry.backup.format;

import dev.ferry.backup.model.GroupResource;
import dev.ferry.backup.model.ItemKey;
import java.nio.file.Path;
import java.util.Comparator;

/**
 * One item of an extracted backup: where its JSON is on disk and which API version that copy is
 * ({@code null} when the backup does not say — old Velero backups had no version directories).
 */
public record ItemRef(GroupResource groupResource, String namespace, String name, String version,
    Path path) {

  /** Cluster-scoped items first, then by namespace and name. */
  static final Comparator<ItemRef> ORDER = Comparator
      .comparing((ItemRef r) -> r.namespace() == null ? "" : r.namespace())
      .thenComparing(ItemRef::name);

  public boolean isClusterScoped() {
    return namespace == null;
  }

  public ItemKey key() {
    return new ItemKey(groupResource, version, namespace, name);
  }
}
