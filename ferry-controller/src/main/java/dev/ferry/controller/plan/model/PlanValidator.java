package dev.ferry.controller.plan.model;

import dev.ferry.api.common.Category;
import dev.ferry.api.common.Condition;
import dev.ferry.api.migration.plan.IncompatibleNamespace;
import dev.ferry.api.migration.plan.PlanVolume;
import java.util.ArrayList;
import java.util.List;

/**
 * Judges a {@link PlanSnapshot}: every condition MTC raises on a MigPlan that the snapshot lets
 * us decide, plus volume discovery. Pure: the same snapshot always gives the same result.
 * Volumes are discovered and checked only when nothing Critical blocks the plan, as in MTC.
 */
public final class PlanValidator {
  private PlanValidator() {
  }

  public static PlanValidation validate(PlanSnapshot s) {
    List<Condition> out = new ArrayList<>();
    ReferenceChecks.check(s, out);
    NamespaceChecks.check(s, out);
    HookChecks.check(s, out);
    ImageChecks.check(s, out);
    pods(s, out);
    gvks(s, out);
    closed(s, out);
    List<PlanVolume> volumes = null;
    boolean blocked = out.stream().anyMatch(c -> c.getCategory() == Category.CRITICAL);
    if (!blocked && s.sourceCluster().usable() && s.destinationCluster().usable()) {
      volumes = PvDiscovery.discover(s.namespaces(), s.sourceCluster().volumes(), s.sourceCluster().claims(),
          s.sourceCluster().pods(), s.destinationCluster().storageClasses(),
          s.plan().getSpec().getPersistentVolumes());
      out.add(Condition.of(PlanConditions.PVS_DISCOVERED, Category.REQUIRED, "Done", "The `persistentVolumes` list "
          + "has been updated with discovered PVs."));
      VolumeChecks.check(s, volumes, out);
    }
    return new PlanValidation(out, volumes);
  }

  private static void pods(PlanSnapshot s, List<Condition> out) {
    if (!s.sourceCluster().usable()) {
      return;
    }
    int count = s.sourceCluster().pods().size();
    int limit = s.settings().podLimit();
    if (count > limit) {
      out.add(Condition.of(PlanConditions.POD_LIMIT_EXCEEDED, Category.WARN, "LimitExceeded", "The plan's "
          + "namespaces hold " + count + " pods, more than the limit of " + limit + " (mig_pod_limit of the "
          + "MigrationController): split the plan, or raise the limit."));
    }
  }

  private static void gvks(PlanSnapshot s, List<Condition> out) {
    List<IncompatibleNamespace> incompatible = s.incompatibleNamespaces();
    if (incompatible == null || incompatible.isEmpty()) {
      return;
    }
    List<String> items = new ArrayList<>();
    for (IncompatibleNamespace ns : incompatible) {
      ns.getGvks().forEach(g -> items.add(ns.getName() + ": " + g.getKind()
          + (g.getGroup() == null || g.getGroup().isEmpty() ? "" : "." + g.getGroup()) + "/" + g.getVersion()));
    }
    out.add(Condition.of(PlanConditions.GVKS_INCOMPATIBLE, Category.WARN, "Incompatible", "Some namespaces hold "
        + "resources whose API group and version the destination cluster does not serve (see "
        + "status.incompatibleNamespaces): they cannot be restored there. Convert them to a version the "
        + "destination serves, install the API on the destination, or exclude them.").withItems(items));
  }

  /** A closed plan stays Ready (MTC), but no migration may be started for it. */
  private static void closed(PlanSnapshot s, List<Condition> out) {
    if (s.plan().getSpec() != null && Boolean.TRUE.equals(s.plan().getSpec().getClosed())) {
      out.add(Condition.of(PlanConditions.CLOSED, Category.ADVISORY, "Closed", "The migration plan is closed: no "
          + "new migration can be run for it, and its namespaces may be used by other plans."));
    }
  }
}
