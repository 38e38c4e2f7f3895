package dev.ferry.backup.restore;

import dev.ferry.api.velero.restore.Restore;
import dev.ferry.api.velero.restore.RestorePhase;
import dev.ferry.api.velero.restore.RestoreProgress;
import dev.ferry.api.velero.restore.RestoreSpec;
import dev.ferry.api.velero.restore.RestoreStatus;
import dev.ferry.backup.ClientErrors;
import dev.ferry.backup.OperationLog;
import dev.ferry.backup.discovery.ApiDiscovery;
import dev.ferry.backup.format.BackupFormatException;
import dev.ferry.backup.format.BackupLayout;
import dev.ferry.backup.format.BackupLimits;
import dev.ferry.backup.format.BackupTarballReader;
import dev.ferry.backup.format.ExtractedBackup;
import dev.ferry.backup.model.ResultsFile;
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
import java.util.List;
import java.util.function.Consumer;

/**
 * Restores a Velero-format backup from the replication repository into a destination cluster:
 * in priority order, through the transform pipeline, with namespace mapping. The backup is
 * untrusted input: it is extracted within {@link BackupLimits}, every item is decoded in a
 * {@link Preflight} pass before the first create (so a restore that ends {@code Failed} has
 * created nothing), and each item's entry path — not its content — decides where it goes
 * ({@link EntryAgreement}). This class fetches, checks and reports; {@link RestoreRun} is the run over
 * the resources and {@link ItemRestorer} restores one item. A failed item is an error under its
 * namespace and the restore goes on (PartiallyFailed).
 */
public final class Restorer {
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
      try (RestoreRun run = new RestoreRun(client, options, restore, backup, journal)) {
        run.restoreAll(discovery, restored -> {
          status.getProgress().setItemsRestored(restored);
          progress.accept(status);
        });
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
    return ClientErrors.reason(e);
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
