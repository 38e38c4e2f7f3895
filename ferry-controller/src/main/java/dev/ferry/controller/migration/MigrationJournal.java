package dev.ferry.controller.migration;

import dev.ferry.api.common.Category;
import dev.ferry.api.common.Condition;
import dev.ferry.api.migration.migration.MigMigration;
import dev.ferry.api.migration.migration.MigMigrationStatus;
import dev.ferry.controller.itinerary.Itinerary;
import dev.ferry.controller.itinerary.ItineraryRunner;
import dev.ferry.controller.itinerary.Phase;
import dev.ferry.controller.itinerary.Pipeline;
import dev.ferry.controller.itinerary.StatusPatches;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MigMigration's status as the itinerary runner sees it: {@code status.phase}, the pipeline
 * of steps, the Running / Succeeded / Failed conditions and {@code status.errors}.
 */
final class MigrationJournal implements ItineraryRunner.Journal<MigrationContext> {
  private static final Logger LOG = LoggerFactory.getLogger(MigrationJournal.class);

  private final MigMigration migration;
  private final MigMigrationStatus status;
  private final KubernetesClient host;
  private final Clock clock;

  MigrationJournal(MigMigration migration, KubernetesClient host, Clock clock) {
    this.migration = migration;
    this.status = migration.getStatus();
    this.host = host;
    this.clock = clock;
  }

  /** A new migration: its itinerary, start time, first phase and the pipeline of its steps. */
  void start(Itinerary<MigrationContext> itinerary) {
    status.setItinerary(itinerary.name());
    status.setStartTimestamp(dev.ferry.api.common.Times.now(clock));
    status.setPhase(itinerary.first().name());
    status.setPipeline(Pipeline.init(status.getPipeline(), itinerary));
  }

  @Override
  public String storedPhase() {
    return status.getPhase();
  }

  @Override
  public void entering(Itinerary<MigrationContext> itinerary, Phase<MigrationContext> phase) {
    status.setPhase(phase.name());
    Pipeline.entering(status.getPipeline(), phase, clock);
    status.conditions(clock).set(Condition.of("Running", Category.ADVISORY, phase.name(),
        "Step: " + itinerary.position(phase) + "/" + itinerary.phases().size()));
  }

  @Override
  public void save() {
    StatusPatches.save(host, migration);
  }

  @Override
  public void waiting(Phase<MigrationContext> phase, String waitingFor) {
    Pipeline.waiting(status.getPipeline(), phase, waitingFor);
  }

  @Override
  public void completed(Itinerary<MigrationContext> itinerary) {
    Pipeline.completeAll(status.getPipeline(), clock);
    status.setPhase(MigrationPhases.COMPLETED);
    var conditions = status.conditions(clock);
    conditions.clear("Running");
    if (conditions.hasCategory(Category.WARN)) {
      conditions.set(Condition.of("SucceededWithWarnings", Category.ADVISORY, "Completed",
          "The migration has completed with warnings, please look at `Warn` conditions.").markDurable());
    } else {
      conditions.set(Condition.of("Succeeded", Category.ADVISORY, "Completed",
          "The migration has completed successfully.").markDurable());
    }
    LOG.info("migration {} completed", migration.getMetadata().getName());
  }

  @Override
  public void failed(ItineraryRunner.Failure failure) {
    Pipeline.failed(status.getPipeline(), failure.step(), failure.reason(), clock);
    List<String> errors = status.getErrors() == null ? new ArrayList<>() : new ArrayList<>(status.getErrors());
    errors.add(failure.reason());
    status.setErrors(errors);
    status.setPhase(MigrationPhases.FAILED);
    var conditions = status.conditions(clock);
    conditions.clear("Running");
    // A run that cannot resume (unknown stored phase or itinerary) failed in no phase of ours.
    String where = failure.step() == null ? "CannotResume" : failure.phase();
    conditions.set(Condition.of("Failed", Category.CRITICAL, where,
        "The migration has failed. See: Errors. " + failure.reason()).markDurable());
    LOG.info("migration {} failed in {}: {}", migration.getMetadata().getName(), where, failure.reason());
  }
}
