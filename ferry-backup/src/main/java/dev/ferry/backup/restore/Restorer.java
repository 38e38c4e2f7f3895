package dev.ferry.backup.restore;

import dev.ferry.api.velero.restore.Restore;
import dev.ferry.api.velero.restore.RestorePhase;
import dev.ferry.api.velero.restore.RestoreProgress;
import dev.ferry.api.velero.restore.RestoreSpec;
import dev.ferry.api.velero.restore.RestoreStatus;
import dev.ferry.backup.OperationLog;
import dev.ferry.backup.backup.ResourceSelector;
import dev.ferry.backup.discovery.ApiDiscovery;
import dev.ferry.backup.format.BackupFormatException;
import dev.ferry.backup.format.BackupLayout;
import dev.ferry.backup.format.BackupLimits;
import dev.ferry.backup.format.BackupTarballReader;
import dev.ferry.backup.format.ExtractedBackup;
import dev.ferry.backup.format.ItemRef;
import dev.ferry.backup.model.GroupResource;
import dev.ferry.backup.model.ResultsFile;
import dev.ferry.backup.restore.transform.TransformContext;
import dev.ferry.backup.restore.transform.TransformPipeline;
import dev.ferry.objectstore.ObjectNotFoundException;
import dev.ferry.objectstore.ObjectStore;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Restores a Velero-format backup from the replication repository into a destination cluster:
 * in priority order, through the transform pipeline, with namespace mapping. The backup is
 * untrusted input: it is extracted within {@link BackupLimits}, every item is decoded in a
 * {@link Preflight} pass before the first create (so a restore that ends {@code Failed} has
 * created nothing), and each item's entry path — not its content — decides where it goes
 * ({@link EntryAgreement}). This class is the run; {@link ItemRestorer} restores one item. A
 * failed item is an error under its namespace and the restore goes on (PartiallyFailed).
 */
public final class Restorer {
  private static final GroupResource CRDS = new GroupResource("apiextensions.k8s.io", "customresourcedefinitions");
  private static final GroupResource NAMESPACES = new GroupResource("", "namespaces");
  private static final GroupResource PVS = new GroupResource("", "persistentvolumes");
  /** Concurrent creates per resource: enough to hide request latency, few enough not to flood the API server. */
  static final int PARALLEL_CREATES = 8;

  private final KubernetesClient client;
  private final ObjectStore store;
  private final Clock clock;
  private final RestoreOptions options;

  public Restorer(KubernetesClient client, ObjectStore store, Clock clock, RestoreOptions options) {
    this.client = client;
    this.store = store;
    this.clock = clock;
    this.options = options;
  }

