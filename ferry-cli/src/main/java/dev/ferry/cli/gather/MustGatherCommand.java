package dev.ferry.cli.gather;

import dev.ferry.api.migration.plan.MigPlan;
import dev.ferry.api.velero.backup.Backup;
import dev.ferry.api.velero.restore.Restore;
import dev.ferry.backup.format.BackupLayout;
import dev.ferry.cli.logs.ControllerLogFile;
import dev.ferry.cli.logs.LogPrinter;
import dev.ferry.cli.logs.Since;
import dev.ferry.controller.logging.reader.LogCollector;
import dev.ferry.controller.logging.reader.LogLine;
import dev.ferry.controller.logging.reader.MigrationTarget;
import dev.ferry.controller.velero.BackupStorageLocations;
import dev.ferry.objectstore.ObjectNotFoundException;
import dev.ferry.objectstore.ObjectStore;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.zip.GZIPInputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ferry must-gather}: everything needed to find out why a migration went wrong, from every
 * MigCluster of the plans, in {@code DEST/must-gather.tar.gz}, with every secret masked.
 */
@Command(name = "must-gather", description = {
    "Collect what support needs into DEST/must-gather.tar.gz: the migration.openshift.io and velero.io objects, "
        + "events, pods and logs of the migration namespaces on every MigCluster of the plans, the merged migration "
        + "log, the Backup and Restore logs and results, the controller's metrics and the cluster versions. "
        + "Secret values, tokens and keys are masked.",
    "As the entrypoint /usr/bin/gather of Ferry's image it runs for 'oc adm must-gather --image=<ferry image>'."})
public class MustGatherCommand implements Callable<Integer> {
  static final String METRICS_SERVICE = "migration-controller-metrics";

  @Spec
  CommandSpec spec;

  @Parameters(arity = "0..*", paramLabel = "PLAN|MIGRATION",
      description = "Plans or migrations to gather for (default: every plan in the namespace).")
  List<String> names;

  @Option(names = {"-n", "--namespace"}, paramLabel = "NS", defaultValue = "openshift-migration",
      description = "Namespace of the migration objects and the controller (default: ${DEFAULT-VALUE}).")
  String namespace;

  @Option(names = "--since", paramLabel = "DURATION", defaultValue = "24h",
      description = "Logs of this last window: 1h, 24h or any duration such as 90m (default: ${DEFAULT-VALUE}).")
  String since;

  @Option(names = "--dest-dir", paramLabel = "DIR", defaultValue = "must-gather",
      description = "Where must-gather.tar.gz (and metrics/prom_data.tar.gz) go (default: ./${DEFAULT-VALUE}).")
  Path destDir;

  @Option(names = "--metrics", description = "Also write metrics/prom_data.tar.gz: the controller's scrapes of the "
      + "--since window (its /metrics/history: one every 30 s, kept up to 24 h) as OpenMetrics text that "
      + "'promtool tsdb create-blocks-from openmetrics' imports.")
  boolean metrics;

  @Option(names = "--metrics-url", paramLabel = "URL", description = "The controller's /metrics when it is not "
      + "deployed (e.g. http://127.0.0.1:8080/metrics for 'ferry controller'); default: the Service "
      + METRICS_SERVICE + " through the API server.")
  URI metricsUrl;

  @Option(names = "--log-dir", paramLabel = "DIR", description = "Log directory of a controller running outside "
      + "the cluster (default: $FERRY_LOG_DIR or ~/.cache/ferry/logs).")
  Path logDir;

