package dev.ferry.cli.migration;

import dev.ferry.api.migration.migration.MigMigration;
import dev.ferry.cli.ControllerCheck;
import dev.ferry.cli.FerryCommand;
import dev.ferry.cli.UserError;
import dev.ferry.cli.kube.ClusterConnection;
import dev.ferry.controller.FerryOperator;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ferry rollback PLAN}: a MigMigration with rollback: true; --wait follows it. */
@Command(name = "rollback",
    description = "Roll a plan's migration back: delete what it created on the target, restart the source.")
public class RollbackCommand implements Callable<Integer> {
  @picocli.CommandLine.ParentCommand
  FerryCommand root;

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "PLAN", description = "The MigPlan whose migration to roll back.")
  String plan;

  @Option(names = {"-n", "--namespace"}, paramLabel = "NS", defaultValue = FerryOperator.DEFAULT_NAMESPACE,
      description = "Namespace of the Ferry controller and its plans (default: ${DEFAULT-VALUE}).")
  String namespace;

  @Option(names = "--name", paramLabel = "NAME",
      description = "Name of the MigMigration (default: PLAN-rollback-<yyyyMMddHHmmss>).")
  String name;

  @Option(names = "--wait", description = "Follow the rollback as 'migration watch' does; exit 1 unless it Completed.")
  boolean wait;

  @Option(names = "--in-process", description = "Run Ferry's controller in this process until the rollback ends "
      + "(nothing installed needed, as 'ferry migrate --in-process'); implies --wait.")
  boolean inProcess;

  @Option(names = "--destination-context", paramLabel = "CONTEXT",
      description = "Kubeconfig context of the destination (host) cluster where 'ferry migrate --source-context … "
          + "--destination-context …' declared the plan; implies --in-process.")
  String destinationContext;

  @Override
  public Integer call() {
    if (destinationContext != null && root.context != null) {
      throw new UserError("--context does not go with --destination-context; drop one");
    }
    ClusterConnection connection = destinationContext != null
        ? new ClusterConnection(root.kubeconfig, destinationContext) : root.connection();
    boolean local = inProcess || destinationContext != null;
    try (KubernetesClient client = connection.client()) {
      MigrationResources resources = new MigrationResources(client, namespace);
      resources.plan(plan);
      MigMigration migration = MigrationRequest.migration(
          name != null ? name : MigrationRequest.defaultName(plan, "rollback", Clock.systemUTC()), namespace, plan,
          MigrationRequest.rollback());
      if (local) {
        return ControllerCheck.inProcess(client, namespace, () -> MigrateCommand.submit(resources, migration, true,
            spec));
      }
      boolean runs = ControllerCheck.controllerRuns(client, namespace, wait, "rollback");
      int exit = MigrateCommand.submit(resources, migration, wait, spec);
      if (!runs) {
        ControllerCheck.warnNoController(spec.commandLine().getErr(), namespace, "rollback");
      }
      return exit;
    }
  }
}