  public RestoreStatus run(Restore restore, Consumer<RestoreStatus> progress) {
    String name = restore.getMetadata().getName();
    RestoreSpec spec = restore.getSpec();
    RestoreStatus status = restore.getStatus() != null ? restore.getStatus() : new RestoreStatus();
    status.setPhase(RestorePhase.IN_PROGRESS);
    status.setStartTimestamp(now());
    status.setProgress(new RestoreProgress());
    progress.accept(status);
    if (spec == null || spec.getBackupName() == null || spec.getBackupName().isBlank()) {
      return failValidation(status, "spec.backupName must name the backup to restore");
    }
    if (!store.exists(BackupLayout.ROOT.backupMetadata(spec.getBackupName()))) {
      return failValidation(status, "backup " + spec.getBackupName() + " was not found in the repository "
          + store.describe() + "; check the name (ferry backup get) and the storage location");
    }

    Path work = null;
    try (OperationLog log = new OperationLog("restore", restore.getMetadata().getNamespace(), name, clock)) {
      RestoreJournal journal = new RestoreJournal(log);
      work = Files.createTempDirectory("ferry-restore-");
      ExtractedBackup backup;
      try (InputStream in = store.get(BackupLayout.ROOT.backupTarball(spec.getBackupName()))) {
        backup = new BackupTarballReader(options.limits()).extract(in, work.resolve("content"));
      }
      ApiDiscovery discovery = ApiDiscovery.of(client);
      Preflight.check(backup, discovery, journal);
      status.getProgress().setTotalItems(backup.itemCount());
      RestoreRun run = new RestoreRun(restore, backup, journal, status, progress);
      try {
        run.restoreAll(discovery);
      } finally {
        run.close();
      }
      store.put(BackupLayout.ROOT.restoreResourceList(name), journal.resourceList.toGzip());
      status.setWarnings(journal.warnings.count());
      status.setErrors(journal.errors.count());
      status.setPhase(journal.errors.isEmpty() ? RestorePhase.COMPLETED : RestorePhase.PARTIALLY_FAILED);
      status.setCompletionTimestamp(now());
      upload(name, journal);
      return status;
    } catch (ObjectNotFoundException e) {
      return fail(status, e.getMessage());
    } catch (BackupFormatException e) {
      return fail(status, "backup " + spec.getBackupName() + " cannot be read: " + e.getMessage()
          + "; nothing was restored");
    } catch (IOException e) {
      return fail(status, "restore " + name + " failed: " + e.getMessage());
    } catch (RuntimeException e) {
      return fail(status, e.getMessage() == null ? e.toString() : e.getMessage());
    } finally {
      deleteTree(work);
    }
  }

  /** One run: the priority order, the selection, the parallel workers, the progress. */
  private final class RestoreRun {
    private final Restore restore;
    private final ExtractedBackup backup;
    private final RestoreJournal journal;
    private final RestoreStatus status;
    private final Consumer<RestoreStatus> progress;
    private final ItemRestorer items;
    private final AtomicInteger restored = new AtomicInteger();
    private ExecutorService workers;

    RestoreRun(Restore restore, ExtractedBackup backup, RestoreJournal journal, RestoreStatus status,
               Consumer<RestoreStatus> progress) {
      this.restore = restore;
      this.backup = backup;
      this.journal = journal;
      this.status = status;
      this.progress = progress;
      RestoreSpec spec = restore.getSpec();
      TransformContext context = new TransformContext(
          spec.getNamespaceMapping() == null ? Map.of() : spec.getNamespaceMapping(),
          options.sourceRegistry(), options.destinationRegistry(),
          false,
          restoreStatusFor(spec),
          Boolean.TRUE.equals(spec.getPreserveNodePorts()));
      this.items = new ItemRestorer(client, restore, backup, journal, pipeline(), context, labels(restore),
          options.privilegedWrites());
    }

    void restoreAll(ApiDiscovery initial) {
      ApiDiscovery discovery = initial;
      RestoreSpec spec = restore.getSpec();
      var selector = new ResourceSelector(spec.getIncludedResources(), spec.getExcludedResources());
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
        boolean anyRestored = runAll(gr, tasks);
        status.getProgress().setItemsRestored(restored.addAndGet(tasks.size()));
        progress.accept(status);
        if (gr.equals(CRDS) && anyRestored) {
          awaitCrdsEstablished();
          discovery = ApiDiscovery.of(client);
        }
      }
    }

