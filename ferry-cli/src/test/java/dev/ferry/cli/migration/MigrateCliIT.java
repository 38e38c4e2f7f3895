package dev.ferry.cli.migration;

import dev.ferry.cli.CliCluster;
import dev.ferry.cli.CliRun;
import dev.ferry.cli.plan.PlanTable;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.api.migration.plan.MigPlan;
import dev.ferry.controller.FerryOperator;
import dev.ferry.testbed.LocalCluster;
import dev.ferry.testbed.Testbed;
import dev.ferry.testbed.TestbedExtension;
import dev.ferry.testsupport.Manifests;
import dev.ferry.testsupport.PlanFixture;
import dev.ferry.testsupport.SampleApps;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plan and migration commands against the testbed's two clusters, with Ferry's controller
 * (every reconciler, the real plan validation included) running in-process: plan get, a cutover
 * with --wait, migration get/describe, and a rollback with --wait.
 */
@ExtendWith(TestbedExtension.class)
class MigrateCliIT {
  private static final String NS = PlanFixture.NS;

  @Test
  @Timeout(value = 6, unit = TimeUnit.MINUTES)
  void cutoverThenRollback(Testbed testbed, @TempDir Path dir) throws Exception {
    LocalCluster source = testbed.source();
    LocalCluster destination = testbed.destination();
    KubernetesClient host = source.client();
    KubernetesClient dest = destination.client();
    CliCluster cli = CliCluster.prepare(source, dir);
    Path repository = Files.createDirectories(dir.resolve("repository"));
    String s = UUID.randomUUID().toString().substring(0, 6);
    String app = "src-" + s;
    String moved = app + "-moved";
    String plan = "plan-" + s;

    try (FerryOperator operator = new FerryOperator(host, NS, Clock.systemUTC()).start()) {
      Manifests.create(host, SampleApps.of(SampleApps.namespace(app), SampleApps.settings(app),
          SampleApps.web(app, 2, "registry.example/x:1", false)));
      PlanFixture.declare(host, destination, s, repository, "\"" + app + ":" + moved + "\"", "");
      host.resources(MigPlan.class).inNamespace(NS).withName(plan).waitUntilCondition(PlanTable::ready,
          120, TimeUnit.SECONDS);

      CliRun plans = cli.run("plan", "get");
      assertThat(plans.exitCode()).as(plans.err()).isZero();
      assertThat(plans.out().lines().findFirst().orElseThrow())
          .matches("NAME\\s+READY\\s+SOURCE\\s+TARGET\\s+STORAGE\\s+NAMESPACES\\s+AGE");
      assertThat(plans.out()).containsPattern(plan + "\\s+True\\s+host-" + s + "\\s+dest-" + s + "\\s+repo-" + s
          + "\\s+" + app + ":" + moved + "\\s+\\d+[smh]");
      CliRun described = cli.run("plan", "describe", plan);
      assertThat(described.exitCode()).as(described.err()).isZero();
      assertThat(described.out()).contains("Ready:           True\n").containsPattern("Ready\\s+Required\\s+");

      CliRun missing = cli.run("migrate", "no-such-plan-" + s);
      assertThat(missing.exitCode()).isEqualTo(2);
      assertThat(missing.err()).startsWith("ferry: error: migration plan no-such-plan-" + s + " not found")
          .contains("ferry plan get").contains("kubectl get migplan");

      String cutover = "cutover-" + s;
      CliRun migrated = cli.run("migrate", plan, "--cutover", "--name", cutover, "--wait");
      assertThat(migrated.exitCode()).as(migrated.out() + migrated.err()).isZero();
      assertThat(migrated.out()).startsWith(cutover + "\n").contains("Migration " + cutover + " completed.");
      assertThat(dest.configMaps().inNamespace(moved).withName("settings").get()).isNotNull();

      CliRun migrations = cli.run("migration", "get");
      assertThat(migrations.exitCode()).as(migrations.err()).isZero();
      assertThat(migrations.out()).containsPattern(cutover + "\\s+" + plan + "\\s+cutover\\s+Completed\\s+\\S+\\s+\\d+");
      CliRun json = cli.run("migration", "get", cutover, "-o", "json");
      assertThat(json.out()).contains("\"phase\" : \"Completed\"");

      CliRun describe = cli.run("migration", "describe", cutover);
      assertThat(describe.exitCode()).as(describe.err()).isZero();
      assertThat(describe.out()).contains("Plan:          " + plan + "\n").contains("Type:          cutover\n")
          .contains("Phase:         Completed\n");
      List<String> steps = pipelineRows(describe.out());
      assertThat(steps).isNotEmpty().allSatisfy(row -> assertThat(row.split("\\s+")[1]).isEqualTo("Completed"));

      CliRun rollback = cli.run("rollback", plan, "--wait");
      assertThat(rollback.exitCode()).as(rollback.out() + rollback.err()).isZero();
      assertThat(rollback.out()).startsWith(plan + "-rollback-");
      assertThat(dest.namespaces().withName(moved).get()).isNull();
      assertThat(cli.run("migration", "get").out()).containsPattern(plan + "-rollback-\\d{14}\\s+" + plan
          + "\\s+rollback\\s+Completed");

      CliRun ended = cli.run("cancel", cutover);
      assertThat(ended.exitCode()).isEqualTo(2);
      assertThat(ended.err()).contains("has already ended (Completed)");

      host.resources(MigPlan.class).inNamespace(NS).withName(plan).edit(p -> {
        p.getSpec().setClosed(true);
        return p;
      });
      CliRun closed = cli.run("migrate", plan);
      assertThat(closed.exitCode()).isEqualTo(2);
      assertThat(closed.err()).startsWith("ferry: error: migration plan " + plan + " is closed");
    }
  }

  /** The rows of the Pipeline table in describe output (after its header, up to the blank line). */
  private static List<String> pipelineRows(String describe) {
    List<String> rows = new ArrayList<>();
    boolean in = false;
    for (String line : describe.split("\n")) {
      if (line.startsWith("  STEP ")) {
        in = true;
      } else if (in && line.isBlank()) {
        break;
      } else if (in) {
        rows.add(line.strip());
      }
    }
    return rows;
  }
}
