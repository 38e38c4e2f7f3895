package dev.ferry.backup.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.api.velero.backup.Backup;
import dev.ferry.api.velero.backup.BackupPhase;
import dev.ferry.api.velero.backup.BackupProgress;
import dev.ferry.api.velero.backup.BackupStatus;
import dev.ferry.backup.OperationLog;
import dev.ferry.backup.discovery.ApiDiscovery;
import dev.ferry.backup.discovery.ApiResource;
import dev.ferry.backup.format.BackupLayout;
import dev.ferry.backup.format.BackupTarballWriter;
import dev.ferry.backup.format.BackupVolumeInfoFile;
import dev.ferry.backup.format.VeleroBackupMetadata;
import dev.ferry.backup.model.ItemKey;
import dev.ferry.backup.model.Results;
import dev.ferry.backup.model.ResultsFile;
import dev.ferry.objectstore.ObjectStore;
import dev.ferry.objectstore.ObjectStoreException;
import dev.ferry.objectstore.ObjectStores;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Takes a backup of a source cluster into the replication repository, in Velero's layout.
 * Items stream from paged list calls straight into a tarball on disk, so a namespace of any
 * size never sits in memory. A failed item is recorded under its namespace and the backup goes
 * on (PartiallyFailed); only an unusable repository or cluster fails the whole backup.
 */
public final class Backupper {
  private static final String SOURCE = "dev/ferry/backup/backup/Backupper.java";
  private static final ObjectMapper JSON = new ObjectMapper();
  static final long PAGE_SIZE = 500;

  private final KubernetesClient client;
  private final ObjectStore store;
  private final Clock clock;

  public Backupper(KubernetesClient client, ObjectStore store, Clock clock) {
    this.client = client;
    this.store = store;
    this.clock = clock;
  }

  /**
   * Runs {@code backup} to completion and returns its final status (also written into the
   * uploaded velero-backup.json). {@code progress} sees the status as it advances.
   */
  public BackupStatus run(Backup backup, Consumer<BackupStatus> progress) {
    String name = backup.getMetadata().getName();
    BackupStatus status = backup.getStatus() != null ? backup.getStatus() : new BackupStatus();
    status.setPhase(BackupPhase.IN_PROGRESS);
    status.setVersion(1);
    status.setFormatVersion("1.1.0");
    status.setStartTimestamp(now());
    status.setExpiration(Instant.now(clock).plus(ttl(backup)).truncatedTo(ChronoUnit.SECONDS).toString());
    status.setProgress(new BackupProgress());
    progress.accept(status);

    List<String> validation = validate(backup);
    if (!validation.isEmpty()) {
      status.setPhase(BackupPhase.FAILED_VALIDATION);
      status.setValidationErrors(validation);
      status.setCompletionTimestamp(now());
      return status;
    }

    try {
      // Fail before any work when the repository is unusable, with its own reason.
      ObjectStores.probe(store);
    } catch (ObjectStoreException e) {
      return fail(status, "the backup storage location is unavailable: " + e.getMessage());
    }
    Results warnings = new Results();
    Results errors = new Results();
    Path tarball = null;
    try (OperationLog log = new OperationLog("backup", backup.getMetadata().getNamespace(), name, clock)) {
      tarball = Files.createTempFile("ferry-backup-", ".tar.gz");
      int items;
      BackupTarballWriter writer;
      try (OutputStream out = Files.newOutputStream(tarball)) {
        writer = new BackupTarballWriter(out);
        items = collect(backup, writer, log, errors, status, progress);
        writer.close();
      }
      log.info(SOURCE, "Backed up a total of " + items + " items");
      upload(name, tarball, writer, warnings, errors, log);
      status.setErrors(errors.count());
      status.setWarnings(warnings.count());
      status.setPhase(errors.isEmpty() ? BackupPhase.COMPLETED : BackupPhase.PARTIALLY_FAILED);
      status.setCompletionTimestamp(now());
      status.getProgress().setTotalItems(items);
      status.getProgress().setItemsBackedUp(items);
      // velero-backup.json goes last: its presence marks a complete backup in the repository.
      backup.setStatus(status);
      VeleroBackupMetadata.apply(backup, backup.getSpec().getStorageLocation(), kubernetesVersion());
      store.put(BackupLayout.ROOT.backupMetadata(name), Serialization.asJson(backup).getBytes(StandardCharsets.UTF_8));
      return status;
    } catch (IOException e) {
      return fail(status, "cannot write the backup tarball: " + e.getMessage());
    } catch (RuntimeException e) {
      return fail(status, e.getMessage());
    } finally {
      if (tarball != null) {
        try {
          Files.deleteIfExists(tarball);
        } catch (IOException ignored) {
          // a temp file; the OS cleans it up
        }
      }
    }
  }

