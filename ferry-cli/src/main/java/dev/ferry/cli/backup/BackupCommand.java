package dev.ferry.cli.backup;

import dev.ferry.cli.FerryCommand;
import dev.ferry.controller.FerryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code ferry backup …}: Velero Backups in the controller's namespace, as the velero CLI shows them. */
@Command(name = "backup",
    description = "Create, list, describe, read the logs of and delete backups (velero.io/v1 Backup).",
    synopsisSubcommandLabel = "COMMAND",
    subcommands = {BackupCreateCommand.class, BackupGetCommand.class, BackupDescribeCommand.class,
        BackupLogsCommand.class, BackupDeleteCommand.class})
public class BackupCommand implements Runnable {
  @ParentCommand
  FerryCommand root;

  @Spec
  CommandSpec spec;

  @Option(names = {"-n", "--namespace"}, scope = ScopeType.INHERIT, paramLabel = "NS",
      defaultValue = FerryOperator.DEFAULT_NAMESPACE,
      description = "Namespace of the Ferry controller and its Backups (default: ${DEFAULT-VALUE}).")
  String namespace;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing command: one of create, get, describe, logs, delete");
  }
}
