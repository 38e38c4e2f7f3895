package dev.ferry.cli.restore;

import dev.ferry.api.velero.restore.Restore;
import dev.ferry.backup.model.ResultsFile;
import dev.ferry.cli.backup.BackupRepository;
import dev.ferry.cli.backup.VeleroResources;
import dev.ferry.cli.kube.Fetched;
import dev.ferry.cli.output.VeleroFormat;
import dev.ferry.objectstore.ObjectStoreException;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.SortedMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code ferry restore describe NAME [--details]}: the {@code velero restore describe} view. */
@Command(name = "describe", description = "Describe a restore, with its warnings and errors; --details adds the "
    + "restored resource list when the restore recorded one.")
public class RestoreDescribeCommand implements Callable<Integer> {
  @ParentCommand
  RestoreCommand group;

  @Parameters(index = "0", paramLabel = "NAME")
  String name;

  @Option(names = "--details", description = "Also read the restored resource list from the repository.")
  boolean details;

  @Override
  public Integer call() {
    try (KubernetesClient client = group.root.connection().quickClient()) {
      Restore restore = new VeleroResources(client, group.namespace).restore(name);
      RestoreDescription description = new RestoreDescription(restore);
      var status = restore.getStatus();
      // Like Velero, the results file is read only when the status counts something in it.
      boolean hasResults = status != null
          && (VeleroFormat.count(status.getWarnings()) > 0 || VeleroFormat.count(status.getErrors()) > 0);
      if (hasResults || details) {
        Fetched<ResultsFile> results;
        Fetched<SortedMap<String, List<String>>> resources;
        try (BackupRepository repository = BackupRepository.of(client, restore)) {
          results = repository.restoreResults(name);
          resources = details ? repository.restoreResourceList(name) : null;
        } catch (ObjectStoreException e) {
          results = Fetched.failed(e.getMessage());
          resources = Fetched.failed(e.getMessage());
        }
        if (hasResults) {
          description.withResults(results);
        }
        if (details) {
          description.withResourceList(resources);
        }
      }
      System.out.print(description.text());
    }
    return 0;
  }
}
