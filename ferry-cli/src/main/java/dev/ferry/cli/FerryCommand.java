package dev.ferry.cli;

import dev.ferry.cli.backup.BackupCommand;
import dev.ferry.cli.cluster.ClusterCommand;
import dev.ferry.cli.demo.DemoCommand;
import dev.ferry.cli.hook.HookCommand;
import dev.ferry.cli.kube.ClusterConnection;
import dev.ferry.cli.migration.CancelCommand;
import dev.ferry.cli.migration.MigrateCommand;
import dev.ferry.cli.migration.MigrationCommand;
import dev.ferry.cli.migration.RollbackCommand;
import dev.ferry.cli.output.OutputFormat;
import dev.ferry.cli.plan.PlanCommand;
import dev.ferry.cli.restore.RestoreCommand;
import dev.ferry.cli.storage.StorageCommand;
import dev.ferry.cli.testbed.TestbedCommand;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code ferry}: the root command; its options apply to every subcommand (scope INHERIT also gives
 * every subcommand --help).
 */
@Command(name = "ferry",
    mixinStandardHelpOptions = true,
    scope = ScopeType.INHERIT,
    versionProvider = FerryVersion.class,
    description = "Ferry moves applications (resources, volume data, images) between Kubernetes/OpenShift clusters.")
public class FerryCommand {
  /**
   * The top-level commands, in the order {@code ferry --help} lists them. Registered in code, not
   * with {@code @Command(subcommands = …)}: picocli builds the model of every command it is given
   * (reflection over each class, its options and descriptions), which was most of a one-shot
   * command's start-up; {@link Main#run} gives it only the command being run.
   */
  static final List<Class<?>> COMMANDS = List.of(VersionCommand.class, CrdsCommand.class, TestbedCommand.class,
      DemoCommand.class, ControllerCommand.class, AnalyzeCommand.class, BackupCommand.class, RestoreCommand.class,
      PlanCommand.class, MigrateCommand.class, RollbackCommand.class, CancelCommand.class, MigrationCommand.class,
      ClusterCommand.class, StorageCommand.class, HookCommand.class, dev.ferry.cli.mover.MoverCommand.class,
      ConsoleCommand.class, dev.ferry.cli.logs.LogsCommand.class,
      dev.ferry.cli.gather.MustGatherCommand.class);

  /** The name a command class is run by (its {@code @Command(name)}), read without building its model. */
  static String nameOf(Class<?> command) {
    return command.getAnnotation(Command.class).name();
  }

  @Option(names = "--kubeconfig", scope = ScopeType.INHERIT, paramLabel = "FILE",
      description = "Kubeconfig file (default: $KUBECONFIG or ~/.kube/config).")
  public Path kubeconfig;

  @Option(names = "--context", scope = ScopeType.INHERIT, paramLabel = "NAME",
      description = "Kubeconfig context to use (default: the current context).")
  public String context;

  @Option(names = {"-o", "--output"}, scope = ScopeType.INHERIT, paramLabel = "FORMAT",
      description = "Output format: ${COMPLETION-CANDIDATES}.")
  public OutputFormat output;

  @Option(names = "--debug", scope = ScopeType.INHERIT,
      description = "Print stack traces and library logs on errors.")
  boolean debug;

  public ClusterConnection connection() {
    return new ClusterConnection(kubeconfig, context);
  }

  public OutputFormat outputOr(OutputFormat fallback) {
    return output == null ? fallback : output;
  }
}
