package dev.ferry.cli.restore;

import dev.ferry.api.velero.restore.ExistingResourcePolicy;
import dev.ferry.api.velero.restore.Restore;
import dev.ferry.api.velero.restore.RestorePhase;
import dev.ferry.api.velero.restore.RestoreSpec;
import dev.ferry.cli.OperationFailed;
import dev.ferry.cli.UserError;
import dev.ferry.cli.backup.BackupRepository;
import dev.ferry.cli.backup.VeleroResources;
import dev.ferry.cli.backup.WaitOutcome;
import dev.ferry.cli.kube.CompletionWait;
import dev.ferry.cli.kube.LabelSelectorParser;
import dev.ferry.cli.plan.NamespaceMappings;
import dev.ferry.objectstore.ObjectStoreException;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code ferry restore create}: a Restore CR for the controller to run; {@code --wait} follows it to the end. */
@Command(name = "create", description = "Restore a backup into this cluster (creates a Restore CR).")
public class RestoreCreateCommand implements Callable<Integer> {
  @ParentCommand
  RestoreCommand group;

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "NAME",
      description = "Name of the restore (default: BACKUP-<yyyyMMddHHmmss>).")
  String name;

  @Option(names = "--from-backup", required = true, paramLabel = "BACKUP", description = "Backup to restore.")
  String backupName;

  @Option(names = "--namespace-mappings", split = ",", paramLabel = "SRC:DST",
      description = "Restore namespace SRC as DST, e.g. shop:shop-copy.")
  List<String> namespaceMappings;

  @Option(names = "--include-namespaces", split = ",", paramLabel = "NS",
      description = "Namespaces of the backup to restore (default: all).")
  List<String> includeNamespaces;

  @Option(names = "--exclude-namespaces", split = ",", paramLabel = "NS",
      description = "Namespaces of the backup not to restore.")
  List<String> excludeNamespaces;

  @Option(names = "--include-resources", split = ",", paramLabel = "RESOURCE",
      description = "Resources to restore, as plural or plural.group (default: all).")
  List<String> includeResources;

  @Option(names = "--exclude-resources", split = ",", paramLabel = "RESOURCE",
      description = "Resources not to restore, as plural or plural.group.")
  List<String> excludeResources;

  @Option(names = {"-l", "--selector"}, paramLabel = "SELECTOR",
      description = "Restore only objects with matching labels.")
  String selector;

  @Option(names = "--restore-volumes", arity = "1", paramLabel = "true|false",
      description = "Restore persistent volumes (default: auto).")
  Boolean restoreVolumes;

  @Option(names = "--include-cluster-resources", arity = "1", paramLabel = "true|false",
      description = "Restore cluster-scoped resources (default: only those the namespaces need).")
  Boolean includeClusterResources;

  @Option(names = "--existing-resource-policy", paramLabel = "none|update",
      converter = PolicyConverter.class,
      description = "For objects that already exist and differ: none (keep them, with a warning) or update.")
  ExistingResourcePolicy existingResourcePolicy;

  @Option(names = "--wait", description = "Wait until the restore finishes; exit 1 unless it Completed.")
  boolean wait;

  @Override
  public Integer call() {
    Restore restore = restore();
    try (KubernetesClient client = group.root.connection().quickClient()) {
      VeleroResources resources = new VeleroResources(client, group.namespace);
      requireBackup(client, resources);
      resources.create(restore, "restore");
      String restoreName = restore.getMetadata().getName();
      System.out.println("Restore request \"" + restoreName + "\" submitted successfully.");
      if (!wait) {
        System.out.println("Run 'ferry restore describe " + restoreName + "' or 'ferry restore logs " + restoreName
            + "' for more details.");
        return 0;
      }
      System.out.println("Waiting for restore to complete. You may safely press ctrl-c to stop waiting - your "
          + "restore will continue in the background.");
      Restore done = new CompletionWait<>(() -> stillThere(restoreName, resources.restoreOrNull(restoreName)),
          r -> WaitOutcome.finished(r.getStatus() == null ? null : r.getStatus().getPhase()),
          r -> r.getStatus() == null || r.getStatus().getPhase() == null
              || r.getStatus().getPhase() == RestorePhase.NEW)
          .await(() -> spec.commandLine().getErr().println(
              WaitOutcome.notPickedUp("restore", restoreName, group.namespace)));
      return WaitOutcome.report(done);
    }
  }

  /** The CR this command creates; bad input fails here, before the cluster is contacted. */
  Restore restore() {
    RestoreSpec restoreSpec = new RestoreSpec();
    restoreSpec.setBackupName(backupName);
    Map<String, String> mapping = namespaceMappings == null ? Map.of() : NamespaceMappings.parse(namespaceMappings);
    restoreSpec.setNamespaceMapping(mapping.isEmpty() ? null : mapping);
    restoreSpec.setIncludedNamespaces(includeNamespaces == null ? null : List.copyOf(includeNamespaces));
    restoreSpec.setExcludedNamespaces(excludeNamespaces == null ? null : List.copyOf(excludeNamespaces));
    restoreSpec.setIncludedResources(includeResources == null ? null : List.copyOf(includeResources));
    restoreSpec.setExcludedResources(excludeResources == null ? null : List.copyOf(excludeResources));
    restoreSpec.setLabelSelector(selector == null ? null : LabelSelectorParser.parse(selector));
    restoreSpec.setRestorePVs(restoreVolumes);
    restoreSpec.setIncludeClusterResources(includeClusterResources);
    restoreSpec.setExistingResourcePolicy(existingResourcePolicy);
    Restore restore = new Restore();
    ObjectMeta metadata = new ObjectMeta();
    // Velero's default name: the backup's, with the time appended.
    metadata.setName(name != null ? name : backupName + "-"
        + DateTimeFormatter.ofPattern("yyyyMMddHHmmss").format(LocalDateTime.now(ZoneOffset.UTC)));
    metadata.setNamespace(group.namespace);
    restore.setMetadata(metadata);
    restore.setSpec(restoreSpec);
    return restore;
  }

  /**
   * The backup must exist as a CR here, or in the default repository (a backup taken on another
   * cluster that shares it): a typo should fail now, not as a FailedValidation later.
   */
  private void requireBackup(KubernetesClient client, VeleroResources resources) {
    if (resources.backupOrNull(backupName) != null) {
      return;
    }
    try (BackupRepository repository = BackupRepository.open(client, group.namespace, null)) {
      if (repository.hasBackup(backupName)) {
        return;
      }
    } catch (ObjectStoreException e) {
      // no usable default location: the backup cannot be found there either
    }
    throw new UserError("backup " + backupName + " not found in namespace " + group.namespace
        + "; list them with: ferry backup get");
  }

  private static Restore stillThere(String name, Restore restore) {
    if (restore == null) {
      throw new OperationFailed("restore " + name + " was deleted while waiting for it");
    }
    return restore;
  }

  /** Accepts the manifest values {@code none} and {@code update}. */
  static final class PolicyConverter implements ITypeConverter<ExistingResourcePolicy> {
    @Override
    public ExistingResourcePolicy convert(String value) {
      ExistingResourcePolicy policy = ExistingResourcePolicy.fromValue(value);
      if (policy == null) {
        throw new TypeConversionException("'" + value + "' is not one of: none, update");
      }
      return policy;
    }
  }
}
