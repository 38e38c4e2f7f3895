package dev.ferry.cli.restore;

import dev.ferry.api.velero.restore.Restore;
import dev.ferry.cli.backup.VeleroResources;
import dev.ferry.cli.output.Listing;
import dev.ferry.cli.output.OutputFormat;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code ferry restore get [NAME]}: Velero's restore table, or the CRs with {@code -o yaml|json}. */
@Command(name = "get", description = "List restores (all, or the one named).")
public class RestoreGetCommand implements Callable<Integer> {
  @ParentCommand
  RestoreCommand group;

  @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "Show only this restore.")
  String name;

  @Override
  public Integer call() {
    try (KubernetesClient client = group.root.connection().quickClient()) {
      VeleroResources resources = new VeleroResources(client, group.namespace);
      List<Restore> restores = name == null ? resources.restores() : List.of(resources.restore(name));
      Listing.print(group.root.outputOr(OutputFormat.table), name != null, restores,
          RestoreTable.HEADERS, RestoreTable.rows(restores));
    }
    return 0;
  }
}
