package dev.ferry.controller.logging.reader;

import dev.ferry.api.migration.cluster.MigCluster;
import dev.ferry.api.velero.backup.Backup;
import dev.ferry.api.velero.restore.Restore;
import dev.ferry.backup.format.BackupLayout;
import dev.ferry.controller.cluster.ClusterClients;
import dev.ferry.controller.velero.BackupStorageLocations;
import dev.ferry.objectstore.ObjectNotFoundException;
import dev.ferry.objectstore.ObjectStore;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * Reads every log of a {@link MigrationTarget}: the controller's (from its pod, label
 * {@code app=migration-controller} in the migration namespace; else from the local log file of
 * {@code controller.log} and its rolled copies in a log directory, as {@code ferry controller} writes them), the mover and hook pods of the migrations on every cluster of their
 * plans, and the operation logs of the migrations' Backups and Restores in the replication
 * repository. A source that cannot be read becomes one line saying so; the rest is still read.
 */
public final class LogCollector {
  public static final String CONTROLLER_LABEL = "app";
  public static final String CONTROLLER_APP = "migration-controller";
  /** The controller's log file in a log directory, when it runs outside the cluster. */
  public static final String CONTROLLER_LOG = "controller.log";
  /** Labels whose value is the uid of the MigMigration a pod, Backup or Restore works for. */
  public static final List<String> MIGRATION_LABELS = List.of("migmigration",
      "migration.openshift.io/migrated-by-migmigration", "migration.openshift.io/migmigration");

  private final KubernetesClient host;
  private final ClusterClients clusters;
  private final MigrationTarget target;
  private final Path logDir;
  private final boolean filtered;

  /**
   * @param logDir   where a controller outside the cluster writes {@code controller.log}; null: none
   * @param filtered keep only controller lines about the target's migrations (a name was given)
   */
  public LogCollector(KubernetesClient host, MigrationTarget target, Path logDir, boolean filtered) {
    this.host = host;
    this.clusters = new ClusterClients(host);
    this.target = target;
    this.logDir = logDir;
    this.filtered = filtered;
  }

  /** Every line since {@code since}, merged in time order. */
  public List<LogLine> collect(Instant since) {
    List<LogLine> lines = new ArrayList<>();
    lines.addAll(controller(since));
    lines.addAll(pods(since));
    lines.addAll(operations());
    return lines.stream().filter(l -> !l.time().isBefore(since)).sorted(LogLine.BY_TIME).toList();
  }

  /** The controller's lines, from its pods or the local log file. */
  public List<LogLine> controller(Instant since) {
    List<LogLine> lines = new ArrayList<>();
    List<Pod> pods = host.pods().inNamespace(target.namespace()).withLabel(CONTROLLER_LABEL, CONTROLLER_APP).list()
        .getItems();
    if (!pods.isEmpty()) {
      for (Pod pod : pods) {
        lines.addAll(podLog(host, pod, "controller", since));
      }
    } else {
      lines.addAll(controllerFiles());
    }
    return filtered ? lines.stream().filter(l -> l.aboutMigration(target.names(), target.uids())
        || l.text().startsWith("ferry logs:")).toList() : lines;
  }

