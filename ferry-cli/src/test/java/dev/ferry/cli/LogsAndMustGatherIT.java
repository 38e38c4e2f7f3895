package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.api.migration.migration.MigMigration;
import dev.ferry.api.migration.plan.MigPlan;
import dev.ferry.controller.logging.reader.LogCollector;
import dev.ferry.controller.metrics.ControllerMetrics;
import dev.ferry.controller.metrics.MetricsServer;
import dev.ferry.testbed.LocalCluster;
import dev.ferry.testbed.Testbed;
import dev.ferry.testbed.TestbedExtension;
import dev.ferry.testsupport.Await;
import dev.ferry.testsupport.PlanFixture;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failing migration's error is found with {@code ferry logs} and inside a {@code ferry must-gather}
 * archive; neither (nor the controller's raw log file) holds the test's secret values or the
 * destination's token.
 */
@ExtendWith(TestbedExtension.class)
class LogsAndMustGatherIT {

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void failingMigrationIsExplainedByLogsAndMustGatherWithoutSecrets(Testbed testbed, @TempDir Path dir)
      throws Exception {
    LocalCluster source = testbed.source();
    LocalCluster destination = testbed.destination();
    KubernetesClient host = source.client();
    Path kubeconfig = dir.resolve("kubeconfig");
    LocalCluster.writeKubeconfig(kubeconfig, List.of(source, destination));
    String s = UUID.randomUUID().toString().substring(0, 6);
    String app = "logs-" + s;
    String password = "pw-" + UUID.randomUUID();
    String awsKey = "AKIA" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase();
    PlanFixture.apply(host, """
        apiVersion: v1
        kind: Namespace
        metadata: {name: %1$s}
        ---
        apiVersion: v1
        kind: Secret
        metadata: {name: db, namespace: %1$s}
        stringData: {password: %2$s, aws_access_key_id: %3$s}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: settings, namespace: %1$s}
        data: {currency: EUR}
        """.formatted(app, password, awsKey));
    new CrdInstaller(host).install(dev.ferry.api.Crds.definitions(), 60);
    new CrdInstaller(destination.client()).install(dev.ferry.api.Crds.definitions(), 60);
    host.namespaces().resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder().withNewMetadata()
        .withName(PlanFixture.NS).endMetadata().build()).serverSideApply();
    PlanFixture.declare(host, destination, s, Files.createDirectories(dir.resolve("repository")), app + ":" + app
        + "-moved", "");
    String token = new String(java.util.Base64.getDecoder().decode(host.secrets().inNamespace(PlanFixture.NS)
        .withName("dest-" + s).get().getData().get(PlanFixture.TOKEN_KEY)), StandardCharsets.UTF_8);
    Path logDir = dir.resolve("logs");
    String context = "--context=" + source.name();
    System.setProperty("ferry.log.dir", logDir.toString());
    try {
      // A migration that works (its Backup and Restore write operation logs) ...
      CliRun good = CliRun.of("migrate", "plan-" + s, "--in-process", "--kubeconfig", kubeconfig.toString(), context,
          "--name", "good-" + s);
      assertThat(good.exitCode()).as(good.out() + good.err()).isZero();
      // ... then one that fails: its plan was closed after it was created.
      host.resources(MigPlan.class).inNamespace(PlanFixture.NS).withName("plan-" + s)
          .edit(p -> {
            p.getSpec().setClosed(true);
            return p;
          });
      PlanFixture.apply(host, """
          apiVersion: migration.openshift.io/v1alpha1
          kind: MigMigration
          metadata: {name: bad-%1$s, namespace: %2$s}
          spec:
            migPlanRef: {name: plan-%1$s, namespace: %2$s}
            stage: false
            quiescePods: true
          """.formatted(s, PlanFixture.NS));
      int waited = ControllerCheck.inProcess(host, PlanFixture.NS, () -> awaitErrors(host, "bad-" + s));
      assertThat(waited).as("the migration failed with an error").isZero();
    } finally {
      System.clearProperty("ferry.log.dir");
    }

    // ferry logs MIGRATION: the error, from the controller's log, about that migration only.
    CliRun logs = CliRun.of("logs", "bad-" + s, "--plain", "--log-dir", logDir.toString(), "--kubeconfig",
        kubeconfig.toString(), context);
    assertThat(logs.exitCode()).as(logs.err()).isZero();
    assertThat(logs.out()).contains("[controller] WARN").contains("[bad-" + s + "/migration]")
        .contains("is closed").doesNotContain("good-" + s);
    // ferry logs PLAN: every migration of the plan, with the Backup's and Restore's operation logs, in time order.
    CliRun planLogs = CliRun.of("logs", "plan-" + s, "--plain", "--log-dir", logDir.toString(), "--kubeconfig",
        kubeconfig.toString(), context);
    assertThat(planLogs.exitCode()).as(planLogs.err()).isZero();
    assertThat(planLogs.out()).contains("[good-" + s + "/migration]").contains("[bad-" + s + "/migration]")
        .contains("[backup/good-" + s);
    // (Today the migration restores in-process, without a Restore CR; once it creates one, its log is read too:
    // LogCollector looks for labelled Restores on every cluster of the plan.)
    List<String> times = planLogs.out().lines().map(l -> l.substring(0, l.indexOf(' '))).toList();
    assertThat(times).isSorted();
    CliRun onlyBackups = CliRun.of("logs", "plan-" + s, "--plain", "--component", "backup", "--log-dir",
        logDir.toString(), "--kubeconfig", kubeconfig.toString(), context);
    assertThat(onlyBackups.out().lines()).isNotEmpty().allMatch(l -> l.contains("[backup/") || l.contains("/backup]"));

    // must-gather: the same error inside the archive, with the CRs; no secret anywhere in it.
    Path gathered = dir.resolve("gathered");
    // The controller's metrics listener (as 'ferry controller' starts it: it keeps its scrapes from the start).
    ControllerMetrics metrics = new ControllerMetrics();
    metrics.record(host.resources(MigMigration.class).inNamespace(PlanFixture.NS).withName("good-" + s).get());
    CliRun gather;
    try (MetricsServer listener = MetricsServer.start(metrics, java.net.InetAddress.getLoopbackAddress(), 0)) {
      gather = CliRun.of("must-gather", "plan-" + s, "--since", "1h", "--dest-dir", gathered.toString(),
          "--log-dir", logDir.toString(), "--metrics", "--metrics-url",
          "http://127.0.0.1:" + listener.port() + "/metrics", "--kubeconfig", kubeconfig.toString(), context);
    }
    assertThat(gather.exitCode()).as(gather.out() + gather.err()).isZero();
    Map<String, String> archive = untar(gathered.resolve("must-gather.tar.gz"));
    // --metrics: the listener's kept scrapes of the window, timestamped OpenMetrics for promtool.
    String series = untar(gathered.resolve("metrics/prom_data.tar.gz")).get("prom_data/metrics.om");
    assertThat(series).containsPattern("cam_app_workload_migrations\\{status=\"completed\",type=\"final\"} 1\\.0 "
        + "\\d{10}\\.\\d{3}\n").endsWith("# EOF\n");
    // What the user sees (kept in the test's output for docs/troubleshooting.md).
    System.out.println("== ferry logs bad\n" + logs.out() + "== ferry logs plan\n" + planLogs.out()
        + "== ferry must-gather\n" + gather.out() + String.join("\n", archive.keySet()));
    assertThat(archive.keySet()).anyMatch(k -> k.endsWith("/migmigrations.migration.openshift.io/" + PlanFixture.NS
        + "/bad-" + s + ".yaml")).anyMatch(k -> k.contains("/backups.velero.io/"))
        .anyMatch(k -> k.endsWith("/version.yaml")).anyMatch(k -> k.contains("namespaces/" + app + "/events.yaml"))
        .anyMatch(k -> k.startsWith("must-gather/operations/backup-"));
    assertThat(archive.get("must-gather/logs/migration.log")).contains("is closed");
    String everything = String.join("\n", archive.values());
    String raw = Files.readString(logDir.resolve("controller.log"));
    for (String secret : List.of(password, awsKey, token,
        java.util.Base64.getEncoder().encodeToString(password.getBytes(StandardCharsets.UTF_8)))) {
      assertThat(everything).as("must-gather archive").doesNotContain(secret);
      assertThat(logs.out() + planLogs.out()).as("ferry logs").doesNotContain(secret);
      assertThat(raw).as("the controller's log file").doesNotContain(secret);
    }
  }

  /** Waits until migration {@code name} reports an error; 0 once it does (the controller's work result). */
  private static int awaitErrors(KubernetesClient host, String name) {
    Await.until("an error in the status of migration " + name, Duration.ofSeconds(90), Duration.ofMillis(300),
        () -> host.resources(MigMigration.class).inNamespace(PlanFixture.NS).withName(name).get(),
        m -> m != null && m.getStatus() != null && m.getStatus().getErrors() != null
            && !m.getStatus().getErrors().isEmpty(), m -> { });
    return 0;
  }

  private static Map<String, String> untar(Path file) throws Exception {
    Map<String, String> files = new LinkedHashMap<>();
    try (InputStream in = Files.newInputStream(file);
         TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(in))) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        tar.transferTo(bytes);
        files.put(entry.getName(), bytes.toString(StandardCharsets.UTF_8));
      }
    }
    return files;
  }
}
