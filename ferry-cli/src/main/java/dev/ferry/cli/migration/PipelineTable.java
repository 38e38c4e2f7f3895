package dev.ferry.cli.migration;

import dev.ferry.api.migration.migration.Step;
import dev.ferry.cli.output.MigrationFormat;
import dev.ferry.cli.output.ObjectDescription;
import java.util.List;

/** A migration's pipeline as a table: STEP, STATUS, STARTED, COMPLETED, MESSAGE. Pure. */
public final class PipelineTable {
  static final String[] HEADERS = {"STEP", "STATUS", "STARTED", "COMPLETED", "MESSAGE"};

  private PipelineTable() {
  }

  static List<String[]> rows(List<Step> pipeline) {
    return pipeline.stream().map(step -> new String[] {
        MigrationFormat.nullToEmpty(step.getName()),
        MigrationFormat.stepStatus(step),
        MigrationFormat.time(step.getStarted(), "-"),
        MigrationFormat.time(step.getCompleted(), "-"),
        ObjectDescription.oneLine(MigrationFormat.nullToEmpty(step.getMessage()))}).toList();
  }

  /** The table as text; a note when the controller has not written the pipeline yet. */
  static String text(List<Step> pipeline) {
    if (pipeline.isEmpty()) {
      return "(no pipeline yet: the controller has not picked the migration up)\n";
    }
    return MigrationFormat.table(HEADERS, rows(pipeline));
  }
}