  private List<LogLine> controllerFiles() {
    List<LogLine> lines = new ArrayList<>();
    if (logDir == null) {
      return lines; // no local controller log to read (e.g. a console without an in-process controller)
    }
    for (int i = 3; i >= 0; i--) {
      Path file = logDir.resolve(i == 0 ? CONTROLLER_LOG : "controller." + i + ".log");
      if (!Files.isRegularFile(file)) {
        continue;
      }
      try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        reader.lines().map(l -> LogLine.fromControllerJson("controller", l)).flatMap(Optional::stream)
            .forEach(lines::add);
      } catch (IOException | java.io.UncheckedIOException e) {
        lines.add(unreadable("controller", "cannot read " + file + ": " + e.getMessage()));
      }
    }
    return lines;
  }

  /** The mover and hook pods of the target's migrations, on every cluster of their plans. */
  public List<LogLine> pods(Instant since) {
    List<LogLine> lines = new ArrayList<>();
    for (Map.Entry<String, KubernetesClient> cluster : clusterClients().entrySet()) {
      for (Pod pod : migrationPods(cluster.getValue())) {
        String component = pod.getMetadata().getLabels().containsKey("migration.openshift.io/hook-phase") ? "hook"
            : "mover";
        lines.addAll(podLog(cluster.getValue(), pod, component + "/" + cluster.getKey() + "/"
            + pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName(), since));
      }
    }
    return lines;
  }

  /** The pods labelled with one of the target's migrations on {@code client}. */
  public List<Pod> migrationPods(KubernetesClient client) {
    Map<String, Pod> pods = new LinkedHashMap<>();
    for (String uid : target.uids()) {
      for (String label : MIGRATION_LABELS) {
        for (Pod pod : client.pods().inAnyNamespace().withLabel(label, uid).list().getItems()) {
          pods.putIfAbsent(pod.getMetadata().getUid(), pod);
        }
      }
    }
    return List.copyOf(pods.values());
  }

  /** The clients of the target's MigClusters by MigCluster name, one per API server. */
  public Map<String, KubernetesClient> clusterClients() {
    Map<String, KubernetesClient> byName = new LinkedHashMap<>();
    Map<String, String> seen = new LinkedHashMap<>();
    seen.put(host.getMasterUrl().toString(), "host");
    byName.put("host", host);
    for (MigCluster cluster : target.clusters()) {
      try {
        KubernetesClient client = clusters.forCluster(cluster);
        if (seen.putIfAbsent(client.getMasterUrl().toString(), cluster.getMetadata().getName()) == null) {
          byName.put(cluster.getMetadata().getName(), client);
        }
      } catch (RuntimeException e) {
        // reported where its pods would have been: the user sees which cluster was not reached
        byName.put(cluster.getMetadata().getName() + " (unreachable: " + e.getMessage() + ")", null);
      }
    }
    byName.values().removeIf(java.util.Objects::isNull);
    return byName;
  }

  private static List<LogLine> podLog(KubernetesClient client, Pod pod, String source, Instant since) {
    List<LogLine> lines = new ArrayList<>();
    List<Container> containers = pod.getSpec() == null ? List.of() : pod.getSpec().getContainers();
    for (Container container : containers) {
      String name = containers.size() > 1 ? source + "/" + container.getName() : source;
      try {
        long seconds = Math.max(1, Duration.between(since, Instant.now()).getSeconds());
        String log = client.pods().inNamespace(pod.getMetadata().getNamespace()).withName(pod.getMetadata().getName())
            .inContainer(container.getName()).usingTimestamps()
            .sinceSeconds((int) Math.min(Integer.MAX_VALUE, seconds)).getLog();
        if (log != null) {
          log.lines().map(l -> LogLine.fromPodLine(name, l)).flatMap(Optional::stream).forEach(lines::add);
        }
      } catch (RuntimeException e) {
        lines.add(unreadable(name, "cannot read the log of pod " + pod.getMetadata().getNamespace() + "/"
            + pod.getMetadata().getName() + ": " + e.getMessage()));
      }
    }
    return lines;
  }

  /**
   * The operation logs of the target's Backups and Restores, from the replication repository as
   * each cluster that holds them reaches it (Backups run on the source, Restores on the destination).
   */
  public List<LogLine> operations() {
    List<LogLine> lines = new ArrayList<>();
    for (Map.Entry<String, KubernetesClient> cluster : clusterClients().entrySet()) {
      KubernetesClient client = cluster.getValue();
      try {
        for (Backup backup : labelled(client, Backup.class)) {
          lines.addAll(operationLog(client, backup, storageLocation(client, backup.getMetadata().getName(), backup),
              "backup", BackupLayout.ROOT::backupLogs));
        }
        for (Restore restore : labelled(client, Restore.class)) {
          String backupName = restore.getSpec() == null ? null : restore.getSpec().getBackupName();
          // A migration's Restore names its location (its Backup lives on the other cluster).
          String location = restore.getMetadata().getLabels() == null ? null
              : restore.getMetadata().getLabels().get("velero.io/storage-location");
          lines.addAll(operationLog(client, restore, location != null ? location
              : storageLocation(client, backupName, null), "restore", BackupLayout.ROOT::restoreLogs));
        }
      } catch (RuntimeException e) {
        lines.add(unreadable("cluster/" + cluster.getKey(), "cannot list the Backups and Restores: " + e.getMessage()));
      }
    }
    return lines;
  }

  /** The storage location of the Backup {@code name} ({@code known} if already read); null: the default. */
  public String storageLocation(KubernetesClient client, String name, Backup known) {
    Backup backup = known != null ? known : name == null ? null
        : client.resources(Backup.class).inNamespace(target.namespace()).withName(name).get();
    return backup == null || backup.getSpec() == null ? null : backup.getSpec().getStorageLocation();
  }

  /** The target's Backups or Restores on {@code client} (by the migration labels). */
  public <T extends HasMetadata> List<T> labelled(KubernetesClient client, Class<T> type) {
    Map<String, T> found = new LinkedHashMap<>();
    for (String uid : target.uids()) {
      for (String label : MIGRATION_LABELS) {
        for (T item : client.resources(type).inNamespace(target.namespace()).withLabel(label, uid).list().getItems()) {
          found.putIfAbsent(item.getMetadata().getName(), item);
        }
      }
    }
    return List.copyOf(found.values());
  }

  private List<LogLine> operationLog(KubernetesClient client, HasMetadata operation, String location, String kind,
                                     java.util.function.Function<String, String> key) {
    String name = operation.getMetadata().getName();
    String source = kind + "/" + name;
    Instant created = operation.getMetadata().getCreationTimestamp() == null ? Instant.EPOCH
        : Instant.parse(operation.getMetadata().getCreationTimestamp());
    List<LogLine> lines = new ArrayList<>();
    try (ObjectStore store = new BackupStorageLocations(client).open(target.namespace(), location);
         InputStream in = new GZIPInputStream(store.get(key.apply(name)));
         BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        String text = line;
        lines.add(LogLine.fromLogfmt(source, line).orElseGet(() -> new LogLine(created, source, "INFO", text, null)));
      }
    } catch (ObjectNotFoundException e) {
      // not written yet (still running) or none kept: nothing to show
    } catch (IOException | RuntimeException e) {
      lines.add(unreadable(source, "cannot read the " + kind + " log of " + name + " from the repository: "
          + e.getMessage()));
    }
    return lines;
  }

  private static LogLine unreadable(String source, String message) {
    return new LogLine(Instant.now(), source, "WARN", "ferry logs: " + message, null);
  }

  /** Closes the clients of remote clusters this collector opened. */
  public void close() {
    clusters.close();
  }
}
