package dev.ferry.backup.restore;

import dev.ferry.backup.format.BackupLimits;
import dev.ferry.backup.restore.transform.RestoreTransform;
import java.util.List;
import java.util.Map;

/**
 * What a restore needs besides its Restore CR: the internal registries to rewrite image
 * references between, transforms of the caller's own (applied after the defaults), labels
 * to put on every restored object (a migration marks what it
 * created with {@code migration.openshift.io/migrated-by-migplan}, so rollback can find it), and
 * how much of the (untrusted) backup it is willing to read, and — for a restore that runs as a
 * tenant — the cluster-scoped resources the controller may create itself ({@code null}: none).
 */
public record RestoreOptions(String sourceRegistry, String destinationRegistry, Map<String, String> extraLabels,
                             List<RestoreTransform> extraTransforms, BackupLimits limits,
                             PrivilegedWrites privilegedWrites) {
  public RestoreOptions {
    extraLabels = extraLabels == null ? Map.of() : Map.copyOf(extraLabels);
    extraTransforms = extraTransforms == null ? List.of() : List.copyOf(extraTransforms);
    limits = limits == null ? BackupLimits.defaults() : limits;
  }

  public RestoreOptions(String sourceRegistry, String destinationRegistry, Map<String, String> extraLabels,
                        List<RestoreTransform> extraTransforms) {
    this(sourceRegistry, destinationRegistry, extraLabels, extraTransforms, null, null);
  }

  public RestoreOptions(String sourceRegistry, String destinationRegistry, Map<String, String> extraLabels) {
    this(sourceRegistry, destinationRegistry, extraLabels, List.of(), null, null);
  }

  public static RestoreOptions none() {
    return new RestoreOptions(null, null, Map.of());
  }

  public RestoreOptions withLimits(BackupLimits limits) {
    return new RestoreOptions(sourceRegistry, destinationRegistry, extraLabels, extraTransforms, limits,
        privilegedWrites);
  }

  /** Cluster-scoped resources the controller creates itself, for a restore that runs as a tenant. */
  public RestoreOptions withPrivilegedWrites(PrivilegedWrites privilegedWrites) {
    return new RestoreOptions(sourceRegistry, destinationRegistry, extraLabels, extraTransforms, limits,
        privilegedWrites);
  }
}
