package dev.ferry.cli.backup;

import dev.ferry.api.velero.backup.Backup;
import dev.ferry.backup.format.ResourceListFile;
import dev.ferry.backup.model.ResultsFile;
import dev.ferry.cli.kube.Fetched;
import dev.ferry.objectstore.ObjectStoreException;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code ferry backup describe NAME [--details]}: the {@code velero backup describe} view. */
@Command(name = "describe", description = "Describe a backup; --details adds its resource list, warnings and errors.")
public class BackupDescribeCommand implements Callable<Integer> {
  @ParentCommand
  BackupCommand group;

  @Parameters(index = "0", paramLabel = "NAME")
  String name;

  @Option(names = "--details", description = "Read the resource list, warnings and errors from the repository.")
  boolean details;

  @Override
  public Integer call() {
    try (KubernetesClient client = group.root.connection().quickClient()) {
      Backup backup = new VeleroResources(client, group.namespace).backup(name);
      BackupDescription description = new BackupDescription(backup);
      if (details) {
        Fetched<ResourceListFile> resources;
        Fetched<ResultsFile> results;
        try (BackupRepository repository = BackupRepository.of(client, backup)) {
          resources = repository.backupResourceList(name);
          results = repository.backupResults(name);
        } catch (ObjectStoreException e) {
          resources = Fetched.failed(e.getMessage());
          results = Fetched.failed(e.getMessage());
        }
        description.withDetails(resources, results);
      }
      System.out.print(description.text());
    }
    return 0;
  }
}