  @Override
  public Integer call() throws IOException {
    Duration window = Since.parse(since);
    Instant from = Instant.now().minus(window);
    Gathering gathering = new Gathering();
    try (KubernetesClient host = dev.ferry.cli.logs.Clients.of(spec)) {
      List<MigrationTarget> targets = targets(host);
      MigrationTarget all = merge(targets);
      LogCollector collector = new LogCollector(host, all, logDir != null ? logDir : ControllerLogFile.directory(),
          names != null && !names.isEmpty());
      try {
        Map<String, KubernetesClient> clusters = collector.clusterClients();
        Set<String> namespaces = namespaces(all);
        // Learn every secret first: whatever is added afterwards is masked.
        for (Map.Entry<String, KubernetesClient> cluster : clusters.entrySet()) {
          Set<String> withOwn = new LinkedHashSet<>(namespaces);
          withOwn.add(namespace);
          new ClusterGatherer(cluster.getValue(), cluster.getKey(), gathering).learnSecrets(withOwn);
        }
        gathering.add("gather-info.txt", "ferry must-gather\ncollected: " + Instant.now() + "\nsince: " + from
            + " (" + since + ")\nnamespace: " + namespace + "\nmigrations: " + all.names() + "\nclusters: "
            + clusters.keySet() + "\n");
        for (Map.Entry<String, KubernetesClient> cluster : clusters.entrySet()) {
          ClusterGatherer gatherer = new ClusterGatherer(cluster.getValue(), cluster.getKey(), gathering);
          gatherer.version();
          gatherer.customResources();
          Set<String> withOwn = new LinkedHashSet<>(namespaces);
          if (cluster.getValue() == host) {
            withOwn.add(namespace);
          }
          withOwn.forEach(ns -> gatherer.namespace(ns, from));
        }
        migrationLog(collector, from, gathering);
        operations(collector, gathering);
        String scrape = scrape(host, gathering);
        String series = metrics ? ControllerMetricsHistory.fetch(host, namespace, metricsUrl, since, gathering) : null;
        Path archive = gathering.writeArchive(destDir, "must-gather.tar.gz", "must-gather");
        System.out.println("wrote " + archive + " (" + gathering.files().size() + " files"
            + (gathering.notes().isEmpty() ? "" : ", " + gathering.notes().size() + " notes in gather-notes.txt") + ")");
        if (metrics) {
          Path prom = promData(series, scrape);
          System.out.println(prom == null ? "no metrics/prom_data.tar.gz: the controller's /metrics could not be read "
              + "(see gather-notes.txt; pass --metrics-url for a controller outside the cluster)" : "wrote " + prom);
        }
      } finally {
        collector.close();
      }
    }
    return 0;
  }

  private List<MigrationTarget> targets(KubernetesClient host) {
    if (names == null || names.isEmpty()) {
      return List.of(MigrationTarget.resolve(host, namespace, null));
    }
    List<MigrationTarget> targets = new ArrayList<>();
    for (String name : names) {
      targets.add(resolve(() -> MigrationTarget.resolve(host, namespace, name)));
    }
    return targets;
  }

  private MigrationTarget merge(List<MigrationTarget> targets) {
    if (targets.size() == 1) {
      return targets.get(0);
    }
    var migrations = new java.util.LinkedHashMap<String, dev.ferry.api.migration.migration.MigMigration>();
    var plans = new java.util.LinkedHashMap<String, MigPlan>();
    var clusters = new java.util.LinkedHashMap<String, dev.ferry.api.migration.cluster.MigCluster>();
    for (MigrationTarget t : targets) {
      t.migrations().forEach(m -> migrations.putIfAbsent(m.getMetadata().getUid(), m));
      t.plans().forEach(p -> plans.putIfAbsent(p.getMetadata().getName(), p));
      t.clusters().forEach(c -> clusters.putIfAbsent(c.getMetadata().getName(), c));
    }
    return new MigrationTarget(namespace, List.copyOf(migrations.values()), List.copyOf(plans.values()),
        List.copyOf(clusters.values()));
  }

  /** The plans' namespaces, both sides of a mapping {@code src:dest}. */
  static Set<String> namespaces(MigrationTarget target) {
    Set<String> namespaces = new LinkedHashSet<>();
    for (MigPlan plan : target.plans()) {
      if (plan.getSpec() != null && plan.getSpec().getNamespaces() != null) {
        for (String mapping : plan.getSpec().getNamespaces()) {
          for (String ns : mapping.split(":")) {
            if (!ns.isBlank()) {
              namespaces.add(ns.trim());
            }
          }
        }
      }
    }
    return namespaces;
  }

  private static void migrationLog(LogCollector collector, Instant from, Gathering gathering) {
    LogPrinter printer = new LogPrinter(false);
    StringBuilder text = new StringBuilder();
    for (LogLine line : collector.collect(from)) {
      text.append(printer.format(line)).append('\n');
    }
    gathering.add("logs/migration.log", text.toString());
  }

