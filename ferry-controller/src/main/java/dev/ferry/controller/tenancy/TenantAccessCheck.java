package dev.ferry.controller.tenancy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Before anything is read or written, asks each API server (SubjectAccessReview) whether the
 * tenant may read the plan's namespaces on the source and write the mapped ones on the
 * destination, so a plan the tenant cannot run stops with a condition that says exactly what is
 * missing. These checks only explain; the tenant's own token is what actually limits the
 * migration.
 */
public final class TenantAccessCheck {
  /** What a migration of a namespace reads: the namespace itself and the usual kinds of an application. */
  private static final List<String[]> READS = List.of(
      new String[] {"list", "", "configmaps"}, new String[] {"list", "", "secrets"},
      new String[] {"list", "", "services"}, new String[] {"list", "apps", "deployments"});
  private static final List<String[]> WRITES = List.of(
      new String[] {"create", "", "configmaps"}, new String[] {"create", "", "secrets"},
      new String[] {"create", "", "services"}, new String[] {"create", "apps", "deployments"});

  private TenantAccessCheck() {
  }

  /** @param mapping source namespace → destination namespace */
  public static List<String> denials(TenantSession source, TenantSession destination, Map<String, String> mapping) {
    List<String> denied = new ArrayList<>();
    mapping.forEach((from, to) -> {
      check(source, from, "get", "", "namespaces", from, denied);
      READS.forEach(r -> check(source, from, r[0], r[1], r[2], null, denied));
      check(destination, to, "get", "", "namespaces", to, denied);
      WRITES.forEach(w -> check(destination, to, w[0], w[1], w[2], null, denied));
    });
    return denied;
  }

  private static void check(TenantSession session, String namespace, String verb, String group, String resource,
      String name, List<String> denied) {
    if (!session.can(verb, group, resource, namespace, name)) {
      String what = name != null ? resource.substring(0, resource.length() - 1) + " " + name
          : resource + (group.isEmpty() ? "" : "." + group) + " in namespace " + namespace;
      denied.add("user " + session.identity().username() + " cannot " + verb + " " + what + " on the "
          + session.cluster() + " cluster");
    }
  }
}
