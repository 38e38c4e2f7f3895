package dev.ferry.cli.migration;

import dev.ferry.cli.CliRun;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.testbed.LocalCluster;
import dev.ferry.testbed.Testbed;
import dev.ferry.testbed.TestbedExtension;
import dev.ferry.testsupport.Manifests;
import dev.ferry.testsupport.SampleApps;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ferry migrate --source-context A --destination-context B --namespaces app:moved}: with no
 * controller running and nothing declared, the CLI declares clusters, storage and plan on the
 * destination and runs the reconcilers in-process until the cutover ends.
 */
@ExtendWith(TestbedExtension.class)
class MigrateInProcessIT {

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void migrateBetweenTwoKubeconfigContexts(Testbed testbed, @TempDir Path dir) throws Exception {
    LocalCluster source = testbed.source();
    LocalCluster destination = testbed.destination();
    Path kubeconfig = dir.resolve("kubeconfig");
    LocalCluster.writeKubeconfig(kubeconfig, List.of(source, destination));
    String s = UUID.randomUUID().toString().substring(0, 6);
    String app = "inproc-" + s;
    String moved = app + "-moved";
    Manifests.create(source.client(), SampleApps.of(SampleApps.namespace(app), SampleApps.settings(app), """
        apiVersion: v1
        kind: Secret
        metadata: {name: db, namespace: %1$s}
        stringData: {password: hunter2}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: %1$s}
        spec:
          selector: {app: web}
          ports: [{port: 80, targetPort: 8080}]
        """.formatted(app), SampleApps.web(app, 2, "registry.example/web:1", false)));

    // First a stage, declaring everything from the two contexts ...
    CliRun staged = CliRun.of("migrate", "--kubeconfig", kubeconfig.toString(), "--source-context", source.name(),
        "--destination-context", destination.name(), "--namespaces", app + ":" + moved, "--storage",
        Files.createDirectories(dir.resolve("repository")).toString(), "--stage", "--name", "stage-" + s);
    assertThat(staged.exitCode()).as(staged.out() + staged.err()).isZero();
    assertThat(staged.out()).contains("migcluster.migration.openshift.io/" + source.name() + " configured")
        .contains("migcluster.migration.openshift.io/" + destination.name() + " configured")
        .contains("migplan.migration.openshift.io/migrate-" + app + " configured")
        .contains("Running Ferry's controller in this process")
        .contains("Migration stage-" + s + " completed.");
    // ... then the cutover of that plan, by name, again with the controller in-process.
    CliRun run = CliRun.of("migrate", "migrate-" + app, "--in-process", "--kubeconfig", kubeconfig.toString(),
        "--context", destination.name(), "--name", "cutover-" + s);
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.out()).startsWith("Running Ferry's controller in this process")
        .containsPattern("Restore\\s+Completed")
        .contains("Migration cutover-" + s + " completed.");
    KubernetesClient dest = destination.client();
    assertThat(dest.configMaps().inNamespace(moved).withName("settings").get().getData()).containsEntry("currency", "EUR");
    assertThat(dest.secrets().inNamespace(moved).withName("db").get()).isNotNull();
    assertThat(dest.services().inNamespace(moved).withName("web").get()).isNotNull();
    assertThat(dest.apps().deployments().inNamespace(moved).withName("web").get().getSpec().getReplicas()).isEqualTo(2);
    // The cutover quiesced the source application.
    assertThat(source.client().apps().deployments().inNamespace(app).withName("web").get().getSpec().getReplicas())
        .isZero();

    // Nothing is installed: a rollback that waits for a controller says so instead of waiting forever ...
    CliRun waiting = CliRun.of("rollback", "migrate-" + app, "--wait", "--kubeconfig", kubeconfig.toString(),
        "--context", destination.name());
    assertThat(waiting.exitCode()).as(waiting.out() + waiting.err()).isEqualTo(2);
    assertThat(waiting.err()).contains("no Ferry controller is running for namespace openshift-migration")
        .contains("--in-process");
    // ... and rolls back with the controller in-process, from the destination's context.
    CliRun rollback = CliRun.of("rollback", "migrate-" + app, "--kubeconfig", kubeconfig.toString(),
        "--destination-context", destination.name(), "--name", "rollback-" + s);
    assertThat(rollback.exitCode()).as(rollback.out() + rollback.err()).isZero();
    assertThat(rollback.out()).startsWith("Running Ferry's controller in this process")
        .contains("Migration rollback-" + s + " completed.");
    assertThat(dest.configMaps().inNamespace(moved).withName("settings").get()).isNull();
    assertThat(dest.apps().deployments().inNamespace(moved).withName("web").get()).isNull();
    assertThat(source.client().apps().deployments().inNamespace(app).withName("web").get().getSpec().getReplicas())
        .isEqualTo(2);
    assertThat(dest.leases().inNamespace("openshift-migration").withName("ferry-controller").get())
        .as("the in-process controller released its Lease").isNull();

    CliRun twice = CliRun.of("migrate", "--kubeconfig", kubeconfig.toString(), "--source-context", source.name(),
        "--destination-context", source.name(), "--namespaces", app);
    assertThat(twice.exitCode()).isEqualTo(2);
    assertThat(twice.err()).contains("are both " + source.name());
  }
}
