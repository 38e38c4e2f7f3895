package dev.ferry.controller.plan.model;

import static dev.ferry.controller.plan.model.PlanConditions.DUPLICATE_NAMESPACE_ON_DESTINATION_CLUSTER;
import static dev.ferry.controller.plan.model.PlanConditions.DUPLICATE_NAMESPACE_ON_SOURCE_CLUSTER;
import static dev.ferry.controller.plan.model.PlanConditions.INTRA_CLUSTER_MIGRATION;
import static dev.ferry.controller.plan.model.PlanConditions.NAMESPACES_HAVE_NODE_SELECTORS;
import static dev.ferry.controller.plan.model.PlanConditions.NAMESPACE_LIMIT_EXCEEDED;
import static dev.ferry.controller.plan.model.PlanConditions.NAMESPACE_LIST_EMPTY;
import static dev.ferry.controller.plan.model.PlanConditions.NAMESPACE_NOT_DNS_COMPLIANT;
import static dev.ferry.controller.plan.model.PlanConditions.NAMESPACE_NOT_FOUND_ON_SOURCE_CLUSTER;
import static dev.ferry.controller.plan.model.PlanConditions.PLAN_CONFLICT;

import dev.ferry.api.common.Category;
import dev.ferry.api.common.Condition;
import dev.ferry.api.migration.plan.MigPlan;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ObjectReference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** The plan's namespace list: well formed, within limits, present, not shared with another open plan. */
final class NamespaceChecks {
  /** OpenShift's per-namespace node selector; MTC copies it, and Rsync pods are scheduled by it. */
  static final String NODE_SELECTOR = "openshift.io/node-selector";

  private NamespaceChecks() {
  }

  static void check(PlanSnapshot s, List<Condition> out) {
    List<NamespacePair> pairs = s.namespaces();
    if (pairs.isEmpty()) {
      out.add(Condition.of(NAMESPACE_LIST_EMPTY, Category.CRITICAL, "NotSet", "The plan has no namespaces: add at "
          + "least one source namespace to spec.namespaces (src, or src:dest to rename it on the destination)."));
      return;
    }
    int limit = s.settings().namespaceLimit();
    if (pairs.size() > limit) {
      out.add(Condition.of(NAMESPACE_LIMIT_EXCEEDED, Category.CRITICAL, "LimitExceeded", "The plan has "
          + pairs.size() + " namespaces, more than the limit of " + limit + " (mig_namespace_limit of the "
          + "MigrationController): split it into several plans, or raise the limit."));
    }
    dnsCompliance(pairs, out);
    duplicates(pairs, out);
    intraCluster(s, pairs, out);
    notFound(s, pairs, out);
    nodeSelectors(s, pairs, out);
    conflicts(s, pairs, out);
  }

  private static void dnsCompliance(List<NamespacePair> pairs, List<Condition> out) {
    List<String> bad = pairs.stream().filter(p -> !p.valid()).map(NamespacePair::entry).toList();
    if (!bad.isEmpty()) {
      out.add(Condition.of(NAMESPACE_NOT_DNS_COMPLIANT, Category.CRITICAL, "NotDNSCompliant", "Namespace entries "
          + bad + " are not valid: each name (source, and destination after a colon) must be at most 63 lower-case "
          + "letters, digits or '-', starting and ending with a letter or digit, e.g. shop or shop:shop-new.")
          .withItems(bad));
    }
  }

  private static void duplicates(List<NamespacePair> pairs, List<Condition> out) {
    List<String> sources = repeated(pairs.stream().map(NamespacePair::source).toList());
    if (!sources.isEmpty()) {
      out.add(Condition.of(DUPLICATE_NAMESPACE_ON_SOURCE_CLUSTER, Category.CRITICAL, "Duplicate", "Source "
          + "namespaces " + sources + " are listed more than once in spec.namespaces: list each once.")
          .withItems(sources));
    }
    List<String> destinations = repeated(pairs.stream().map(NamespacePair::destination).toList());
    if (!destinations.isEmpty()) {
      out.add(Condition.of(DUPLICATE_NAMESPACE_ON_DESTINATION_CLUSTER, Category.CRITICAL, "Duplicate", "Several "
          + "namespaces would be migrated into the same destination namespace " + destinations + ": map each "
          + "source namespace to a different destination name (src:dest).").withItems(destinations));
    }
  }

  private static List<String> repeated(List<String> names) {
    Set<String> seen = new LinkedHashSet<>();
    Set<String> twice = new LinkedHashSet<>();
    for (String n : names) {
      if (!seen.add(n)) {
        twice.add(n);
      }
    }
    return List.copyOf(twice);
  }

  private static void intraCluster(PlanSnapshot s, List<NamespacePair> pairs, List<Condition> out) {
    if (!s.source().sameClusterAs(s.destination())) {
      return;
    }
    List<String> unmapped = pairs.stream().filter(p -> !p.mapped()).map(NamespacePair::source).toList();
    if (!unmapped.isEmpty()) {
      out.add(Condition.of(INTRA_CLUSTER_MIGRATION, Category.CRITICAL, "NotMapped", "The source and destination are "
          + "the same cluster (" + s.source().name() + "), so namespaces " + unmapped + " would be migrated onto "
          + "themselves: map each to a new name (src:dest), or choose another destination cluster.")
          .withItems(unmapped));
    }
  }

