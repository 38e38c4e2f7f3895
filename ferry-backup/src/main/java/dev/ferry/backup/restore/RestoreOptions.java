package dev.ferry.backup.restore;

import java.util.Map;

/**
 * What a restore needs besides its Restore CR: the internal registries to rewrite image
 * references between, and labels to put on every restored object (a migration marks what it
 * created with {@code migration.openshift.io/migrated-by-migplan}, so rollback can find it).
 */
public record RestoreOptions(String sourceRegistry, String destinationRegistry, Map<String, String> extraLabels) {
  public RestoreOptions {
    extraLabels = extraLabels == null ? Map.of() : Map.copyOf(extraLabels);
  }

  public static RestoreOptions none() {
    return new RestoreOptions(null, null, Map.of());
  }
}
