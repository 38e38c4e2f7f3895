package dev.ferry.controller.plan.model;

import dev.ferry.backup.discovery.ApiResource;
import dev.ferry.backup.model.DefaultExclusions;
import dev.ferry.backup.model.GroupResource;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which of the source's namespaced resources could not be restored on the destination because it
 * does not serve their group/version. Only these candidates are then looked for in the plan's
 * namespaces, so a pair of clusters of one version costs no listing at all.
 */
public final class GvkCompatibility {
  private GvkCompatibility() {
  }

  /**
   * @param source             the source's namespaced resources at their preferred versions
   * @param destinationServes  whether the destination serves a resource at that group/version
   * @param excluded           resources never migrated (built-in and MigrationController exclusions)
   */
  public static List<ApiResource> candidates(List<ApiResource> source, Predicate<ApiResource> destinationServes,
                                             Set<GroupResource> excluded) {
    return source.stream()
        .filter(ApiResource::namespaced)
        .filter(r -> r.can("list"))
        .filter(r -> !excluded.contains(r.groupResource()))
        .filter(r -> !destinationServes.test(r))
        .toList();
  }

  /** The built-in exclusions plus {@code excluded_resources} (plural or plural.group). */
  public static Set<GroupResource> excluded(List<String> configured) {
    Set<GroupResource> all = new LinkedHashSet<>(DefaultExclusions.BACKUP);
    for (String name : configured) {
      try {
        all.add(GroupResource.parse(name.trim()));
      } catch (IllegalArgumentException e) {
        // A malformed entry excludes nothing; it is still listed in status.excludedResources.
      }
    }
    return all;
  }
}