  private int collect(Backup backup, BackupTarballWriter writer, OperationLog log, Results errors,
                      BackupStatus status, Consumer<BackupStatus> progress) {
    var spec = backup.getSpec();
    ApiDiscovery discovery = ApiDiscovery.of(client);
    ResourceSelector selector = new ResourceSelector(spec.getIncludedResources(), spec.getExcludedResources());
    Set<String> crdNames = new HashSet<>();
    try {
      client.apiextensions().v1().customResourceDefinitions().list().getItems()
          .forEach(crd -> crdNames.add(crd.getMetadata().getName()));
    } catch (KubernetesClientException e) {
      if (e.getCode() != 403) {
        throw e;
      }
      // A namespace owner backing up as themselves may not read CRDs: their custom resources are
      // still backed up, only the CRDs (cluster-scoped dependencies) are not.
      log.warn(SOURCE, "Cannot list CustomResourceDefinitions (" + reason(e) + "); CRDs are not backed up");
    }
    ClusterDependencies dependencies = new ClusterDependencies();
    LabelSelector labelSelector = spec.getLabelSelector();
    int count = 0;
    long estimate = ItemEstimate.count(client, discovery.namespaced().stream().filter(selector::selects).toList(),
        spec.getIncludedNamespaces(), labelSelector == null ? null : selectorString(labelSelector));
    status.getProgress().setTotalItems((int) Math.min(Integer.MAX_VALUE, estimate));
    progress.accept(status);
    for (String namespace : spec.getIncludedNamespaces()) {
      log.info(SOURCE, "Backing up namespace " + namespace);
      for (ApiResource resource : discovery.namespaced()) {
        if (!selector.selects(resource)) {
          continue;
        }
        int before = count;
        count += collectResource(resource, namespace, labelSelector, writer, dependencies, log, errors);
        if (count > before && crdNames.contains(resource.resource() + "." + resource.group())) {
          dependencies.noteCustomResource(resource.groupResource());
        }
        status.getProgress().setItemsBackedUp(count);
        // Objects created since the estimate: the total is never below what is done.
        status.getProgress().setTotalItems(Math.max(count, status.getProgress().getTotalItems()));
        progress.accept(status);
      }
    }
    if (!Boolean.FALSE.equals(spec.getIncludeClusterResources())) {
      count += new ClusterScopedCollector(client, discovery, selector, log, errors)
          .collect(spec.getIncludedNamespaces(), dependencies, Boolean.TRUE.equals(spec.getIncludeClusterResources()),
              writer);
    }
    return count;
  }

  private int collectResource(ApiResource resource, String namespace, LabelSelector labelSelector,
                              BackupTarballWriter writer, ClusterDependencies dependencies, OperationLog log,
                              Results errors) {
    int count = 0;
    String continueToken = null;
    do {
      GenericKubernetesResourceList page;
      try {
        var op = client.genericKubernetesResources(resource.context()).inNamespace(namespace);
        var options = new ListOptionsBuilder().withLimit(PAGE_SIZE).withContinue(continueToken);
        if (labelSelector != null) {
          options.withLabelSelector(selectorString(labelSelector));
        }
        page = op.list(options.build());
      } catch (KubernetesClientException e) {
        errors.addNamespace(namespace, "error listing " + resource.groupResource().qualified() + ": " + reason(e));
        log.error(SOURCE, "Error listing " + resource.groupResource().qualified() + " in namespace " + namespace
            + ": " + reason(e));
        return count;
      }
      for (GenericKubernetesResource item : page.getItems()) {
        JsonNode json = JSON.valueToTree(item);
        ensureTypeMeta(json, resource);
        dependencies.note(resource.groupResource(), json);
        try {
          writer.add(new ItemKey(resource.groupResource(), resource.version(), namespace, item.getMetadata().getName()),
              bytes(json));
        } catch (IOException e) {
          throw new UncheckedIOException("cannot write the backup tarball", e);
        }
        count++;
      }
      continueToken = page.getMetadata() != null ? page.getMetadata().getContinue() : null;
    } while (continueToken != null && !continueToken.isEmpty());
    if (count > 0) {
      log.info(SOURCE, "Backed up " + count + " items of resource " + resource.groupResource().qualified()
          + " in namespace " + namespace);
    }
    return count;
  }

  /** List items come without apiVersion/kind; a backed-up object must carry them. */
  static void ensureTypeMeta(JsonNode json, ApiResource resource) {
    var object = (com.fasterxml.jackson.databind.node.ObjectNode) json;
    object.put("apiVersion", resource.apiVersion());
    object.put("kind", resource.kind());
  }

