package dev.ferry.cli.migration;

import dev.ferry.cli.ControllerCheck;
import dev.ferry.cli.FerryCommand;
import dev.ferry.cli.UserError;
import dev.ferry.cli.output.MigrationFormat;
import dev.ferry.controller.FerryOperator;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ferry cancel MIGRATION}: sets spec.canceled; the controller stops it and restarts the source. */
@Command(name = "cancel", description = "Cancel a running migration (sets spec.canceled: true).")
public class CancelCommand implements Callable<Integer> {
  @picocli.CommandLine.ParentCommand
  FerryCommand root;

  @Parameters(index = "0", paramLabel = "MIGRATION", description = "The MigMigration to cancel.")
  String migration;

  @Option(names = {"-n", "--namespace"}, paramLabel = "NS", defaultValue = FerryOperator.DEFAULT_NAMESPACE,
      description = "Namespace of the Ferry controller and its migrations (default: ${DEFAULT-VALUE}).")
  String namespace;

  @Option(names = "--in-process", description = "Run Ferry's controller in this process until the canceled "
      + "migration ends (nothing installed needed, as 'ferry migrate --in-process').")
  boolean inProcess;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    try (KubernetesClient client = root.connection().quickClient()) {
      MigrationResources resources = new MigrationResources(client, namespace);
      var current = resources.migration(migration);
      if (MigrationFormat.finished(current)) {
        throw new UserError("migration " + migration + " has already ended (" + MigrationFormat.phase(current)
            + "); there is nothing to cancel");
      }
      if (inProcess) {
        ControllerCheck.noOtherController(client, namespace);
      }
      resources.cancel(migration);
      if (inProcess) {
        return ControllerCheck.inProcess(client, namespace, () -> new MigrationWatch(resources, migration, System.out,
            spec.commandLine().getErr()).follow());
      }
      System.out.println("Cancel requested for migration " + migration
          + "; follow it with: ferry migration watch " + migration + " -n " + namespace);
      if (!ControllerCheck.controllerRuns(client, namespace, false, "cancel")) {
        ControllerCheck.warnNoController(spec.commandLine().getErr(), namespace, "cancel");
      }
    }
    return 0;
  }
}
