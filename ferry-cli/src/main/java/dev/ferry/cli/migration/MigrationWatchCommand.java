package dev.ferry.cli.migration;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ferry migration watch NAME}: the pipeline at every change until the migration ends. */
@Command(name = "watch",
    description = "Print a migration's pipeline at every change until it ends; exit 0 only if it Completed.")
public class MigrationWatchCommand implements Callable<Integer> {
  @ParentCommand
  MigrationCommand group;

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "NAME")
  String name;

  @Override
  public Integer call() {
    try (KubernetesClient client = group.root.connection().quickClient()) {
      MigrationResources resources = new MigrationResources(client, group.namespace);
      resources.migration(name);
      return new MigrationWatch(resources, name, System.out, spec.commandLine().getErr()).follow();
    }
  }
}
