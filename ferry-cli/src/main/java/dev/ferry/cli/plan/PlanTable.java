package dev.ferry.cli.plan;

import dev.ferry.cli.migration.MigrationTable;
import dev.ferry.api.common.Condition;
import dev.ferry.api.migration.plan.MigPlan;
import io.fabric8.kubernetes.api.model.ObjectReference;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;

/** The rows of {@code ferry plan get}: NAME, READY, SOURCE, TARGET, STORAGE, NAMESPACES, AGE. */
public final class PlanTable {
  public static final String[] HEADERS = {"NAME", "READY", "SOURCE", "TARGET", "STORAGE", "NAMESPACES", "AGE"};

  private PlanTable() {
  }

  public static List<String[]> rows(List<MigPlan> plans, Clock clock) {
    return plans.stream().sorted(Comparator.comparing(p -> p.getMetadata().getName())).map(p -> new String[] {
        p.getMetadata().getName(),
        ready(p) ? "True" : "False",
        ref(p.getSpec() == null ? null : p.getSpec().getSrcMigClusterRef()),
        ref(p.getSpec() == null ? null : p.getSpec().getDestMigClusterRef()),
        ref(p.getSpec() == null ? null : p.getSpec().getMigStorageRef()),
        p.getSpec() == null || p.getSpec().getNamespaces() == null ? ""
            : String.join(",", p.getSpec().getNamespaces()),
        MigrationTable.age(p.getMetadata().getCreationTimestamp(), clock)}).toList();
  }

  public static boolean ready(MigPlan plan) {
    return plan.getStatus() != null && plan.getStatus().getConditions() != null
        && plan.getStatus().getConditions().stream().anyMatch(c -> Condition.READY.equals(c.getType())
            && (c.getStatus() == null || Condition.TRUE.equals(c.getStatus())));
  }

  public static boolean closed(MigPlan plan) {
    return plan.getSpec() != null && Boolean.TRUE.equals(plan.getSpec().getClosed());
  }

  static String ref(ObjectReference ref) {
    return ref == null || ref.getName() == null ? "" : ref.getName();
  }
}
