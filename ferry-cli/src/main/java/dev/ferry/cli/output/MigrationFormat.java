package dev.ferry.cli.output;

import dev.ferry.api.common.Condition;
import dev.ferry.api.migration.migration.MigMigration;
import dev.ferry.api.migration.migration.MigMigrationSpec;
import dev.ferry.api.migration.migration.MigMigrationStatus;
import dev.ferry.api.migration.migration.Step;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** How the migration and plan commands print values: types, step states, times, tables as text. */
public final class MigrationFormat {
  public static final String COMPLETED = "Completed";
  static final String FAILED = "Failed";
  public static final String CANCELED = "Canceled";

  private MigrationFormat() {
  }

  /** stage, cutover or rollback. */
  public static String type(MigMigration migration) {
    MigMigrationSpec spec = migration.getSpec();
    if (spec != null && Boolean.TRUE.equals(spec.getRollback())) {
      return "rollback";
    }
    return spec != null && Boolean.TRUE.equals(spec.getStage()) ? "stage" : "cutover";
  }

  public static String plan(MigMigration migration) {
    return migration.getSpec() == null || migration.getSpec().getMigPlanRef() == null ? ""
        : nullToEmpty(migration.getSpec().getMigPlanRef().getName());
  }

  /** The phase, empty until the controller has picked the migration up. */
  public static String phase(MigMigration migration) {
    return migration.getStatus() == null || migration.getStatus().getPhase() == null ? ""
        : migration.getStatus().getPhase();
  }

  public static boolean finished(MigMigration migration) {
    String phase = phase(migration);
    return phase.equals(COMPLETED) || phase.equals(FAILED) || phase.equals(CANCELED);
  }

  /** Not started, Running, Completed or Failed. */
  public static String stepStatus(Step step) {
    if (Boolean.TRUE.equals(step.getFailed())) {
      return "Failed";
    }
    if (step.getCompleted() != null) {
      return "Completed";
    }
    return step.getStarted() != null ? "Running" : "Not started";
  }

  /** The step being run (or the one that failed); the last step once all completed; empty before. */
  public static String currentStep(MigMigration migration) {
    MigMigrationStatus status = migration.getStatus();
    List<Step> pipeline = status == null || status.getPipeline() == null ? List.of() : status.getPipeline();
    for (Step step : pipeline) {
      String state = stepStatus(step);
      if (state.equals("Running") || state.equals("Failed")) {
        return step.getName();
      }
    }
    if (!pipeline.isEmpty() && pipeline.stream().allMatch(s -> stepStatus(s).equals("Completed"))) {
      return pipeline.get(pipeline.size() - 1).getName();
    }
    return "";
  }

  public static List<Step> pipeline(MigMigration migration) {
    return migration.getStatus() == null || migration.getStatus().getPipeline() == null ? List.of()
        : migration.getStatus().getPipeline();
  }

  /** An RFC 3339 time as {@code 2026-11-28T12:00:00Z}, or {@code ifMissing}. */
  public static String time(String rfc3339, String ifMissing) {
    Instant instant = VeleroFormat.instant(rfc3339);
    return instant == null ? ifMissing : instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  /** The table {@link Printer} prints, as text. */
  public static String table(String[] headers, List<String[]> rows) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      new Printer(out).table(headers, rows);
    }
    return bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
  }

  /** The conditions table of describe: TYPE, CATEGORY, MESSAGE (only conditions that hold). */
  public static String conditions(List<Condition> conditions) {
    List<Condition> holding = conditions == null ? List.of()
        : conditions.stream().filter(c -> c.getStatus() == null || Condition.TRUE.equals(c.getStatus())).toList();
    if (holding.isEmpty()) {
      return "  " + VeleroFormat.NONE + "\n";
    }
    return indent(table(new String[] {"TYPE", "CATEGORY", "MESSAGE"}, holding.stream().map(c -> new String[] {
        nullToEmpty(c.getType()), c.getCategory() == null ? "" : c.getCategory().value(),
        ObjectDescription.oneLine(nullToEmpty(c.getMessage()))}).toList()));
  }

  public static String indent(String text) {
    StringBuilder out = new StringBuilder();
    for (String line : text.split("\n")) {
      out.append(line.isEmpty() ? "" : "  " + line).append('\n');
    }
    return out.toString();
  }

  public static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
