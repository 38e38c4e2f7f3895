package dev.ferry.bench;

import static dev.ferry.bench.BenchSupport.mib;
import static dev.ferry.bench.BenchSupport.say;
import static dev.ferry.bench.BenchSupport.size;
import static dev.ferry.bench.ResourcesBenchmark.FERRY_NS;
import static dev.ferry.bench.ResourcesSeeder.SOURCE_NS;
import static dev.ferry.bench.ResourcesSeeder.count;

import dev.ferry.api.velero.backup.Backup;
import dev.ferry.api.velero.backup.BackupSpec;
import dev.ferry.api.velero.backup.BackupStatus;
import dev.ferry.api.velero.restore.Restore;
import dev.ferry.api.velero.restore.RestoreSpec;
import dev.ferry.api.velero.restore.RestoreStatus;
import dev.ferry.backup.backup.Backupper;
import dev.ferry.backup.restore.RestoreOptions;
import dev.ferry.backup.restore.Restorer;
import dev.ferry.objectstore.FilesystemObjectStore;
import dev.ferry.testbed.LocalCluster;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.okhttp.OkHttpClientFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Ferry's side of the resources benchmark: {@link Backupper} then {@link Restorer}, measured with the heap they used. */
final class FerryResourcesRun {
  private final PhaseMeter meters;
  private final ResourcesReport report;
  private final Map<String, Integer> expected;

  FerryResourcesRun(PhaseMeter meters, ResourcesReport report, Map<String, Integer> expected) {
    this.meters = meters;
    this.report = report;
    this.expected = expected;
  }

  /** Backs up the source namespace and restores it mapped; false if either did not complete or the counts differ. */
  boolean run(LocalCluster source, LocalCluster destination, Path work) throws IOException {
    boolean ok = true;
    Path repository = Files.createDirectories(work.resolve("repository"));
    try (FilesystemObjectStore store = new FilesystemObjectStore(repository);
        KubernetesClient sourceClient = asController(source);
        KubernetesClient destinationClient = asController(destination)) {
      Backup backup = new Backup();
      backup.setMetadata(new ObjectMetaBuilder().withName("bench").withNamespace("openshift-migration").build());
      BackupSpec backupSpec = new BackupSpec();
      backupSpec.setIncludedNamespaces(List.of(SOURCE_NS));
      backup.setSpec(backupSpec);

      say("Ferry backup of " + SOURCE_NS + " ...");
      HeapMonitor heap = HeapMonitor.start();
      PhaseMeter.Meter meter = meters.start(source);
      BackupStatus b = new Backupper(sourceClient, store, Clock.systemUTC()).run(backup, s -> { });
      PhaseMeter.Measured m = meter.stop(0);
      HeapMonitor.Peak peak = heap.stop();
      String outcome = b.getPhase() + (b.getErrors() != null && b.getErrors() > 0 ? ", " + b.getErrors() + " errors" : "")
          + (b.getFailureReason() != null ? ": " + b.getFailureReason() : "");
      report.ferryBackup = report.add("Ferry backup (Backupper → filesystem repository)",
          String.valueOf(b.getProgress().getItemsBackedUp()), m, peak, outcome + "; repository " + mib(size(repository)));
      say(String.format(Locale.ROOT, "  %s in %.1f s (%s items)", outcome, m.seconds(), report.ferryBackup.items()));
      if (!"Completed".equals(String.valueOf(b.getPhase()))) {
        ok = false;
      }

      Restore restore = new Restore();
      restore.setMetadata(new ObjectMetaBuilder().withName("bench-restore").withNamespace("openshift-migration")
          .build());
      RestoreSpec restoreSpec = new RestoreSpec();
      restoreSpec.setBackupName("bench");
      restoreSpec.setNamespaceMapping(Map.of(SOURCE_NS, FERRY_NS));
      restore.setSpec(restoreSpec);

      say("Ferry restore into " + FERRY_NS + " ...");
      heap = HeapMonitor.start();
      meter = meters.start(destination);
      RestoreStatus r = new Restorer(destinationClient, store, Clock.systemUTC(), RestoreOptions.none())
          .run(restore, s -> { });
      m = meter.stop(0);
      peak = heap.stop();
      outcome = r.getPhase() + (r.getErrors() != null && r.getErrors() > 0 ? ", " + r.getErrors() + " errors" : "")
          + (r.getWarnings() != null && r.getWarnings() > 0 ? ", " + r.getWarnings() + " warnings" : "")
          + (r.getFailureReason() != null ? ": " + r.getFailureReason() : "");
      Map<String, Integer> counted = count(destination.client(), FERRY_NS);
      boolean match = counted.equals(expected);
      report.ferryRestore = report.add("Ferry restore (Restorer, namespace mapped)",
          String.valueOf(r.getProgress().getItemsRestored()), m, peak,
          outcome + "; destination " + counted + (match ? " = source" : " != source " + expected));
      say(String.format(Locale.ROOT, "  %s in %.1f s; destination %s", outcome, m.seconds(), counted));
      if (!match) {
        ok = false;
      }
    }
    return ok;
  }

  /**
   * A client as the controller has one: same cluster, on the controller's HTTP client (OkHttp,
   * {@code ControllerHttpClients} in ferry-controller, which this module does not depend on).
   */
  private static KubernetesClient asController(LocalCluster cluster) {
    return new KubernetesClientBuilder().withConfig(cluster.client().getConfiguration())
        .withHttpClientFactory(new OkHttpClientFactory()).build();
  }
}
