package dev.ferry.cli.restore;

import dev.ferry.cli.FerryCommand;
import dev.ferry.controller.FerryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code ferry restore …}: Velero Restores in the controller's namespace, as the velero CLI shows them. */
@Command(name = "restore",
    description = "Create, list, describe and read the logs of restores (velero.io/v1 Restore).",
    synopsisSubcommandLabel = "COMMAND",
    subcommands = {RestoreCreateCommand.class, RestoreGetCommand.class, RestoreDescribeCommand.class,
        RestoreLogsCommand.class})
public class RestoreCommand implements Runnable {
  @ParentCommand
  FerryCommand root;

  @Spec
  CommandSpec spec;

  @Option(names = {"-n", "--namespace"}, scope = ScopeType.INHERIT, paramLabel = "NS",
      defaultValue = FerryOperator.DEFAULT_NAMESPACE,
      description = "Namespace of the Ferry controller and its Restores (default: ${DEFAULT-VALUE}).")
  String namespace;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing command: one of create, get, describe, logs");
  }
}
