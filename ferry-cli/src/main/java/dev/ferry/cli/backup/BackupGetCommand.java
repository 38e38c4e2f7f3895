package dev.ferry.cli.backup;

import dev.ferry.api.velero.backup.Backup;
import dev.ferry.cli.output.Listing;
import dev.ferry.cli.output.OutputFormat;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code ferry backup get [NAME]}: Velero's backup table, or the CRs with {@code -o yaml|json}. */
@Command(name = "get", description = "List backups (all, or the one named).")
public class BackupGetCommand implements Callable<Integer> {
  @ParentCommand
  BackupCommand group;

  @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "Show only this backup.")
  String name;

  @Override
  public Integer call() {
    try (KubernetesClient client = group.root.connection().quickClient()) {
      VeleroResources resources = new VeleroResources(client, group.namespace);
      List<Backup> backups = name == null ? resources.backups() : List.of(resources.backup(name));
      Listing.print(group.root.outputOr(OutputFormat.table), name != null, backups,
          BackupTable.HEADERS, BackupTable.rows(backups, Clock.systemUTC()));
    }
    return 0;
  }
}
