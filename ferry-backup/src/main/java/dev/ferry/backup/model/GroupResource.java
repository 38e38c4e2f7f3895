package dev.ferry.backup.model;

import java.util.Objects;

/**
 * An API group and resource (plural), as Velero names tarball directories: {@code deployments.apps},
 * or just {@code pods} for the core group. Ordered by that qualified name.
 */
public record GroupResource(String group, String resource) implements Comparable<GroupResource> {

  public GroupResource {
    group = group == null ? "" : group;
    Objects.requireNonNull(resource, "resource");
    if (resource.isEmpty() || resource.contains(".") || resource.contains("/")) {
      throw new IllegalArgumentException("invalid resource name: '" + resource + "'");
    }
  }

  /** A resource of the core ("") group. */
  public static GroupResource core(String resource) {
    return new GroupResource("", resource);
  }

  public static GroupResource of(String group, String resource) {
    return new GroupResource(group, resource);
  }

  /**
   * Parses {@code resource[.group]}. Resource names never contain dots, so everything after the
   * first dot is the group.
   */
  public static GroupResource parse(String qualified) {
    Objects.requireNonNull(qualified, "qualified");
    int dot = qualified.indexOf('.');
    return dot < 0
        ? new GroupResource("", qualified)
        : new GroupResource(qualified.substring(dot + 1), qualified.substring(0, dot));
  }

  public boolean isCore() {
    return group.isEmpty();
  }

  /** {@code resource} for the core group, else {@code resource.group}. */
  public String qualified() {
    return isCore() ? resource : resource + "." + group;
  }

  @Override
  public int compareTo(GroupResource other) {
    return qualified().compareTo(other.qualified());
  }

  @Override
  public String toString() {
    return qualified();
  }
}
