package dev.ferry.backup.restore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.api.velero.ExistingResourcePolicy;
import dev.ferry.api.velero.Restore;
import dev.ferry.api.velero.RestorePhase;
import dev.ferry.api.velero.RestoreProgress;
import dev.ferry.api.velero.RestoreSpec;
import dev.ferry.api.velero.RestoreStatus;
import dev.ferry.backup.OperationLog;
import dev.ferry.backup.discovery.ApiDiscovery;
import dev.ferry.backup.discovery.ApiResource;
import dev.ferry.backup.format.BackupFormatException;
import dev.ferry.backup.format.BackupLayout;
import dev.ferry.backup.format.BackupTarballReader;
import dev.ferry.backup.format.ExtractedBackup;
import dev.ferry.backup.model.GroupResource;
import dev.ferry.backup.model.ItemKey;
import dev.ferry.backup.model.Results;
import dev.ferry.backup.model.ResultsFile;
import dev.ferry.backup.restore.transform.TransformContext;
import dev.ferry.backup.restore.transform.TransformPipeline;
import dev.ferry.objectstore.ObjectNotFoundException;
import dev.ferry.objectstore.ObjectStore;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.utils.Serialization;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Restores a Velero-format backup from the replication repository into a destination cluster:
 * in priority order, through the transform pipeline, with namespace mapping. A failed item is
 * an error under its namespace and the restore goes on (PartiallyFailed); objects that already
 * exist are skipped when equal, warned about (or updated, if asked) when different.
 */
public final class Restorer {
  private static final String SOURCE = "dev/ferry/backup/restore/Restorer.java";
  private static final ObjectMapper JSON = new ObjectMapper();
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

