package dev.ferry.controller.tenancy;

import dev.ferry.api.migration.settings.MigrationController;
import dev.ferry.api.migration.settings.SelfService;
import dev.ferry.backup.model.GroupResource;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * {@code spec.self_service} of the MigrationController: whether namespace owners may migrate their
 * own namespaces, and which cluster-scoped resources the controller creates for them. Off unless a
 * cluster admin turns it on.
 */
public record SelfServiceSettings(boolean enabled, Set<GroupResource> clusterScopedAllowList) {
  public SelfServiceSettings {
    clusterScopedAllowList = Set.copyOf(clusterScopedAllowList);
  }

  public static SelfServiceSettings from(MigrationController controller) {
    SelfService spec = controller == null || controller.getSpec() == null ? null : controller.getSpec().getSelfService();
    if (spec == null) {
      return new SelfServiceSettings(false, Set.of());
    }
    Set<GroupResource> allowed = new LinkedHashSet<>();
    if (spec.getClusterScopedAllowList() != null) {
      for (String r : spec.getClusterScopedAllowList()) {
        if (r != null && !r.isBlank()) {
          allowed.add(GroupResource.parse(r.trim()));
        }
      }
    }
    return new SelfServiceSettings(Boolean.TRUE.equals(spec.getEnabled()), allowed);
  }
}
