package dev.ferry.controller.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.api.common.Condition;
import dev.ferry.api.migration.migration.MigMigration;
import dev.ferry.api.migration.migration.MigMigrationSpec;
import dev.ferry.api.migration.migration.MigMigrationStatus;
import dev.ferry.api.migration.migration.Step;
import dev.ferry.controller.itinerary.ItineraryRunner;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** How a MigMigration's status records what the runner decides, without a cluster. */
class MigrationJournalTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

  private static MigMigration stage() {
    MigMigration migration = new MigMigration();
    migration.getMetadata().setName("stage-1");
    MigMigrationSpec spec = new MigMigrationSpec();
    spec.setStage(true);
    migration.setSpec(spec);
    migration.setStatus(new MigMigrationStatus());
    return migration;
  }

  @Test
  void aNewMigrationStartsAtTheFirstPhaseOfItsItineraryWithAPipeline() {
    MigMigration migration = stage();

    new MigrationJournal(migration, null, CLOCK).start(Itineraries.of(migration));

    assertThat(migration.getStatus().getItinerary()).isEqualTo("Stage");
    assertThat(migration.getStatus().getPhase()).isEqualTo("ValidatePlan");
    assertThat(migration.getStatus().getPipeline()).extracting(Step::getName)
        .containsExactly("Prepare", "DirectImage", "DirectVolume");
  }

  @Test
  void anUnknownStoredPhaseFailsTheMigrationAndSaysWhy() {
    MigMigration migration = stage();
    MigrationJournal journal = new MigrationJournal(migration, null, CLOCK);
    journal.start(Itineraries.STAGE);
    migration.getStatus().setPhase("CopyEverythingTwice");

    // No phase runs (the context is never used), so none needs a cluster.
    new ItineraryRunner<MigrationContext>().run(Itineraries.TABLE, "Stage", null, journal);

    MigMigrationStatus status = migration.getStatus();
    assertThat(status.getPhase()).isEqualTo("Failed");
    assertThat(status.getErrors()).singleElement().asString()
        .contains("stored phase 'CopyEverythingTwice' is not a phase of itinerary Stage");
    Condition failed = status.conditions(CLOCK).find("Failed").orElseThrow();
    assertThat(failed.getReason()).isEqualTo("CannotResume");
    assertThat(failed.getMessage()).startsWith("The migration has failed. See: Errors. stored phase");
  }

  @Test
  void anUnknownItineraryFailsTheMigrationInsteadOfRunningFinal() {
    MigMigration migration = stage();
    migration.getStatus().setItinerary("Cutover");
    migration.getStatus().setPhase("ValidatePlan");

    new ItineraryRunner<MigrationContext>().run(Itineraries.TABLE, "Cutover", null,
        new MigrationJournal(migration, null, CLOCK));

    assertThat(migration.getStatus().getPhase()).isEqualTo("Failed");
    assertThat(migration.getStatus().getErrors()).singleElement().asString()
        .contains("MigMigration itinerary 'Cutover' is not one this controller knows")
        .contains("[Final, Stage, StateTransfer, Rollback]");
    assertThat(migration.getStatus().conditions(CLOCK).find("Failed").orElseThrow().getReason())
        .isEqualTo("CannotResume");
  }
}
