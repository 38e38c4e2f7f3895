package dev.ferry.cli.backup;

import dev.ferry.api.velero.backup.Backup;
import dev.ferry.api.velero.backup.BackupPhase;
import dev.ferry.api.velero.backup.BackupSpec;
import dev.ferry.api.velero.location.BackupStorageLocation;
import dev.ferry.backup.backup.GoDuration;
import dev.ferry.cli.OperationFailed;
import dev.ferry.cli.UserError;
import dev.ferry.cli.kube.CompletionWait;
import dev.ferry.cli.kube.LabelSelectorParser;
import dev.ferry.controller.velero.BackupStorageLocations;
import dev.ferry.objectstore.ObjectStoreException;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ferry backup create}: a Backup CR for the controller to run; {@code --wait} follows it to the end. */
@Command(name = "create", description = "Back up namespaces to a storage location (creates a Backup CR).")
public class BackupCreateCommand implements Callable<Integer> {
  @ParentCommand
  BackupCommand group;

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "NAME", description = "Name of the backup.")
  String name;

  @Option(names = "--include-namespaces", split = ",", required = true, paramLabel = "NS",
      description = "Namespaces to back up.")
  List<String> includeNamespaces;

  @Option(names = "--include-resources", split = ",", paramLabel = "RESOURCE",
      description = "Resources to back up, as plural or plural.group (default: all).")
  List<String> includeResources;

  @Option(names = "--exclude-resources", split = ",", paramLabel = "RESOURCE",
      description = "Resources not to back up, as plural or plural.group.")
  List<String> excludeResources;

  @Option(names = {"-l", "--selector"}, paramLabel = "SELECTOR",
      description = "Back up only objects with matching labels, e.g. app=shop,tier in (web,api).")
  String selector;

  @Option(names = "--storage-location", paramLabel = "BSL",
      description = "BackupStorageLocation to store the backup in (default: the default location).")
  String storageLocation;

  @Option(names = "--ttl", paramLabel = "DURATION", defaultValue = BackupDescription.DEFAULT_TTL,
      description = "How long to keep the backup (default: ${DEFAULT-VALUE}).")
  String ttl;

  @Option(names = "--include-cluster-resources", arity = "1", paramLabel = "true|false",
      description = "Include cluster-scoped resources (default: only those the namespaces need).")
  Boolean includeClusterResources;

  @Option(names = "--wait", description = "Wait until the backup finishes; exit 1 unless it Completed.")
  boolean wait;

  @Override
  public Integer call() {
    Backup backup = backup();
    try (KubernetesClient client = group.root.connection().quickClient()) {
      backup.getSpec().setStorageLocation(location(client));
      VeleroResources resources = new VeleroResources(client, group.namespace);
      resources.create(backup, "backup");
      System.out.println("Backup request \"" + name + "\" submitted successfully.");
      if (!wait) {
        System.out.println("Run 'ferry backup describe " + name + "' or 'ferry backup logs " + name
            + "' for more details.");
        return 0;
      }
      System.out.println("Waiting for backup to complete. You may safely press ctrl-c to stop waiting - your backup "
          + "will continue in the background.");
      Backup done = new CompletionWait<>(() -> stillThere(resources.backupOrNull(name)),
          b -> WaitOutcome.finished(b.getStatus() == null ? null : b.getStatus().getPhase()),
          b -> b.getStatus() == null || b.getStatus().getPhase() == null
              || b.getStatus().getPhase() == BackupPhase.NEW)
          .await(() -> spec.commandLine().getErr().println(WaitOutcome.notPickedUp("backup", name, group.namespace)));
      return WaitOutcome.report(done);
    }
  }

  /** The CR this command creates; bad input fails here, before the cluster is contacted. */
  public Backup backup() {
    if (includeNamespaces.stream().anyMatch(ns -> ns.isBlank() || ns.equals("*"))) {
      throw new UserError("--include-namespaces must name the namespaces to back up (Ferry backs up applications, "
          + "not whole clusters)");
    }
    BackupSpec backupSpec = new BackupSpec();
    backupSpec.setIncludedNamespaces(List.copyOf(includeNamespaces));
    backupSpec.setIncludedResources(includeResources == null ? null : List.copyOf(includeResources));
    backupSpec.setExcludedResources(excludeResources == null ? null : List.copyOf(excludeResources));
    backupSpec.setLabelSelector(selector == null ? null : LabelSelectorParser.parse(selector));
    backupSpec.setIncludeClusterResources(includeClusterResources);
    try {
      // Stored as Go prints durations (24h -> 24h0m0s), the way Velero shows it.
      backupSpec.setTtl(GoDuration.format(GoDuration.parse(ttl)));
    } catch (IllegalArgumentException e) {
      throw new UserError("--ttl: " + e.getMessage());
    }
    Backup backup = new Backup();
    ObjectMeta metadata = new ObjectMeta();
    metadata.setName(name);
    metadata.setNamespace(group.namespace);
    backup.setMetadata(metadata);
    backup.setSpec(backupSpec);
    return backup;
  }

  /** The named location, or the default one written into the spec as Velero's server does. */
  private String location(KubernetesClient client) {
    try {
      return new BackupStorageLocations(client).find(group.namespace, storageLocation).getMetadata().getName();
    } catch (KubernetesClientException e) {
      throw VeleroResources.translate(e, BackupStorageLocation.class);
    } catch (ObjectStoreException e) {
      throw new UserError(storageLocation == null
          ? "no default BackupStorageLocation in namespace " + group.namespace + "; pass --storage-location NAME "
              + "or mark a location with spec.default: true"
          : "BackupStorageLocation " + storageLocation + " not found in namespace " + group.namespace
              + "; list them with: kubectl get backupstoragelocations -n " + group.namespace);
    }
  }

  private Backup stillThere(Backup backup) {
    if (backup == null) {
      throw new OperationFailed("backup " + name + " was deleted while waiting for it");
    }
    return backup;
  }
}
