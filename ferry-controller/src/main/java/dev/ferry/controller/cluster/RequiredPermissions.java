package dev.ferry.controller.cluster;

import java.util.ArrayList;
import java.util.List;

/**
 * What a migration does in every namespace of a cluster, so what the identity of a MigCluster
 * must be allowed: create, get, list and delete namespaces, persistent volumes, their claims,
 * pods and custom resource definitions, cluster-wide. MTC asks for cluster-admin; checking these
 * explicitly lets the condition say exactly what is missing.
 */
public final class RequiredPermissions {
  /** One permission, checked with a SelfSubjectAccessReview across all namespaces. */
  public record Permission(String verb, String group, String resource) {
    /** e.g. "delete persistentvolumes" or "create customresourcedefinitions.apiextensions.k8s.io". */
    @Override
    public String toString() {
      return verb + " " + resource + (group.isEmpty() ? "" : "." + group);
    }
  }

  public static final List<String> VERBS = List.of("create", "get", "list", "delete");

  /** Group and resource pairs, core group first. */
  public static final List<String[]> RESOURCES = List.of(
      new String[] {"", "namespaces"},
      new String[] {"", "persistentvolumes"},
      new String[] {"", "persistentvolumeclaims"},
      new String[] {"", "pods"},
      new String[] {"apiextensions.k8s.io", "customresourcedefinitions"});

  private RequiredPermissions() {
  }

  public static List<Permission> all() {
    List<Permission> all = new ArrayList<>();
    for (String[] resource : RESOURCES) {
      for (String verb : VERBS) {
        all.add(new Permission(verb, resource[0], resource[1]));
      }
    }
    return all;
  }
}
