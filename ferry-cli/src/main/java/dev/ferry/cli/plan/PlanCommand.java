package dev.ferry.cli.plan;

import dev.ferry.api.migration.plan.MigPlan;
import dev.ferry.cli.ObjectCommands;
import dev.ferry.cli.ObjectGroup;
import dev.ferry.cli.output.ObjectView;
import picocli.CommandLine.Command;

/** {@code ferry plan …}: the MigPlans of the controller's namespace. */
@Command(name = "plan",
    description = "Create, list, describe and delete migration plans (migration.openshift.io MigPlan).",
    synopsisSubcommandLabel = "COMMAND",
    subcommands = {PlanCreateCommand.class, PlanGetCommand.class, PlanDescribeCommand.class,
        PlanCommand.Delete.class})
public class PlanCommand extends ObjectGroup<MigPlan> {
  @Override
  public ObjectView<MigPlan> view() {
    return new PlanView();
  }

  @Command(name = "delete", description = "Delete a migration plan (its migrations go with it).")
  static class Delete extends ObjectCommands.Delete {
  }
}
