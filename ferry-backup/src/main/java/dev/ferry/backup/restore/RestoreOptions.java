package dev.ferry.backup.restore;

import java.util.Map;

/**
 * What a restore needs besides its Restore CR: the internal registries to rewrite image
 * references between, transforms of the caller's own (applied after the defaults), and labels
 * to put on every restored object (a migration marks what it
 * created with {@code migration.openshift.io/migrated-by-migplan}, so rollback can find it).
 */
public record RestoreOptions(String sourceRegistry, String destinationRegistry, Map<String, String> extraLabels,
                             java.util.List<dev.ferry.backup.restore.transform.RestoreTransform> extraTransforms) {
  public RestoreOptions {
    extraLabels = extraLabels == null ? Map.of() : Map.copyOf(extraLabels);
    extraTransforms = extraTransforms == null ? java.util.List.of() : java.util.List.copyOf(extraTransforms);
  }

  public RestoreOptions(String sourceRegistry, String destinationRegistry, Map<String, String> extraLabels) {
    this(sourceRegistry, destinationRegistry, extraLabels, java.util.List.of());
  }

  public static RestoreOptions none() {
    return new RestoreOptions(null, null, Map.of());
  }
}
