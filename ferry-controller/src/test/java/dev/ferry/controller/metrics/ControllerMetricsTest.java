package dev.ferry.controller.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.api.migration.migration.MigMigration;
import dev.ferry.api.migration.migration.MigMigrationSpec;
import dev.ferry.api.migration.migration.MigMigrationStatus;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ControllerMetricsTest {
  private final ControllerMetrics metrics = new ControllerMetrics();

  @Test
  void everyTypeAndStatusIsExposedFromTheStart() {
    String text = metrics.scrape();
    for (String type : new String[] {"stage", "final"}) {
      for (String status : new String[] {"idle", "running", "completed", "failed"}) {
        assertThat(text).contains("cam_app_workload_migrations{status=\"" + status + "\",type=\"" + type + "\"} 0.0\n");
      }
    }
    assertThat(text).contains("# TYPE cam_app_workload_migrations gauge\n");
  }

  @Test
  void migrationsAreCountedByTypeAndStatus() {
    metrics.record("a", false, "running");
    metrics.record("b", false, "running");
    metrics.record("c", true, "completed");
    metrics.record("d", true, "idle");
    metrics.record("d", true, "failed"); // the same migration, moved on
    String text = metrics.scrape();
    assertThat(text).contains("cam_app_workload_migrations{status=\"running\",type=\"final\"} 2.0\n");
    assertThat(text).contains("cam_app_workload_migrations{status=\"completed\",type=\"stage\"} 1.0\n");
    assertThat(text).contains("cam_app_workload_migrations{status=\"failed\",type=\"stage\"} 1.0\n");
    assertThat(text).contains("cam_app_workload_migrations{status=\"idle\",type=\"stage\"} 0.0\n");

    metrics.forget("a");
    metrics.forget("unknown");
    assertThat(metrics.scrape()).contains("cam_app_workload_migrations{status=\"running\",type=\"final\"} 1.0\n");
  }

  @Test
  void aMigrationIsRecordedFromItsSpecAndPhase() {
    MigMigration migration = new MigMigration();
    migration.setMetadata(new ObjectMetaBuilder().withName("m").withUid("uid-1").build());
    migration.setSpec(new MigMigrationSpec());
    migration.getSpec().setStage(true);
    metrics.record(migration);
    assertThat(metrics.scrape()).contains("cam_app_workload_migrations{status=\"idle\",type=\"stage\"} 1.0\n");

    migration.setStatus(new MigMigrationStatus());
    migration.getStatus().setPhase("Canceled");
    metrics.record(migration);
    String text = metrics.scrape();
    assertThat(text).contains("cam_app_workload_migrations{status=\"idle\",type=\"stage\"} 0.0\n");
    assertThat(text).contains("cam_app_workload_migrations{status=\"failed\",type=\"stage\"} 1.0\n");
  }

  @Test
  void requestsAreCountedWithMtcNamesAndLabels() {
    metrics.recordRequest("https://migcluster-url:443", "MigPlan", "(*ReconcileMigPlan).Reconcile", "Secret", 12.5);
    metrics.recordRequest("https://migcluster-url:443", "MigPlan", "(*ReconcileMigPlan).Reconcile", "Secret", 7.5);
    metrics.recordRequest("https://migcluster-url:443", "Operator", "informer", "List", 3);
    String text = metrics.scrape();

    String secret = "{cluster=\"https://migcluster-url:443\",component=\"MigPlan\","
        + "function=\"(*ReconcileMigPlan).Reconcile\",kind=\"Secret\"}";
    assertThat(text).contains("mtc_client_request_count" + secret + " 2.0\n");
    assertThat(text).contains("mtc_client_request_elapsed" + secret + " 20.0\n");
    assertThat(text).contains("mtc_client_request_count{cluster=\"https://migcluster-url:443\",component=\"Operator\","
        + "function=\"informer\",kind=\"List\"} 1.0\n");
    // Exactly MTC's names: no _total or other suffix on any of the three.
    assertThat(text).contains("# TYPE mtc_client_request_count gauge\n", "# TYPE mtc_client_request_elapsed gauge\n");
    assertThat(text).doesNotContain("_total", "mtc_client_request_count_", "mtc_client_request_elapsed_",
        "cam_app_workload_migrations_");

    ScrapedMetrics scraped = ScrapedMetrics.parse(text);
    double count = scraped.find("mtc_client_request_count", Map.of()).stream().mapToDouble(s -> s.value()).sum();
    double elapsed = scraped.find("mtc_client_request_elapsed", Map.of()).stream().mapToDouble(s -> s.value()).sum();
    assertThat(count).isEqualTo(3.0);
    assertThat(elapsed / count).isEqualTo(23.0 / 3); // sum(elapsed) / sum(count): average latency
    assertThat(scraped.find("mtc_client_request_count", Map.of())).allSatisfy(s ->
        assertThat(s.labels()).containsOnlyKeys("cluster", "component", "function", "kind"));
  }
}
