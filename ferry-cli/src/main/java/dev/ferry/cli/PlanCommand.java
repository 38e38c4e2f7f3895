package dev.ferry.cli;

import dev.ferry.controller.FerryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code ferry plan …}: the MigPlans of the controller's namespace. */
@Command(name = "plan",
    description = "List and describe migration plans (migration.openshift.io MigPlan).",
    synopsisSubcommandLabel = "COMMAND",
    subcommands = {PlanGetCommand.class, PlanDescribeCommand.class})
class PlanCommand implements Runnable {
  @ParentCommand
  FerryCommand root;

  @Spec
  CommandSpec spec;

  @Option(names = {"-n", "--namespace"}, scope = ScopeType.INHERIT, paramLabel = "NS",
      defaultValue = FerryOperator.DEFAULT_NAMESPACE,
      description = "Namespace of the Ferry controller and its plans (default: ${DEFAULT-VALUE}).")
  String namespace;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing command: one of get, describe");
  }
}