  /** The Backups' and Restores' logs and results, gunzipped, from the repository as each cluster reaches it. */
  private void operations(LogCollector collector, Gathering gathering) {
    for (Map.Entry<String, KubernetesClient> cluster : collector.clusterClients().entrySet()) {
      KubernetesClient client = cluster.getValue();
      try {
        for (Backup backup : collector.labelled(client, Backup.class)) {
          String name = backup.getMetadata().getName();
          String location = collector.storageLocation(client, name, backup);
          fromRepository(client, location, BackupLayout.ROOT.backupLogs(name), "operations/backup-" + name + ".log",
              gathering);
          fromRepository(client, location, BackupLayout.ROOT.backupResults(name), "operations/backup-" + name
              + "-results.json", gathering);
        }
        for (Restore restore : collector.labelled(client, Restore.class)) {
          String name = restore.getMetadata().getName();
          String location = collector.storageLocation(client, restore.getSpec() == null ? null
              : restore.getSpec().getBackupName(), null);
          fromRepository(client, location, BackupLayout.ROOT.restoreLogs(name), "operations/restore-" + name + ".log",
              gathering);
          fromRepository(client, location, BackupLayout.ROOT.restoreResults(name), "operations/restore-" + name
              + "-results.json", gathering);
        }
      } catch (RuntimeException e) {
        gathering.note("operations on " + cluster.getKey() + ": cannot list the Backups and Restores: " + e.getMessage());
      }
    }
  }

  private void fromRepository(KubernetesClient host, String location, String key, String path, Gathering gathering) {
    try (ObjectStore store = new BackupStorageLocations(host).open(namespace, location);
         InputStream in = new GZIPInputStream(store.get(key))) {
      gathering.add(path, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (ObjectNotFoundException e) {
      gathering.note(path + ": not in the repository (" + key + ")");
    } catch (IOException | RuntimeException e) {
      gathering.note(path + ": cannot read " + key + " from the repository: " + e.getMessage());
    }
  }

  /** The controller's /metrics, also added as metrics/controller.prom; null when unreachable. */
  private String scrape(KubernetesClient host, Gathering gathering) {
    String text = null;
    try {
      if (metricsUrl != null) {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(metricsUrl)
            .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
          throw new IOException("HTTP " + response.statusCode());
        }
        text = response.body();
      } else {
        text = host.raw("/api/v1/namespaces/" + namespace + "/services/" + METRICS_SERVICE + ":metrics/proxy/metrics");
      }
    } catch (IOException | RuntimeException e) {
      gathering.note("metrics: cannot scrape the controller's /metrics ("
          + (metricsUrl != null ? metricsUrl : "Service " + namespace + "/" + METRICS_SERVICE) + "): " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (text == null || text.isBlank()) {
      if (gathering.notes().stream().noneMatch(n -> n.startsWith("metrics:"))) {
        gathering.note("metrics: the controller's /metrics gave no answer ("
            + (metricsUrl != null ? metricsUrl : "no Service " + namespace + "/" + METRICS_SERVICE
            + ": is the controller deployed? for a local one pass --metrics-url") + ")");
      }
      return null;
    }
    gathering.add("metrics/controller.prom", text);
    return text;
  }

  /** The controller's series of the window ({@code /metrics/history}), else its one scrape of now; null without either. */
  private Path promData(String series, String scrape) throws IOException {
    if (series == null && scrape == null) {
      return null;
    }
    Gathering prom = new Gathering();
    prom.add("metrics.om", series != null ? series
        : OpenMetrics.of(List.of(new OpenMetrics.Scrape(Instant.now(), scrape))));
    return prom.writeArchive(destDir.resolve("metrics"), "prom_data.tar.gz", "prom_data");
  }


  static String nameOf(HasMetadata resource) {
    return resource.getMetadata().getName();
  }

  /** The migration or plan named, or a user error saying how to list them. */
  private static MigrationTarget resolve(java.util.function.Supplier<MigrationTarget> lookup) {
    try {
      return lookup.get();
    } catch (MigrationTarget.NotFound e) {
      throw new dev.ferry.cli.UserError(e.getMessage());
    }
  }
}
