package dev.ferry.cli.plan;

import dev.ferry.api.migration.plan.MigPlan;
import dev.ferry.cli.migration.MigrationResources;
import dev.ferry.cli.output.Listing;
import dev.ferry.cli.output.OutputFormat;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code ferry plan get [NAME]}: NAME, READY, SOURCE, TARGET, STORAGE, NAMESPACES, AGE; or -o yaml|json. */
@Command(name = "get", description = "List migration plans (all, or the one named).")
public class PlanGetCommand implements Callable<Integer> {
  @ParentCommand
  PlanCommand group;

  @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "Show only this plan.")
  String name;

  @Override
  public Integer call() {
    try (KubernetesClient client = group.root.connection().quickClient()) {
      MigrationResources resources = new MigrationResources(client, group.namespace);
      List<MigPlan> plans = name == null ? resources.plans() : List.of(resources.plan(name));
      Listing.print(group.root.outputOr(OutputFormat.table), name != null, plans, PlanTable.HEADERS,
          PlanTable.rows(plans, Clock.systemUTC()));
    }
    return 0;
  }
}
