package dev.ferry.cli.backup;

import dev.ferry.api.velero.backup.Backup;
import dev.ferry.api.velero.backup.BackupPhase;
import dev.ferry.cli.OperationFailed;
import dev.ferry.cli.UserError;
import dev.ferry.objectstore.ObjectStoreException;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code ferry backup delete NAME --confirm}: removes the backup's data from the repository,
 * then its CR. The data goes first, so a failure leaves the CR to retry with.
 */
@Command(name = "delete", description = "Delete a backup: its data in the repository and its Backup CR.")
public class BackupDeleteCommand implements Callable<Integer> {
  @ParentCommand
  BackupCommand group;

  @Parameters(index = "0", paramLabel = "NAME")
  String name;

  @Option(names = "--confirm", description = "Confirm the deletion (it cannot be undone).")
  boolean confirm;

  @Override
  public Integer call() {
    if (!confirm) {
      throw new UserError("deleting backup " + name + " removes its data from the repository for good; "
          + "add --confirm to do it");
    }
    try (KubernetesClient client = group.root.connection().quickClient()) {
      VeleroResources resources = new VeleroResources(client, group.namespace);
      Backup backup = resources.backup(name);
      BackupPhase phase = backup.getStatus() == null ? null : backup.getStatus().getPhase();
      if (phase == BackupPhase.IN_PROGRESS) {
        // The controller would write the files again right after we deleted them.
        throw new UserError("backup " + name + " is InProgress; wait until it finishes (ferry backup get " + name
            + ") before deleting it");
      }
      int removed;
      String where;
      try (BackupRepository repository = BackupRepository.of(client, backup)) {
        removed = repository.deleteBackup(name);
        where = repository.describe();
      } catch (ObjectStoreException e) {
        throw new OperationFailed("cannot delete the data of backup " + name + ": " + e.getMessage()
            + "; the Backup CR is kept");
      }
      resources.delete(backup);
      System.out.println("Backup \"" + name + "\" deleted: " + removed + (removed == 1 ? " object" : " objects")
          + " removed from " + where + ".");
    }
    return 0;
  }
}
