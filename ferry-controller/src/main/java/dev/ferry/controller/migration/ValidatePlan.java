package dev.ferry.controller.migration;

import dev.ferry.api.common.Condition;
import dev.ferry.api.migration.MigPlan;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** Prepare: the plan must be Ready (validated by its reconciler) and open. */
final class ValidatePlan implements Phase {
  @Override
  public String name() {
    return "ValidatePlan";
  }

  @Override
  public String step() {
    return "Prepare";
  }

  @Override
  public PhaseResult run(MigrationContext context) {
    MigPlan plan = context.plan();
    if (Boolean.TRUE.equals(plan.getSpec().getClosed())) {
      return PhaseResult.fail("plan " + plan.getMetadata().getName() + " is closed; a closed plan takes no new "
          + "migrations — create a new plan");
    }
    List<Condition> conditions = plan.getStatus() == null || plan.getStatus().getConditions() == null ? List.of()
        : plan.getStatus().getConditions();
    List<Condition> blockers = conditions.stream().filter(c -> c.getCategory() != null
        && (c.getCategory().name().equals("CRITICAL") || c.getCategory().name().equals("ERROR"))).toList();
    if (!blockers.isEmpty()) {
      return PhaseResult.fail("plan " + plan.getMetadata().getName() + " is not ready: "
          + blockers.stream().map(Condition::getMessage).collect(Collectors.joining("; ")));
    }
    boolean ready = conditions.stream().anyMatch(c -> Condition.READY.equals(c.getType()) && c.holds());
    return ready ? PhaseResult.done()
        : PhaseResult.requeue(Duration.ofSeconds(3), "plan " + plan.getMetadata().getName() + " to be validated");
  }
}
