package dev.ferry.cli.plan;

import dev.ferry.api.migration.plan.MigPlan;
import dev.ferry.cli.output.ObjectView;
import java.time.Clock;
import java.util.List;

/** {@code ferry plan}'s view: {@link PlanTable} rows and {@link PlanDescription}. Pure. */
public final class PlanView implements ObjectView<MigPlan> {
  @Override
  public Class<MigPlan> type() {
    return MigPlan.class;
  }

  @Override
  public String noun() {
    return "migration plan";
  }

  @Override
  public String command() {
    return "plan";
  }

  @Override
  public String[] headers() {
    return PlanTable.HEADERS;
  }

  @Override
  public String[] row(MigPlan plan, Clock clock) {
    return PlanTable.rows(List.of(plan), clock).get(0);
  }

  @Override
  public String describe(MigPlan plan) {
    return new PlanDescription(plan).text();
  }
}
