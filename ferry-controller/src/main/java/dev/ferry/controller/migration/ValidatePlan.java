package dev.ferry.controller.migration;

import dev.ferry.api.common.Category;
import dev.ferry.api.common.Condition;
import dev.ferry.api.migration.plan.MigPlan;
import dev.ferry.controller.itinerary.Phase;
import dev.ferry.controller.itinerary.PhaseResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Prepare: the plan must be open and Ready (validated by its reconciler). A blocked plan is
 * waited for (condition PlanNotReady) for up to five minutes, then the migration fails with the
 * plan's own messages.
 */
final class ValidatePlan implements Phase<MigrationContext> {
  static final String PLAN_NOT_READY = "PlanNotReady";
  static final Duration PATIENCE = Duration.ofMinutes(5);

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
    boolean ready = blockers.isEmpty()
        && conditions.stream().anyMatch(c -> Condition.READY.equals(c.getType()) && c.holds());
    if (ready) {
      context.conditions().clear(PLAN_NOT_READY);
      return PhaseResult.done();
    }
    String why = blockers.isEmpty() ? "it has not been validated yet"
        : blockers.stream().map(Condition::getMessage).collect(Collectors.joining("; "));
    // A plan is often still settling (its clusters being checked) when a migration is created:
    // wait for it, and give up only when it stays blocked.
    if (Duration.between(context.stepStarted(step()), Instant.now(context.clock())).compareTo(PATIENCE) > 0) {
      return PhaseResult.fail("plan " + plan.getMetadata().getName() + " is not ready: " + why);
    }
    context.conditions().set(Condition.of(PLAN_NOT_READY, Category.WARN, "PlanNotReady",
        "The migration waits for plan " + plan.getMetadata().getName() + " to be ready: " + why));
    return PhaseResult.requeue(Duration.ofSeconds(3), "plan " + plan.getMetadata().getName() + " to be ready");
  }
}
