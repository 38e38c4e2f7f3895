package dev.ferry.controller.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.api.migration.migration.MigMigration;
import dev.ferry.api.migration.migration.MigMigrationSpec;
import dev.ferry.api.migration.migration.MigMigrationStatus;
import dev.ferry.api.migration.migration.Step;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationFiguresTest {

  @Test
  void bytesMovedAndStepDurationsPerMigrationGoAwayWithIt() {
    ControllerMetrics metrics = new ControllerMetrics();
    MigMigration migration = new MigMigration();
    migration.getMetadata().setName("cutover-1");
    migration.getMetadata().setNamespace("openshift-migration");
    migration.getMetadata().setUid("u-1");
    migration.setSpec(new MigMigrationSpec());
    migration.getSpec().setMigPlanRef(new ObjectReferenceBuilder().withName("shop").build());
    Step backup = new Step();
    backup.setName("Backup");
    backup.setStarted("2026-12-07T18:00:00Z");
    backup.setCompleted("2026-12-07T18:00:12Z");
    Step volume = new Step();
    volume.setName("DirectVolume");
    volume.setStarted("2026-12-07T18:00:12Z");
    volume.setBytesDone(5_000_000L);
    volume.setBytesTotal(9_000_000L);
    migration.setStatus(new MigMigrationStatus());
    migration.getStatus().setPhase("DirectVolumeMigrationCompleted");
    migration.getStatus().setPipeline(List.of(backup, volume));

    metrics.record(migration);
    String scrape = metrics.scrape();
    assertThat(scrape).contains(
        "ferry_migration_bytes_moved{migration=\"cutover-1\",namespace=\"openshift-migration\",plan=\"shop\"} 5000000.0")
        .contains("ferry_migration_step_duration_seconds{migration=\"cutover-1\",namespace=\"openshift-migration\","
            + "step=\"Backup\"} 12.0")
        .contains("step=\"DirectVolume\"");

    metrics.forget("u-1");
    assertThat(metrics.scrape()).doesNotContain("cutover-1");
  }
}
