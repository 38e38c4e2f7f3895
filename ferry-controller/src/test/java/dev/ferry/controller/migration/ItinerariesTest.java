package dev.ferry.controller.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.api.migration.migration.MigMigration;
import dev.ferry.api.migration.migration.MigMigrationSpec;
import dev.ferry.controller.itinerary.Itinerary;
import org.junit.jupiter.api.Test;

class ItinerariesTest {
  private static MigMigration migration(boolean stage, boolean rollback, boolean state) {
    MigMigration migration = new MigMigration();
    MigMigrationSpec spec = new MigMigrationSpec();
    spec.setStage(stage);
    spec.setRollback(rollback);
    spec.setMigrateState(state);
    migration.setSpec(spec);
    return migration;
  }

  @Test
  void theSpecPicksTheItinerary() {
    assertThat(Itineraries.of(migration(false, false, false)).name()).isEqualTo("Final");
    assertThat(Itineraries.of(migration(true, false, false)).name()).isEqualTo("Stage");
    assertThat(Itineraries.of(migration(false, false, true)).name()).isEqualTo("StateTransfer");
    assertThat(Itineraries.of(migration(true, true, false)).name()).isEqualTo("Rollback");
  }

  @Test
  void storedNamesAreMtcsAndEveryStoredItineraryIsInTheTable() {
    assertThat(Itineraries.TABLE.itineraries()).extracting(Itinerary::name)
        .containsExactly("Final", "Stage", "StateTransfer", "Rollback");
    assertThat(Itineraries.FINAL.phaseNames()).startsWith("ValidatePlan").endsWith("Verification", "EnsureAnnotationsDeleted")
        .contains("QuiesceApplications", "EnsureQuiesced", "DirectVolumeMigrationCompleted");
    assertThat(Itineraries.ROLLBACK.phaseNames()).endsWith("UnQuiesceSrcApplications");
    assertThat(Itineraries.TABLE.terminalPhases()).containsExactlyInAnyOrder("Completed", "Failed", "Canceled");
    assertThat(Itineraries.TABLE.named("Cutover")).isEmpty();
  }

  @Test
  void onlyACutoverStartsTheSourceAgainWhenItFails() {
    assertThat(Itineraries.FINAL.onFailure()).isSameAs(Itineraries.FAILED);
    assertThat(Itineraries.FAILED.phaseNames()).containsExactly("UnQuiesceSrcApplications");
    assertThat(Itineraries.STAGE.onFailure()).isNull();
    assertThat(Itineraries.STATE.onFailure()).isNull();
    assertThat(Itineraries.ROLLBACK.onFailure()).isNull();
  }
}
