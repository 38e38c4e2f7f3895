package dev.ferry.controller.images;

import dev.ferry.api.common.Category;
import dev.ferry.api.common.Condition;
import dev.ferry.api.migration.images.DirectImageMigration;
import dev.ferry.api.migration.images.DirectImageMigrationStatus;
import dev.ferry.controller.itinerary.Itinerary;
import dev.ferry.controller.itinerary.ItineraryRunner;
import dev.ferry.controller.itinerary.Phase;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A DirectImageMigration's status as the itinerary runner sees it. */
final class ImageMigrationJournal implements ItineraryRunner.Journal<ImageMigrationContext> {
  private static final Logger LOG = LoggerFactory.getLogger(ImageMigrationJournal.class);

  private final DirectImageMigration dim;
  private final DirectImageMigrationStatus status;
  private final int streams;
  private final Clock clock;

  ImageMigrationJournal(DirectImageMigration dim, int streams, Clock clock) {
    this.dim = dim;
    this.status = dim.getStatus();
    this.streams = streams;
    this.clock = clock;
  }

  @Override
  public String storedPhase() {
    return status.getPhase();
  }

  @Override
  public void entering(Itinerary<ImageMigrationContext> itinerary, Phase<ImageMigrationContext> phase) {
    status.setPhase(phase.name());
  }

  @Override
  public void completed(Itinerary<ImageMigrationContext> itinerary) {
    status.conditions(clock).clear("Running");
    status.setPhase(ImageMigrationPhases.COMPLETED);
    status.conditions(clock).set(Condition.of("Succeeded", Category.ADVISORY, "Completed",
        "All " + streams + " image stream(s) were migrated.").markDurable());
    status.conditions(clock).setReady(true, "The direct image migration has completed.");
    log();
  }

  /** The errors the failed streams gave stay (the phase wrote them); any other reason is added. */
  @Override
  public void failed(ItineraryRunner.Failure failure) {
    status.conditions(clock).clear("Running");
    status.setPhase(ImageMigrationPhases.FAILED);
    if (failure.step() == null) {
      List<String> errors = status.getErrors() == null ? new ArrayList<>() : new ArrayList<>(status.getErrors());
      errors.add(failure.reason());
      status.setErrors(errors);
    }
    status.conditions(clock).set(Condition.of("Failed", Category.CRITICAL,
        failure.step() == null ? "CannotResume" : "ImageStreamsFailed", failure.reason()).markDurable());
    log();
  }

  private void log() {
    int failed = status.getFailedISs() == null ? 0 : status.getFailedISs().size();
    LOG.info("DirectImageMigration {}/{}: {} ({} streams, {} failed)", dim.getMetadata().getNamespace(),
        dim.getMetadata().getName(), status.getPhase(), streams, failed);
  }
}