    Results warnings = new Results();
    Results errors = new Results();
    Path work = null;
    try (OperationLog log = new OperationLog("restore", restore.getMetadata().getNamespace(), name, clock)) {
      work = Files.createTempDirectory("ferry-restore-");
      ExtractedBackup backup;
      try (InputStream in = store.get(BackupLayout.ROOT.backupTarball(spec.getBackupName()))) {
        backup = new BackupTarballReader().extract(in, work.resolve("content"));
      }
      int total = 0;
      for (GroupResource gr : backup.groupResources()) {
        total += backup.items(gr).size();
      }
      status.getProgress().setTotalItems(total);
      RestoreRun run = new RestoreRun(restore, backup, log, warnings, errors, status, progress);
      try {
        run.restoreAll();
      } finally {
        run.close();
      }
      store.put(BackupLayout.ROOT.restoreResourceList(name), run.resourceList.toGzip());
      status.setWarnings(warnings.count());
      status.setErrors(errors.count());
      status.setPhase(errors.isEmpty() ? RestorePhase.COMPLETED : RestorePhase.PARTIALLY_FAILED);
      status.setCompletionTimestamp(now());
      upload(name, warnings, errors, log);
      return status;
    } catch (ObjectNotFoundException e) {
      return fail(status, e.getMessage());
    } catch (BackupFormatException e) {
      return fail(status, "backup " + spec.getBackupName() + " cannot be read: " + e.getMessage());
    } catch (IOException e) {
      return fail(status, "restore " + name + " failed: " + e.getMessage());
    } catch (RuntimeException e) {
      return fail(status, e.getMessage() == null ? e.toString() : e.getMessage());
    } finally {
      deleteTree(work);
    }
  }

  /** The state of one run: destination discovery, what exists, counters. */
  private final class RestoreRun {
    private final Restore restore;
    private final ExtractedBackup backup;
    private final OperationLog log;
    private final Results warnings;
    private final Results errors;
    private final RestoreStatus status;
    private final Consumer<RestoreStatus> progress;
    private final TransformPipeline pipeline = pipeline();
    private final TransformContext context;
    private final Set<String> knownNamespaces = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.atomic.AtomicInteger restored = new java.util.concurrent.atomic.AtomicInteger();
    private java.util.concurrent.ExecutorService workers;
    /** What happened to each item, as Velero records it: {@code ns/name(created|updated|skipped|failed)}. */
    private final dev.ferry.backup.format.ResourceListFile resourceList = new dev.ferry.backup.format.ResourceListFile();
    private volatile ApiDiscovery discovery;

    RestoreRun(Restore restore, ExtractedBackup backup, OperationLog log, Results warnings, Results errors,
               RestoreStatus status, Consumer<RestoreStatus> progress) {
      this.restore = restore;
      this.backup = backup;
      this.log = log;
      this.warnings = warnings;
      this.errors = errors;
      this.status = status;
      this.progress = progress;
      RestoreSpec spec = restore.getSpec();
      this.context = new TransformContext(
          spec.getNamespaceMapping() == null ? Map.of() : spec.getNamespaceMapping(),
          options.sourceRegistry(), options.destinationRegistry(),
          false,
          restoreStatusFor(spec),
          Boolean.TRUE.equals(spec.getPreserveNodePorts()));
    }

    void restoreAll() {
      discovery = ApiDiscovery.of(client);
      RestoreSpec spec = restore.getSpec();
      var selector = new dev.ferry.backup.backup.ResourceSelector(spec.getIncludedResources(),
          spec.getExcludedResources());
      for (GroupResource gr : dev.ferry.backup.restore.RestoreOrder.sort(backup.groupResources())) {
        if (gr.equals(PVS) && Boolean.FALSE.equals(spec.getRestorePVs())) {
          log.info(SOURCE, "Skipping persistentvolumes: restorePVs is false");
          continue;
        }
        var resource = discovery.find(gr);
        if (resource.isPresent() && !selector.selects(resource.get()) && !gr.equals(NAMESPACES)) {
          continue;
        }
        List<java.util.concurrent.Callable<Boolean>> tasks = new ArrayList<>();
        for (var item : backup.items(gr)) {
          if (namespaceIncluded(item.namespace())) {
            ItemKey key = new ItemKey(gr, item.version(), item.namespace(), item.name());
            tasks.add(() -> restoreItem(key, backup.read(item)));
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
    private boolean runAll(GroupResource gr, List<java.util.concurrent.Callable<Boolean>> tasks) {
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
      } catch (java.util.concurrent.ExecutionException e) {
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

    private java.util.concurrent.ExecutorService workers() {
      if (workers == null) {
        workers = java.util.concurrent.Executors.newFixedThreadPool(PARALLEL_CREATES, r -> {
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

    /** Returns true if the object was created or updated. */
    private boolean restoreItem(ItemKey key, ObjectNode original) {
      var outcome = pipeline.apply(key, original, context);
      if (outcome.dropReason() != null) {
        log.info(SOURCE, "Skipping " + id(key, key.namespace()) + ": " + outcome.dropReason());
        return false;
      }
      ObjectNode object = outcome.result();
      String namespace = object.path("metadata").path("namespace").asText(null);
      String apiVersion = object.path("apiVersion").asText();
      String kind = object.path("kind").asText();
      String id = id(key, namespace);
      addLabels(object);
      try {
        if (namespace != null) {
          ensureNamespace(namespace);
        }
        GenericKubernetesResource resource = JSON.treeToValue(object, GenericKubernetesResource.class);
        var all = client.genericKubernetesResources(new ResourceDefinitionContext.Builder()
            .withGroup(key.groupResource().group())
            .withVersion(apiVersion.contains("/") ? apiVersion.substring(apiVersion.indexOf('/') + 1) : apiVersion)
            .withPlural(key.groupResource().resource()).withKind(kind).withNamespaced(namespace != null).build());
        var op = namespace != null ? all.inNamespace(namespace) : all;
        try {
          op.resource(resource).create();
          record(apiVersion, kind, namespace, resource, "created");
          log.info(SOURCE, "Restored " + id);
          if (key.groupResource().equals(NAMESPACES)) {
            knownNamespaces.add(object.path("metadata").path("name").asText());
          }
          return true;
        } catch (KubernetesClientException e) {
          if (e.getCode() != 409) {
            throw e;
          }
        }
        GenericKubernetesResource existing = op.withName(resource.getMetadata().getName()).get();
        JsonNode existingJson = JSON.valueToTree(existing);
        if (ExistingObjects.sameAsDesired(object, existingJson)) {
          record(apiVersion, kind, namespace, resource, "skipped");
          log.info(SOURCE, id + " already exists and is unchanged; skipping");
          return false;
        }
        if (restore.getSpec().getExistingResourcePolicy() == ExistingResourcePolicy.UPDATE) {
          resource.getMetadata().setResourceVersion(existing.getMetadata().getResourceVersion());
          op.resource(resource).update();
          record(apiVersion, kind, namespace, resource, "updated");
          log.info(SOURCE, "Updated " + id + " to the backed-up version");
          return true;
        }
        record(apiVersion, kind, namespace, resource, "skipped");
        String message = "could not restore, " + kind + " \"" + resource.getMetadata().getName()
            + "\" already exists. Warning: the in-cluster version is different than the backed-up version.";
        warn(namespace, message);
        return false;
      } catch (KubernetesClientException e) {
        resourceList.add(apiVersion, kind, namespace, object.path("metadata").path("name").asText() + "(failed)");
        error(namespace, "error restoring " + id + ": " + reason(e));
        return false;
      } catch (IOException e) {
        error(namespace, "error restoring " + id + ": " + e.getMessage());
        return false;
      }
    }

    private void record(String apiVersion, String kind, String namespace, GenericKubernetesResource resource,
                        String outcome) {
      resourceList.add(apiVersion, kind, namespace, resource.getMetadata().getName() + "(" + outcome + ")");
    }

    private void ensureNamespace(String namespace) {
      if (knownNamespaces.contains(namespace)) {
        return;
      }
      if (client.namespaces().withName(namespace).get() == null) {
        // The backup did not carry the namespace object (e.g. a label-selected backup): create it bare.
        try {
          client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace)
              .addToLabels(labels()).endMetadata().build()).create();
          log.info(SOURCE, "Created namespace " + namespace);
        } catch (KubernetesClientException e) {
          if (e.getCode() != 409) { // another worker created it first
            throw e;
          }
        }
      }
      knownNamespaces.add(namespace);
    }

    private void addLabels(ObjectNode object) {
      ObjectNode metadata = object.with("metadata");
      ObjectNode labels = metadata.with("labels");
      labels().forEach(labels::put);
    }

    private Map<String, String> labels() {
      Map<String, String> labels = new java.util.LinkedHashMap<>();
      labels.put("velero.io/backup-name", restore.getSpec().getBackupName());
      labels.put("velero.io/restore-name", restore.getMetadata().getName());
      labels.putAll(options.extraLabels());
      return labels;
    }

    private void awaitCrdsEstablished() {
      for (var crd : client.apiextensions().v1().customResourceDefinitions().list().getItems()) {
        client.apiextensions().v1().customResourceDefinitions().withName(crd.getMetadata().getName())
            .waitUntilCondition(c -> c == null || c.getStatus() != null && c.getStatus().getConditions() != null
                && c.getStatus().getConditions().stream()
                    .anyMatch(x -> "Established".equals(x.getType()) && "True".equals(x.getStatus())),
                60, TimeUnit.SECONDS);
      }
    }

    private void warn(String namespace, String message) {
      if (namespace == null) {
        warnings.addCluster(message);
      } else {
        warnings.addNamespace(namespace, message);
      }
      log.warn(SOURCE, message);
    }

    private void error(String namespace, String message) {
      if (namespace == null) {
        errors.addCluster(message);
      } else {
        errors.addNamespace(namespace, message);
      }
      log.error(SOURCE, message);
    }
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

  /** Velero's item id: {@code <resource.group>/<namespace>/<name>} or {@code <resource.group>/<name>}. */
  static String id(ItemKey key, String namespace) {
    String name = key.name();
    return key.groupResource().qualified() + "/" + (namespace == null ? "" : namespace + "/") + name;
  }

  private void upload(String name, Results warnings, Results errors, OperationLog log) throws IOException {
    ByteArrayOutputStream results = new ByteArrayOutputStream();
    new ResultsFile(warnings, errors).write(results);
    store.put(BackupLayout.ROOT.restoreResults(name), results.toByteArray());
    store.put(BackupLayout.ROOT.restoreLogs(name), log.finish());
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
