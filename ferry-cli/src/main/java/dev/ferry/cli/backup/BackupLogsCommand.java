package dev.ferry.cli.backup;

import dev.ferry.api.velero.backup.Backup;
import dev.ferry.cli.OperationFailed;
import dev.ferry.objectstore.ObjectStoreException;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code ferry backup logs NAME}: the backup's log from the repository, as {@code velero backup logs}. */
@Command(name = "logs", description = "Print the log of a backup (logfmt lines, from the repository).")
public class BackupLogsCommand implements Callable<Integer> {
  @ParentCommand
  BackupCommand group;

  @Parameters(index = "0", paramLabel = "NAME")
  String name;

  @Override
  public Integer call() {
    try (KubernetesClient client = group.root.connection().quickClient()) {
      Backup backup = new VeleroResources(client, group.namespace).backup(name);
      try (BackupRepository repository = BackupRepository.of(client, backup)) {
        if (!repository.copyLog(repository.backupLogKey(name), System.out)) {
          throw new OperationFailed(LogsUnavailable.message("backup", name,
              backup.getStatus() == null ? null : backup.getStatus().getPhase(), repository.describe()));
        }
      } catch (ObjectStoreException e) {
        throw new OperationFailed("cannot read the log of backup " + name + " from its repository: "
            + e.getMessage());
      }
    }
    return 0;
  }
}
