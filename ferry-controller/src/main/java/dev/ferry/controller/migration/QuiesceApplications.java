package dev.ferry.controller.migration;

import dev.ferry.controller.itinerary.Phase;
import dev.ferry.controller.itinerary.PhaseResult;

/** Stops the application on the source (if {@code quiescePods}), after the backup, before the final data copy. */
final class QuiesceApplications implements Phase<MigrationContext> {
  @Override
  public String name() {
    return "QuiesceApplications";
  }

  @Override
  public String step() {
    return "StageBackup";
  }

  @Override
  public PhaseResult run(MigrationContext context) {
    if (context.quiescePods()) {
      new Quiescer(context.source()).quiesce(context.sourceNamespaces());
    }
    return PhaseResult.done();
  }
}
