package dev.ferry.cli.migration;

import dev.ferry.api.migration.migration.MigMigration;
import dev.ferry.api.migration.migration.MigMigrationSpec;
import dev.ferry.api.migration.migration.MigMigrationStatus;
import dev.ferry.cli.output.MigrationFormat;
import dev.ferry.cli.output.ObjectDescription;
import dev.ferry.cli.output.TabAligner;
import dev.ferry.cli.output.VeleroFormat;
import java.util.List;

/** {@code ferry migration describe}: plan, type, phase, pipeline, conditions and errors. Pure. */
public final class MigrationDescription {
  private final MigMigration migration;

  MigrationDescription(MigMigration migration) {
    this.migration = migration;
  }

  String text() {
    MigMigrationSpec spec = migration.getSpec() == null ? new MigMigrationSpec() : migration.getSpec();
    MigMigrationStatus status = migration.getStatus() == null ? new MigMigrationStatus() : migration.getStatus();
    TabAligner d = new TabAligner();
    d.printf("Name:\t%s\n", migration.getMetadata().getName());
    d.printf("Namespace:\t%s\n", MigrationFormat.nullToEmpty(migration.getMetadata().getNamespace()));
    d.printf("Plan:\t%s\n", MigrationFormat.plan(migration));
    d.printf("Type:\t%s\n", MigrationFormat.type(migration));
    if (!"rollback".equals(MigrationFormat.type(migration))) {
      d.printf("Quiesce pods:\t%s\n", Boolean.TRUE.equals(spec.getQuiescePods()) ? "yes" : "no");
      d.printf("Verify:\t%s\n", Boolean.TRUE.equals(spec.getVerify()) ? "yes" : "no");
    }
    if (Boolean.TRUE.equals(spec.getCanceled())) {
      d.printf("Canceled:\tyes\n");
    }
    String phase = MigrationFormat.phase(migration);
    d.printf("Phase:\t%s\n", phase.isEmpty() ? "<not started>" : phase);
    d.printf("Itinerary:\t%s\n", status.getItinerary() == null ? VeleroFormat.NONE : status.getItinerary());
    d.printf("Started:\t%s\n", MigrationFormat.time(status.getStartTimestamp(), "<n/a>"));
    StringBuilder out = new StringBuilder(d.aligned());
    out.append("\nPipeline:\n").append(MigrationFormat.indent(PipelineTable.text(MigrationFormat.pipeline(migration))));
    out.append("\nConditions:\n").append(MigrationFormat.conditions(status.getConditions()));
    out.append("\nErrors:\n");
    List<String> errors = status.getErrors() == null ? List.of() : status.getErrors();
    if (errors.isEmpty()) {
      out.append("  ").append(VeleroFormat.NONE).append('\n');
    }
    errors.forEach(e -> out.append("  - ").append(ObjectDescription.oneLine(e)).append('\n'));
    return out.toString();
  }
}
