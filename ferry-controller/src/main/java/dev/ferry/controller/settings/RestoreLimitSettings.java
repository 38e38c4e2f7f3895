package dev.ferry.controller.settings;

import dev.ferry.api.migration.settings.MigrationController;
import dev.ferry.api.migration.settings.RestoreLimits;
import dev.ferry.backup.format.BackupLimits;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Quantity;

/**
 * The restore limits of {@code spec.restore_limits} on the MigrationController. As with the plan
 * limits, a missing, unparsable or non-positive value means the default, so a typo never makes
 * every restore fail (nor lifts a limit).
 */
public final class RestoreLimitSettings {

  private RestoreLimitSettings() {
  }

  /** The limits of {@code controller}; null means defaults. */
  public static BackupLimits from(MigrationController controller) {
    RestoreLimits limits = controller == null || controller.getSpec() == null ? null
        : controller.getSpec().getRestoreLimits();
    if (limits == null) {
      return BackupLimits.defaults();
    }
    return new BackupLimits(
        bytes(limits.getMaxExtractedSize(), BackupLimits.DEFAULT_MAX_EXTRACTED_BYTES),
        positive(limits.getMaxEntries(), BackupLimits.DEFAULT_MAX_ENTRIES),
        bytes(limits.getMaxItemSize(), BackupLimits.DEFAULT_MAX_ITEM_BYTES),
        positive(limits.getMaxJsonDepth(), BackupLimits.DEFAULT_MAX_JSON_DEPTH),
        positive(limits.getMaxStringLength(), BackupLimits.DEFAULT_MAX_STRING_LENGTH));
  }

  private static int positive(Integer value, int fallback) {
    return value == null || value <= 0 ? fallback : value;
  }

  /** A byte count: a number, or a Kubernetes quantity such as {@code 512Mi}. */
  static long bytes(IntOrString value, long fallback) {
    if (value == null) {
      return fallback;
    }
    if (value.getIntVal() != null) {
      return value.getIntVal() > 0 ? value.getIntVal() : fallback;
    }
    try {
      long parsed = Quantity.getAmountInBytes(new Quantity(value.getStrVal().trim())).longValueExact();
      return parsed > 0 ? parsed : fallback;
    } catch (RuntimeException e) {
      return fallback;
    }
  }
}
