package dev.ferry.cli;

import java.nio.file.Path;
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
    description = "Ferry moves applications (resources, volume data, images) between Kubernetes/OpenShift clusters.",
    subcommands = {VersionCommand.class, CrdsCommand.class, TestbedCommand.class, DemoCommand.class,
        ControllerCommand.class, AnalyzeCommand.class, BackupCommand.class, RestoreCommand.class, PlanCommand.class,
        MigrateCommand.class, RollbackCommand.class, CancelCommand.class, MigrationCommand.class,
        ClusterCommand.class, StorageCommand.class, HookCommand.class, dev.ferry.cli.mover.MoverCommand.class,
        ConsoleCommand.class})
public class FerryCommand {

  @Option(names = "--kubeconfig", scope = ScopeType.INHERIT, paramLabel = "FILE",
      description = "Kubeconfig file (default: $KUBECONFIG or ~/.kube/config).")
  Path kubeconfig;

  @Option(names = "--context", scope = ScopeType.INHERIT, paramLabel = "NAME",
      description = "Kubeconfig context to use (default: the current context).")
  String context;

  @Option(names = {"-o", "--output"}, scope = ScopeType.INHERIT, paramLabel = "FORMAT",
      description = "Output format: ${COMPLETION-CANDIDATES}.")
  OutputFormat output;

  @Option(names = "--debug", scope = ScopeType.INHERIT,
      description = "Print stack traces and library logs on errors.")
  boolean debug;

  ClusterConnection connection() {
    return new ClusterConnection(kubeconfig, context);
  }

  OutputFormat outputOr(OutputFormat fallback) {
    return output == null ? fallback : output;
  }
}
