package dev.ferry.backup.backup;

import dev.ferry.api.velero.backup.Backup;
import dev.ferry.api.velero.backup.BackupPhase;
import dev.ferry.api.velero.backup.BackupProgress;
import dev.ferry.api.velero.backup.BackupStatus;
import dev.ferry.backup.ClientErrors;
import dev.ferry.backup.OperationLog;
import dev.ferry.backup.discovery.ApiDiscovery;
import dev.ferry.backup.format.BackupTarballWriter;
import dev.ferry.backup.model.Results;
import dev.ferry.objectstore.ObjectStore;
import dev.ferry.objectstore.ObjectStoreException;
import dev.ferry.objectstore.ObjectStores;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Takes a backup of a source cluster into the replication repository, in Velero's layout.
 * Items stream from paged list calls straight into a tarball on disk, so a namespace of any
 * size never sits in memory. A failed item is recorded under its namespace and the backup goes
 * on (PartiallyFailed); only an unusable repository or cluster fails the whole backup. This class
 * is the run and its status; {@link NamespacedCollector} and {@link ClusterScopedCollector} collect
 * the items, {@link BackupFiles} writes them to the repository.
 */
public final class Backupper {
  private static final String SOURCE = "dev/ferry/backup/backup/Backupper.java";

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
      BackupFiles files = new BackupFiles(client, store);
      files.upload(name, tarball, writer, warnings, errors, log);
      status.setErrors(errors.count());
      status.setWarnings(warnings.count());
      status.setPhase(errors.isEmpty() ? BackupPhase.COMPLETED : BackupPhase.PARTIALLY_FAILED);
      status.setCompletionTimestamp(now());
      status.getProgress().setTotalItems(items);
      status.getProgress().setItemsBackedUp(items);
      // velero-backup.json goes last: its presence marks a complete backup in the repository.
      backup.setStatus(status);
      files.publish(backup);
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
    ClusterDependencies dependencies = new ClusterDependencies();
    var labelSelector = spec.getLabelSelector();
    long estimate = ItemEstimate.count(client, discovery.namespaced().stream().filter(selector::selects).toList(),
        spec.getIncludedNamespaces(), labelSelector == null ? null : NamespacedCollector.selectorString(labelSelector));
    status.getProgress().setTotalItems((int) Math.min(Integer.MAX_VALUE, estimate));
    progress.accept(status);
    int count = new NamespacedCollector(client, discovery, selector, log, errors)
        .collect(spec.getIncludedNamespaces(), labelSelector, writer, dependencies, items -> {
          status.getProgress().setItemsBackedUp(items);
          // Objects created since the estimate: the total is never below what is done.
          status.getProgress().setTotalItems(Math.max(items, status.getProgress().getTotalItems()));
          progress.accept(status);
        });
    if (!Boolean.FALSE.equals(spec.getIncludeClusterResources())) {
      count += new ClusterScopedCollector(client, discovery, selector, log, errors)
          .collect(spec.getIncludedNamespaces(), dependencies, Boolean.TRUE.equals(spec.getIncludeClusterResources()),
              writer);
    }
    return count;
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
        problems.add("cannot read namespace " + namespace + ": " + ClientErrors.reason(e));
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
}
