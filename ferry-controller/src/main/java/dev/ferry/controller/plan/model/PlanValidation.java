package dev.ferry.controller.plan.model;

import dev.ferry.api.common.Condition;
import dev.ferry.api.common.Conditions;
import dev.ferry.api.migration.plan.PlanVolume;
import java.util.List;

/**
 * What validation found: the conditions that hold, and the persistent volumes discovered
 * ({@code null} when discovery did not run: the source was not inspected or a Critical
 * condition blocks the plan, so {@code spec.persistentVolumes} is left as it is).
 */
public record PlanValidation(List<Condition> conditions, List<PlanVolume> volumes) {
  public PlanValidation {
    conditions = List.copyOf(conditions);
  }

  /**
   * Replaces the plan's validation conditions with these, MTC style: a condition that still holds
   * keeps its lastTransitionTime, one that no longer applies disappears (durable ones stay), and
   * Ready holds when nothing Critical or Error does.
   */
  public void applyTo(Conditions target) {
    target.beginStaging();
    conditions.forEach(target::set);
    target.setReady(!target.hasErrors(), PlanConditions.READY_MESSAGE);
    target.endStaging();
  }
}
