package dev.ferry.controller.migration;

import dev.ferry.controller.itinerary.Phase;
import dev.ferry.controller.itinerary.PhaseResult;

/** Starts the source application again with the values saved when it was quiesced. */
final class UnquiesceSource implements Phase<MigrationContext> {
  private final String step;

  UnquiesceSource(String step) {
    this.step = step;
  }

  @Override
  public String name() {
    return "UnQuiesceSrcApplications";
  }

  @Override
  public String step() {
    return step;
  }

  @Override
  public PhaseResult run(MigrationContext context) {
    new Quiescer(context.source()).unquiesce(context.sourceNamespaces());
    return PhaseResult.done();
  }
}