    /**
     * Items of one resource do not depend on each other, so they are created in parallel; the
     * priority order holds between resources. CRDs and namespaces go one at a time.
     */
    private boolean runAll(GroupResource gr, List<Callable<Boolean>> tasks) {
      boolean any = false;
      try {
        if (gr.equals(CRDS) || gr.equals(NAMESPACES) || tasks.size() < 2) {
          for (var task : tasks) {
            any |= task.call();
          }
          return any;
        }
        for (var result : workers().invokeAll(tasks)) {
          any |= result.get();
        }
        return any;
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("restore interrupted", e);
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }

    private ExecutorService workers() {
      if (workers == null) {
        workers = Executors.newFixedThreadPool(PARALLEL_CREATES, r -> {
          Thread t = new Thread(r, "ferry-restore-" + restore.getMetadata().getName());
          t.setDaemon(true);
          return t;
        });
      }
      return workers;
    }

    void close() {
      if (workers != null) {
        workers.shutdownNow();
      }
    }

    /** {@code namespace} is the entry path's (the source's), before mapping, as Velero filters. */
    private boolean namespaceIncluded(String namespace) {
      List<String> included = restore.getSpec().getIncludedNamespaces();
      List<String> excluded = restore.getSpec().getExcludedNamespaces();
      if (namespace == null) {
        return true;
      }
      if (excluded != null && excluded.contains(namespace)) {
        return false;
      }
      return included == null || included.isEmpty() || included.contains("*") || included.contains(namespace);
    }

    private void awaitCrdsEstablished() {
      // A tenant cannot list CRDs; the controller created them (allow-list), so it waits for them.
      KubernetesClient client = options.privilegedWrites() != null ? options.privilegedWrites().client()
          : Restorer.this.client;
      for (var crd : client.apiextensions().v1().customResourceDefinitions().list().getItems()) {
        client.apiextensions().v1().customResourceDefinitions().withName(crd.getMetadata().getName())
            .waitUntilCondition(c -> c == null || c.getStatus() != null && c.getStatus().getConditions() != null
                && c.getStatus().getConditions().stream()
                    .anyMatch(x -> "Established".equals(x.getType()) && "True".equals(x.getStatus())),
                60, TimeUnit.SECONDS);
      }
    }
  }

  private Map<String, String> labels(Restore restore) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("velero.io/backup-name", restore.getSpec().getBackupName());
    labels.put("velero.io/restore-name", restore.getMetadata().getName());
    labels.putAll(options.extraLabels());
    return labels;
  }

  private TransformPipeline pipeline() {
    List<dev.ferry.backup.restore.transform.RestoreTransform> transforms =
        new ArrayList<>(TransformPipeline.defaults().transforms());
    transforms.addAll(options.extraTransforms());
    return new TransformPipeline(transforms);
  }

  private static Set<GroupResource> restoreStatusFor(RestoreSpec spec) {
    Set<GroupResource> result = new HashSet<>();
    if (spec.getRestoreStatus() != null && spec.getRestoreStatus().getIncludedResources() != null) {
      spec.getRestoreStatus().getIncludedResources().forEach(r -> result.add(GroupResource.parse(r)));
    }
    return result;
  }

  private void upload(String name, RestoreJournal journal) throws IOException {
    ByteArrayOutputStream results = new ByteArrayOutputStream();
    new ResultsFile(journal.warnings, journal.errors).write(results);
    store.put(BackupLayout.ROOT.restoreResults(name), results.toByteArray());
    store.put(BackupLayout.ROOT.restoreLogs(name), journal.log.finish());
  }

  private RestoreStatus failValidation(RestoreStatus status, String message) {
    status.setPhase(RestorePhase.FAILED_VALIDATION);
    status.setValidationErrors(List.of(message));
    status.setCompletionTimestamp(now());
    return status;
  }

  private RestoreStatus fail(RestoreStatus status, String reason) {
    status.setPhase(RestorePhase.FAILED);
    status.setFailureReason(reason);
    status.setCompletionTimestamp(now());
    return status;
  }

  static String reason(KubernetesClientException e) {
    String statusMessage = e.getStatus() == null ? null : e.getStatus().getMessage();
    if (e.getCode() == 404 && (statusMessage == null || statusMessage.equals("Not Found")
        || statusMessage.contains("404 page not found"))) {
      // The API server does not serve the resource at all (kind or CRD missing): say it as
      // Kubernetes clients (and Velero's restore logs) do.
      return "the server could not find the requested resource";
    }
    if (e.getStatus() != null && e.getStatus().getMessage() != null) {
      return e.getStatus().getMessage();
    }
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  private String now() {
    return Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
  }

  private static void deleteTree(Path dir) {
    if (dir == null) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

}
