package dev.ferry.controller.migration;

/** Starts the source application again with the values saved when it was quiesced. */
final class UnquiesceSource implements Phase {
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
