package dev.ferry.cli.plan;

import dev.ferry.api.migration.plan.MigPlan;
import dev.ferry.cli.Creation;
import dev.ferry.cli.UserError;
import dev.ferry.cli.cluster.ClusterView;
import dev.ferry.cli.hook.HookView;
import dev.ferry.cli.kube.NamespacedObjects;
import dev.ferry.cli.migration.MigrationManifests;
import dev.ferry.cli.storage.StorageView;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code ferry plan create NAME --source C --destination C --storage S --namespace ns[:dest]...}:
 * a MigPlan referencing clusters and storage that must already exist.
 */
@Command(name = "create", description = "Create a migration plan from declared clusters and a replication repository.")
public class PlanCreateCommand implements Callable<Integer> {
  @ParentCommand
  PlanCommand group;

  @Parameters(index = "0", paramLabel = "NAME")
  String name;

  @Option(names = "--source", required = true, paramLabel = "CLUSTER", description = "The source MigCluster.")
  String source;

  @Option(names = "--destination", required = true, paramLabel = "CLUSTER", description = "The destination MigCluster.")
  String destination;

  @Option(names = "--storage", required = true, paramLabel = "STORAGE", description = "The replication repository (MigStorage).")
  String storage;

  // Not --namespace: -n/--namespace is the controller's namespace, as in every other command.
  @Option(names = "--namespaces", required = true, split = ",", paramLabel = "NS[:DEST]",
      description = "Namespaces to migrate, each optionally renamed on the destination (comma-separated or repeated).")
  List<String> namespaces;

  @Option(names = "--indirect-volumes", description = "Copy volume data through the repository instead of directly.")
  boolean indirectVolumes;

  @Option(names = "--indirect-images", description = "Copy images through the repository instead of registry to registry.")
  boolean indirectImages;

  @Option(names = "--hook", paramLabel = "HOOK:PHASE:EXEC_NS:SA",
      description = "Run a MigHook at PreBackup, PostBackup, PreRestore or PostRestore, in namespace EXEC_NS as "
          + "service account SA; repeat for several.")
  List<String> hooks;

  @Option(names = "--dry-run", description = "Print what would be created (with -o yaml: the manifest) and create nothing.")
  boolean dryRun;

  @Option(names = "--wait", description = "Wait until the controller reports the plan Ready.")
  boolean wait;

  @Override
  public Integer call() {
    if (source.equals(destination)) {
      throw new UserError("--source and --destination are both " + source + "; a plan moves between two clusters");
    }
    MigrationManifests.checkPlanNamespaces(namespaces);
    List<MigrationManifests.PlanHook> planHooks = hooks == null ? List.of()
        : hooks.stream().map(MigrationManifests::parseHook).toList();
    MigPlan plan = MigrationManifests.plan(name, group.namespace, source, destination, storage, namespaces,
        indirectVolumes, indirectImages, planHooks);
    if (dryRun) {
      Creation.dryRun(group.root.output, List.of(plan));
      return 0;
    }
    try (KubernetesClient client = group.root.connection().quickClient()) {
      String ns = group.namespace;
      new NamespacedObjects<>(client, new ClusterView(), ns).get(source);
      new NamespacedObjects<>(client, new ClusterView(), ns).get(destination);
      new NamespacedObjects<>(client, new StorageView(), ns).get(storage);
      planHooks.forEach(h -> new NamespacedObjects<>(client, new HookView(), ns).get(h.hook()));
      NamespacedObjects<MigPlan> objects = group.objects(client);
      Creation.create(client, objects, null, plan);
      if (wait) {
        Creation.awaitReady(objects, name, MigPlan::getStatus);
      }
    }
    return 0;
  }
}