  private static void notFound(PlanSnapshot s, List<NamespacePair> pairs, List<Condition> out) {
    if (!s.sourceCluster().usable()) {
      return;
    }
    List<String> missing = pairs.stream().filter(NamespacePair::valid).map(NamespacePair::source).distinct()
        .filter(n -> !s.sourceCluster().namespaces().containsKey(n)).toList();
    if (!missing.isEmpty()) {
      out.add(Condition.of(NAMESPACE_NOT_FOUND_ON_SOURCE_CLUSTER, Category.CRITICAL, "NotFound", "Namespaces "
          + missing + " do not exist on the source cluster " + s.source().name() + ": create them, or remove them "
          + "from spec.namespaces.").withItems(missing));
    }
  }

  /**
   * The troubleshooting guide's case: transfer (Rsync) pods of direct volume migration run in the
   * destination namespace and stay Pending when its node selector differs from the source's.
   */
  private static void nodeSelectors(PlanSnapshot s, List<NamespacePair> pairs, List<Condition> out) {
    List<String> withSelector = new ArrayList<>();
    List<String> details = new ArrayList<>();
    for (NamespacePair p : pairs) {
      String selector = selector(s.sourceCluster().namespaces().get(p.source()));
      if (selector == null || selector.isBlank()) {
        continue;
      }
      withSelector.add(p.source());
      Namespace dest = s.destinationCluster().namespaces().get(p.destination());
      if (dest != null && !Objects.equals(selector(dest), selector)) {
        String destSelector = selector(dest);
        details.add("destination namespace " + p.destination() + " has "
            + (destSelector == null ? "no node selector" : "node selector \"" + destSelector + "\"")
            + " instead of \"" + selector + "\"");
      }
    }
    if (!withSelector.isEmpty()) {
      out.add(Condition.of(NAMESPACES_HAVE_NODE_SELECTORS, Category.WARN, "NodeSelectors", "Namespaces "
          + withSelector + " have node selectors (annotation " + NODE_SELECTOR + ")"
          + (details.isEmpty() ? "" : "; " + String.join("; ", details)) + ". The transfer (Rsync) pods of direct "
          + "volume migration run in the destination namespace and stay Pending unless it has the same annotation "
          + "and destination nodes match it: add the annotation to existing destination namespaces "
          + "(oc edit namespace) and make sure matching nodes exist.").withItems(withSelector));
    }
  }

  private static String selector(Namespace ns) {
    return ns == null || ns.getMetadata().getAnnotations() == null ? null
        : ns.getMetadata().getAnnotations().get(NODE_SELECTOR);
  }

  /** Another open plan migrating a namespace from the same source, or into the same destination. */
  private static void conflicts(PlanSnapshot s, List<NamespacePair> pairs, List<Condition> out) {
    MigPlan plan = s.plan();
    if (Boolean.TRUE.equals(plan.getSpec().getClosed())) {
      return; // A closed plan migrates nothing more, so it conflicts with nobody.
    }
    Map<String, Set<String>> shared = new LinkedHashMap<>();
    for (MigPlan other : s.otherPlans()) {
      if (other.getMetadata().getName().equals(plan.getMetadata().getName())
          && Objects.equals(other.getMetadata().getNamespace(), plan.getMetadata().getNamespace())) {
        continue;
      }
      if (other.getSpec() == null || Boolean.TRUE.equals(other.getSpec().getClosed())) {
        continue;
      }
      List<NamespacePair> theirs = NamespacePair.parseAll(other.getSpec().getNamespaces());
      boolean sameSource = sameRef(s, plan.getSpec().getSrcMigClusterRef(), other, other.getSpec().getSrcMigClusterRef());
      boolean sameDest = sameRef(s, plan.getSpec().getDestMigClusterRef(), other,
          other.getSpec().getDestMigClusterRef());
      for (NamespacePair mine : pairs) {
        for (NamespacePair their : theirs) {
          if ((sameSource && mine.source().equals(their.source()))
              || (sameDest && mine.destination().equals(their.destination()))) {
            shared.computeIfAbsent(other.getMetadata().getName(), k -> new LinkedHashSet<>()).add(mine.source());
          }
        }
      }
    }
    if (!shared.isEmpty()) {
      Set<String> namespaces = new LinkedHashSet<>();
      shared.values().forEach(namespaces::addAll);
      List<String> plans = List.copyOf(shared.keySet());
      out.add(Condition.of(PLAN_CONFLICT, Category.ERROR, "Conflict", "Namespaces " + List.copyOf(namespaces)
          + " are also migrated by the open migration plan(s) " + plans + " between the same clusters: remove them "
          + "from one plan, or close the other plan (spec.closed: true) once its migration is done.")
          .withItems(plans));
    }
  }

  private static boolean sameRef(PlanSnapshot s, ObjectReference mine, MigPlan other, ObjectReference theirs) {
    if (mine == null || theirs == null || mine.getName() == null) {
      return false;
    }
    String theirNamespace = theirs.getNamespace() == null || theirs.getNamespace().isBlank()
        ? other.getMetadata().getNamespace() : theirs.getNamespace();
    return mine.getName().equals(theirs.getName()) && s.namespaceOf(mine).equals(theirNamespace);
  }
}
