package dev.ferry.controller.migration;

/** Stops the application on the source (if {@code quiescePods}), after the backup, before the final data copy. */
final class QuiesceApplications implements Phase {
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
