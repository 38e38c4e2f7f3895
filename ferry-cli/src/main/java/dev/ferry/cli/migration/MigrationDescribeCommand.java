package dev.ferry.cli.migration;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code ferry migration describe NAME}: plan, type, phase, pipeline, conditions, errors. */
@Command(name = "describe", description = "Describe a migration: its pipeline, conditions and errors.")
public class MigrationDescribeCommand implements Callable<Integer> {
  @ParentCommand
  MigrationCommand group;

  @Parameters(index = "0", paramLabel = "NAME")
  String name;

  @Override
  public Integer call() {
    try (KubernetesClient client = group.root.connection().quickClient()) {
      System.out.print(new MigrationDescription(new MigrationResources(client, group.namespace).migration(name))
          .text());
    }
    return 0;
  }
}
