package dev.ferry.controller.settings;

import dev.ferry.api.migration.settings.MigrationController;
import dev.ferry.api.migration.settings.MigrationControllerSpec;
import io.fabric8.kubernetes.api.model.IntOrString;
import java.util.ArrayList;
import java.util.List;

/**
 * The MigrationController settings the reconcilers use: the limits of a plan and the resources
 * never migrated. A value that is missing, not a number or not positive falls back to MTC's
 * default, so a typo in the CR never makes every plan fail.
 *
 * @param namespaceLimit    {@code mig_namespace_limit}: most namespaces in a plan (default 10)
 * @param podLimit          {@code mig_pod_limit}: most pods in a plan's namespaces (default 100)
 * @param pvLimit           {@code mig_pv_limit}: most persistent volumes in a plan (default 100)
 * @param excludedResources {@code excluded_resources}: resources (plural or plural.group) never migrated,
 *                          in addition to the built-in exclusions
 */
public record ControllerSettings(int namespaceLimit, int podLimit, int pvLimit, List<String> excludedResources) {
  public static final int DEFAULT_NAMESPACE_LIMIT = 10;
  public static final int DEFAULT_POD_LIMIT = 100;
  public static final int DEFAULT_PV_LIMIT = 100;

  public ControllerSettings {
    excludedResources = excludedResources == null ? List.of() : List.copyOf(excludedResources);
  }

  /** The settings when no MigrationController exists. */
  public static ControllerSettings defaults() {
    return new ControllerSettings(DEFAULT_NAMESPACE_LIMIT, DEFAULT_POD_LIMIT, DEFAULT_PV_LIMIT, List.of());
  }

  /** The settings of {@code controller}; null means defaults. */
  public static ControllerSettings from(MigrationController controller) {
    MigrationControllerSpec spec = controller == null ? null : controller.getSpec();
    if (spec == null) {
      return defaults();
    }
    List<String> excluded = new ArrayList<>();
    if (spec.getExcludedResources() != null) {
      for (String r : spec.getExcludedResources()) {
        if (r != null && !r.isBlank()) {
          excluded.add(r.trim());
        }
      }
    }
    return new ControllerSettings(
        positive(spec.getMigNamespaceLimit(), DEFAULT_NAMESPACE_LIMIT),
        positive(spec.getMigPodLimit(), DEFAULT_POD_LIMIT),
        positive(spec.getMigPvLimit(), DEFAULT_PV_LIMIT),
        excluded);
  }

  /**
   * An IntOrString limit: MTC's manifests quote the numbers ({@code mig_pv_limit: "100"}), users
   * sometimes do not; both mean the same.
   */
  static int positive(IntOrString value, int fallback) {
    if (value == null) {
      return fallback;
    }
    if (value.getIntVal() != null) {
      return value.getIntVal() > 0 ? value.getIntVal() : fallback;
    }
    String text = value.getStrVal();
    if (text == null) {
      return fallback;
    }
    try {
      int parsed = Integer.parseInt(text.trim());
      return parsed > 0 ? parsed : fallback;
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
