package dev.ferry.cli.plan;

import dev.ferry.cli.migration.MigrationResources;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code ferry plan describe NAME}: spec summary, conditions, discovered persistent volumes. */
@Command(name = "describe", description = "Describe a migration plan: conditions and discovered volumes.")
public class PlanDescribeCommand implements Callable<Integer> {
  @ParentCommand
  PlanCommand group;

  @Parameters(index = "0", paramLabel = "NAME")
  String name;

  @Override
  public Integer call() {
    try (KubernetesClient client = group.root.connection().quickClient()) {
      System.out.print(new PlanDescription(new MigrationResources(client, group.namespace).plan(name)).text());
    }
    return 0;
  }
}
