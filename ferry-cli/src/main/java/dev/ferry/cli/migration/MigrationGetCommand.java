package dev.ferry.cli.migration;

import dev.ferry.api.migration.migration.MigMigration;
import dev.ferry.cli.output.Listing;
import dev.ferry.cli.output.OutputFormat;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code ferry migration get [NAME]}: NAME, PLAN, TYPE, PHASE, STEP, AGE; or the CRs with -o yaml|json. */
@Command(name = "get", description = "List migrations (all, or the one named).")
public class MigrationGetCommand implements Callable<Integer> {
  @ParentCommand
  MigrationCommand group;

  @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "Show only this migration.")
  String name;

  @Override
  public Integer call() {
    try (KubernetesClient client = group.root.connection().quickClient()) {
      MigrationResources resources = new MigrationResources(client, group.namespace);
      List<MigMigration> migrations = name == null ? resources.migrations() : List.of(resources.migration(name));
      Listing.print(group.root.outputOr(OutputFormat.table), name != null, migrations, MigrationTable.HEADERS,
          MigrationTable.rows(migrations, Clock.systemUTC()));
    }
    return 0;
  }
}
