package dev.ferry.controller.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.api.migration.migration.MigMigration;
import dev.ferry.api.migration.migration.MigMigrationSpec;
import dev.ferry.api.migration.migration.MigMigrationStatus;
import org.junit.jupiter.api.Test;

class MigrationStatusTest {
  @Test
  void phasesMapToMtcStatuses() {
    assertThat(MigrationStatus.ofPhase(null).label()).isEqualTo("idle");
    assertThat(MigrationStatus.ofPhase("").label()).isEqualTo("idle");
    assertThat(MigrationStatus.ofPhase("Completed").label()).isEqualTo("completed");
    assertThat(MigrationStatus.ofPhase("Failed").label()).isEqualTo("failed");
    assertThat(MigrationStatus.ofPhase("Canceled").label()).isEqualTo("failed");
    assertThat(MigrationStatus.ofPhase("BackupResources").label()).isEqualTo("running");
    assertThat(MigrationStatus.ofPhase("QuiesceApplications").label()).isEqualTo("running");
  }

  @Test
  void migrationWithoutStatusIsIdleAndTypeFollowsStage() {
    MigMigration migration = new MigMigration();
    assertThat(MigrationStatus.of(migration)).isEqualTo(MigrationStatus.IDLE);
    assertThat(MigrationStatus.isStage(migration)).isFalse();
    migration.setSpec(new MigMigrationSpec());
    migration.getSpec().setStage(true);
    migration.setStatus(new MigMigrationStatus());
    migration.getStatus().setPhase("Completed");
    assertThat(MigrationStatus.of(migration)).isEqualTo(MigrationStatus.COMPLETED);
    assertThat(MigrationStatus.isStage(migration)).isTrue();
    assertThat(MigrationStatus.type(true)).isEqualTo("stage");
    assertThat(MigrationStatus.type(false)).isEqualTo("final");
  }

  @Test
  void labelsRoundTripAndUnknownOnesAreRejected() {
    for (MigrationStatus status : MigrationStatus.values()) {
      assertThat(MigrationStatus.ofLabel(status.label())).isEqualTo(status);
    }
    assertThatThrownBy(() -> MigrationStatus.ofLabel("Running")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("idle, running, completed, failed");
  }
}
