package dev.ferry.controller.migration;

import dev.ferry.controller.itinerary.Phase;
import dev.ferry.controller.itinerary.PhaseResult;

/**
 * Failure itinerary of a cutover: a failed cutover must not leave the source application
 * stopped. When starting it fails too, the reason tells the user how to do it by hand.
 */
final class StartSourceAgain implements Phase<MigrationContext> {
  @Override
  public String name() {
    return "UnQuiesceSrcApplications";
  }

  @Override
  public String step() {
    return "Failed";
  }

  @Override
  public PhaseResult run(MigrationContext context) {
    try {
      new Quiescer(context.source()).unquiesce(context.sourceNamespaces());
      return PhaseResult.done();
    } catch (RuntimeException e) {
      return PhaseResult.fail("starting the source application again failed: " + e.getMessage()
          + "; scale it back using the migration.openshift.io/preQuiesceReplicas annotations");
    }
  }
}
