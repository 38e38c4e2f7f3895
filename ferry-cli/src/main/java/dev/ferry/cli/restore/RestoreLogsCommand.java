package dev.ferry.cli.restore;

import dev.ferry.api.velero.restore.Restore;
import dev.ferry.cli.OperationFailed;
import dev.ferry.cli.backup.BackupRepository;
import dev.ferry.cli.backup.LogsUnavailable;
import dev.ferry.cli.backup.VeleroResources;
import dev.ferry.objectstore.ObjectStoreException;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code ferry restore logs NAME}: the restore's log from the repository, as {@code velero restore logs}. */
@Command(name = "logs", description = "Print the log of a restore (logfmt lines, from the repository).")
public class RestoreLogsCommand implements Callable<Integer> {
  @ParentCommand
  RestoreCommand group;

  @Parameters(index = "0", paramLabel = "NAME")
  String name;

  @Override
  public Integer call() {
    try (KubernetesClient client = group.root.connection().quickClient()) {
      Restore restore = new VeleroResources(client, group.namespace).restore(name);
      try (BackupRepository repository = BackupRepository.of(client, restore)) {
        if (!repository.copyLog(repository.restoreLogKey(name), System.out)) {
          throw new OperationFailed(LogsUnavailable.message("restore", name,
              restore.getStatus() == null ? null : restore.getStatus().getPhase(), repository.describe()));
        }
      } catch (ObjectStoreException e) {
        throw new OperationFailed("cannot read the log of restore " + name + " from its repository: "
            + e.getMessage());
      }
    }
    return 0;
  }
}
