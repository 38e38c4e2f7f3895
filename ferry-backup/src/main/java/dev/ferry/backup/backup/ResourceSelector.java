package dev.ferry.backup.backup;

import dev.ferry.backup.discovery.ApiResource;
import dev.ferry.backup.model.DefaultExclusions;
import dev.ferry.backup.model.GroupResource;
import java.util.List;
import java.util.Locale;

/**
 * Which resources a backup takes, by Velero's rules: {@code includedResources} empty or "*"
 * means all; {@code excludedResources} and Ferry's default exclusions win. A name matches a
 * resource by plural ({@code deployments}), qualified name ({@code deployments.apps}) or kind.
 */
public final class ResourceSelector {
  private final List<String> included;
  private final List<String> excluded;

  public ResourceSelector(List<String> included, List<String> excluded) {
    this.included = normalize(included);
    this.excluded = normalize(excluded);
  }

  private static List<String> normalize(List<String> names) {
    return names == null ? List.of() : names.stream().map(n -> n.toLowerCase(Locale.ROOT).trim()).toList();
  }

  public boolean selects(ApiResource resource) {
    if (!resource.can("list") || !resource.can("get")) {
      return false;
    }
    GroupResource gr = resource.groupResource();
    if (DefaultExclusions.BACKUP.contains(gr) || matchesAny(excluded, resource)) {
      return false;
    }
    return included.isEmpty() || included.contains("*") || matchesAny(included, resource);
  }

  /** True when the user named this resource explicitly (so even cluster-scoped ones are taken). */
  public boolean explicitlyIncluded(ApiResource resource) {
    return matchesAny(included, resource);
  }

  private static boolean matchesAny(List<String> names, ApiResource resource) {
    String qualified = resource.groupResource().qualified();
    String kind = resource.kind().toLowerCase(Locale.ROOT);
    return names.stream().anyMatch(n -> n.equals(qualified) || n.equals(resource.resource()) || n.equals(kind));
  }
}
