package dev.ferry.cli.migration;

import dev.ferry.api.migration.migration.MigMigration;
import dev.ferry.cli.OperationFailed;
import dev.ferry.cli.kube.CompletionWait;
import dev.ferry.cli.output.MigrationFormat;
import dev.ferry.cli.output.ObjectDescription;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.Objects;

/**
 * Follows a migration until its phase is Completed, Failed or Canceled, printing the phase and the
 * pipeline each time either changes. Exit 0 for Completed; anything else is an
 * {@link OperationFailed} (exit 1) naming the reason.
 */
public final class MigrationWatch {
  private final MigrationResources resources;
  private final String name;
  private final PrintStream out;
  private final PrintWriter err;
  private String lastShown;

  public MigrationWatch(MigrationResources resources, String name, PrintStream out, PrintWriter err) {
    this.resources = resources;
    this.name = name;
    this.out = out;
    this.err = err;
  }

  public int follow() {
    MigMigration done = new CompletionWait<>(this::latestAndShow, MigrationFormat::finished,
        m -> MigrationFormat.phase(m).isEmpty())
        .await(() -> err.println("ferry: note: migration " + name + " has no phase after "
            + CompletionWait.NOT_PICKED_UP.toSeconds() + "s; is a Ferry controller running for namespace "
            + resources.namespace() + "? (start one with: ferry controller -n " + resources.namespace() + ", or run the migration with "
            + "'ferry migrate PLAN --in-process')"));
    return outcome(done);
  }

  private MigMigration latestAndShow() {
    MigMigration migration = resources.migrationOrNull(name);
    if (migration == null) {
      throw new OperationFailed("migration " + name + " was deleted while watching it");
    }
    String shown = snapshot(migration);
    if (!Objects.equals(shown, lastShown)) {
      out.print(shown);
      out.println();
      out.flush();
      lastShown = shown;
    }
    return migration;
  }

  /** What one change prints: the phase line and the pipeline table. */
  static String snapshot(MigMigration migration) {
    String phase = MigrationFormat.phase(migration);
    return "Migration " + migration.getMetadata().getName() + ": " + (phase.isEmpty() ? "<not started>" : phase)
        + "\n" + PipelineTable.text(MigrationFormat.pipeline(migration))
        + dev.ferry.cli.progress.StepProgress.text(MigrationFormat.pipeline(migration));
  }

  int outcome(MigMigration migration) {
    String phase = MigrationFormat.phase(migration);
    if (phase.equals(MigrationFormat.COMPLETED)) {
      out.println("Migration " + name + " completed.");
      return 0;
    }
    if (phase.equals(MigrationFormat.CANCELED)) {
      throw new OperationFailed("migration " + name + " was canceled");
    }
    List<String> errors = migration.getStatus() == null || migration.getStatus().getErrors() == null ? List.of()
        : migration.getStatus().getErrors();
    throw new OperationFailed("migration " + name + " failed: " + (errors.isEmpty() ? "no reason recorded"
        : ObjectDescription.oneLine(String.join("; ", errors))) + "; run 'ferry migration describe " + name
        + " -n " + resources.namespace() + "'");
  }
}
