package dev.ferry.cli.migration;

import dev.ferry.cli.FerryCommand;
import dev.ferry.controller.FerryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code ferry migration …}: the MigMigrations of the controller's namespace. */
@Command(name = "migration",
    description = "List, describe and watch migrations (migration.openshift.io MigMigration).",
    synopsisSubcommandLabel = "COMMAND",
    subcommands = {MigrationGetCommand.class, MigrationDescribeCommand.class, MigrationWatchCommand.class})
public class MigrationCommand implements Runnable {
  @ParentCommand
  FerryCommand root;

  @Spec
  CommandSpec spec;

  @Option(names = {"-n", "--namespace"}, scope = ScopeType.INHERIT, paramLabel = "NS",
      defaultValue = FerryOperator.DEFAULT_NAMESPACE,
      description = "Namespace of the Ferry controller and its migrations (default: ${DEFAULT-VALUE}).")
  String namespace;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing command: one of get, describe, watch");
  }
}