  static String selectorString(LabelSelector selector) {
    List<String> terms = new ArrayList<>();
    if (selector.getMatchLabels() != null) {
      selector.getMatchLabels().forEach((k, v) -> terms.add(k + "=" + v));
    }
    if (selector.getMatchExpressions() != null) {
      selector.getMatchExpressions().forEach(e -> {
        String values = String.join(",", e.getValues() == null ? List.of() : e.getValues());
        switch (e.getOperator()) {
          case "In" -> terms.add(e.getKey() + " in (" + values + ")");
          case "NotIn" -> terms.add(e.getKey() + " notin (" + values + ")");
          case "Exists" -> terms.add(e.getKey());
          case "DoesNotExist" -> terms.add("!" + e.getKey());
          default -> throw new IllegalArgumentException("unknown label selector operator " + e.getOperator());
        }
      });
    }
    return terms.isEmpty() ? null : String.join(",", terms);
  }

  private void upload(String name, Path tarball, BackupTarballWriter writer, Results warnings, Results errors,
                      OperationLog log) throws IOException {
    store.put(BackupLayout.ROOT.backupTarball(name), tarball);
    ByteArrayOutputStream list = new ByteArrayOutputStream();
    writer.resourceList().write(list);
    store.put(BackupLayout.ROOT.backupResourceList(name), list.toByteArray());
    ByteArrayOutputStream results = new ByteArrayOutputStream();
    new ResultsFile(warnings, errors).write(results);
    store.put(BackupLayout.ROOT.backupResults(name), results.toByteArray());
    store.put(BackupLayout.ROOT.backupVolumeInfo(name), BackupVolumeInfoFile.toGzip(volumesIn(writer, log)));
    store.put(BackupLayout.ROOT.backupLogs(name), log.finish());
    // Velero's describe and restore read these lists; Ferry's resource backup has none of their items.
    for (String key : List.of(BackupLayout.ROOT.backupPodVolumeBackups(name),
        BackupLayout.ROOT.backupVolumeSnapshots(name), BackupLayout.ROOT.backupItemOperations(name))) {
      store.put(key, VeleroBackupMetadata.emptyList());
    }
  }

  /** The PersistentVolumes the backup holds, read again from the cluster for the volume info file. */
  private List<io.fabric8.kubernetes.api.model.PersistentVolume> volumesIn(BackupTarballWriter writer,
                                                                          OperationLog log) {
    List<io.fabric8.kubernetes.api.model.PersistentVolume> volumes = new ArrayList<>();
    for (String pv : writer.resourceList().entries().getOrDefault("v1/PersistentVolume", List.of())) {
      try {
        var volume = client.persistentVolumes().withName(pv).get();
        if (volume != null) {
          volumes.add(volume);
        }
      } catch (KubernetesClientException e) {
        log.warn(SOURCE, "Cannot read PersistentVolume " + pv + " for the volume info: " + reason(e));
      }
    }
    return volumes;
  }

  private io.fabric8.kubernetes.client.VersionInfo kubernetesVersion() {
    try {
      return client.getKubernetesVersion();
    } catch (RuntimeException e) {
      return null; // the annotations are informative; a backup does not fail for want of them
    }
  }

  private List<String> validate(Backup backup) {
    List<String> problems = new ArrayList<>();
    var spec = backup.getSpec();
    if (spec == null || spec.getIncludedNamespaces() == null || spec.getIncludedNamespaces().isEmpty()
        || spec.getIncludedNamespaces().contains("*")) {
      problems.add("spec.includedNamespaces must name the namespaces to back up (Ferry backs up applications, "
          + "not whole clusters)");
      return problems;
    }
    for (String namespace : spec.getIncludedNamespaces()) {
      try {
        if (client.namespaces().withName(namespace).get() == null) {
          problems.add("namespace " + namespace + " does not exist on the source cluster; fix includedNamespaces");
        }
      } catch (KubernetesClientException e) {
        problems.add("cannot read namespace " + namespace + ": " + reason(e));
      }
    }
    return problems;
  }

  private BackupStatus fail(BackupStatus status, String reason) {
    status.setPhase(BackupPhase.FAILED);
    status.setFailureReason(reason);
    status.setCompletionTimestamp(now());
    return status;
  }

  private static Duration ttl(Backup backup) {
    String ttl = backup.getSpec() == null ? null : backup.getSpec().getTtl();
    return ttl == null || ttl.isBlank() ? Duration.ofDays(30) : GoDuration.parse(ttl);
  }

  private String now() {
    return Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
  }

  static String reason(KubernetesClientException e) {
    if (e.getStatus() != null && e.getStatus().getMessage() != null) {
      return e.getStatus().getMessage();
    }
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  private static byte[] bytes(JsonNode json) {
    try {
      return JSON.writeValueAsBytes(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
