package dev.ferry.backup.restore;

import dev.ferry.api.velero.restore.Restore;
import dev.ferry.api.velero.restore.RestoreSpec;
import dev.ferry.backup.backup.ResourceSelector;
import dev.ferry.backup.discovery.ApiDiscovery;
import dev.ferry.backup.format.ExtractedBackup;
import dev.ferry.backup.format.ItemRef;
import dev.ferry.backup.model.GroupResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * One restore run over an extracted backup that passed {@link Preflight}: the resources in
 * priority order ({@link RestoreOrder}), the Restore's selection (resources, namespaces,
 * restorePVs), the items of one resource in parallel ({@link ParallelCreates}) through
 * {@link ItemRestorer}, and the CRDs established (and discovery read again) before their custom
 * resources.
 */
final class RestoreRun implements AutoCloseable {
  private static final GroupResource CRDS = new GroupResource("apiextensions.k8s.io", "customresourcedefinitions");
  private static final GroupResource NAMESPACES = new GroupResource("", "namespaces");
  private static final GroupResource PVS = new GroupResource("", "persistentvolumes");

  private final KubernetesClient client;
  private final KubernetesClient crdClient;
  private final RestoreSpec spec;
  private final ExtractedBackup backup;
  private final RestoreJournal journal;
  private final ItemRestorer items;
  private final ParallelCreates creates;

  RestoreRun(KubernetesClient client, RestoreOptions options, Restore restore, ExtractedBackup backup,
             RestoreJournal journal) {
    this.client = client;
    // A tenant cannot list CRDs; the controller created them (allow-list), so it waits for them.
    this.crdClient = options.privilegedWrites() != null ? options.privilegedWrites().client() : client;
    this.spec = restore.getSpec();
    this.backup = backup;
    this.journal = journal;
    this.items = ItemRestorer.forRestore(client, options, restore, backup, journal);
    this.creates = new ParallelCreates("ferry-restore-" + restore.getMetadata().getName());
  }

  /** Restores every selected item; {@code restoredSoFar} sees the count after each resource. */
  void restoreAll(ApiDiscovery initial, IntConsumer restoredSoFar) {
    ApiDiscovery discovery = initial;
    var selector = new ResourceSelector(spec.getIncludedResources(), spec.getExcludedResources());
    int restored = 0;
    for (GroupResource gr : RestoreOrder.sort(backup.groupResources())) {
      if (gr.equals(PVS) && Boolean.FALSE.equals(spec.getRestorePVs())) {
        journal.info("Skipping persistentvolumes: restorePVs is false");
        continue;
      }
      var resource = discovery.find(gr);
      if (resource.isPresent() && !selector.selects(resource.get()) && !gr.equals(NAMESPACES)) {
        continue;
      }
      ApiDiscovery current = discovery;
      List<Callable<Boolean>> tasks = new ArrayList<>();
      for (ItemRef item : backup.items(gr)) {
        // A Namespace object is selected by its own name, like the objects in it.
        String namespace = gr.equals(NAMESPACES) ? item.name() : item.namespace();
        if (namespaceIncluded(namespace)) {
          tasks.add(() -> items.restore(item, current));
        }
      }
      // CRDs and namespaces go one at a time; the items of other resources in parallel.
      boolean anyRestored = creates.runAll(tasks, gr.equals(CRDS) || gr.equals(NAMESPACES));
      restored += tasks.size();
      restoredSoFar.accept(restored);
      if (gr.equals(CRDS) && anyRestored) {
        awaitCrdsEstablished();
        discovery = ApiDiscovery.of(client);
      }
    }
  }

  @Override
  public void close() {
    creates.close();
  }

  /** {@code namespace} is the entry path's (the source's), before mapping, as Velero filters. */
  private boolean namespaceIncluded(String namespace) {
    List<String> included = spec.getIncludedNamespaces();
    List<String> excluded = spec.getExcludedNamespaces();
    if (namespace == null) {
      return true;
    }
    if (excluded != null && excluded.contains(namespace)) {
      return false;
    }
    return included == null || included.isEmpty() || included.contains("*") || included.contains(namespace);
  }

  private void awaitCrdsEstablished() {
    for (var crd : crdClient.apiextensions().v1().customResourceDefinitions().list().getItems()) {
      crdClient.apiextensions().v1().customResourceDefinitions().withName(crd.getMetadata().getName())
          .waitUntilCondition(c -> c == null || c.getStatus() != null && c.getStatus().getConditions() != null
              && c.getStatus().getConditions().stream()
                  .anyMatch(x -> "Established".equals(x.getType()) && "True".equals(x.getStatus())),
              60, TimeUnit.SECONDS);
    }
  }
}
