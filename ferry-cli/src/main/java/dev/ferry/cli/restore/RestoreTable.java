package dev.ferry.cli.restore;

import dev.ferry.api.velero.restore.Restore;
import dev.ferry.api.velero.restore.RestorePhase;
import dev.ferry.cli.output.VeleroFormat;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** The rows of {@code ferry restore get}, as {@code velero restore get} prints them (newest first). */
public final class RestoreTable {
  public static final String[] HEADERS = {"NAME", "BACKUP", "STATUS", "STARTED", "COMPLETED", "ERRORS", "WARNINGS", "CREATED",
      "SELECTOR"};

  private RestoreTable() {
  }

  public static List<String[]> rows(List<Restore> restores) {
    return restores.stream().sorted(Comparator.comparing(
            (Restore r) -> VeleroFormat.instant(r.getMetadata().getCreationTimestamp()),
            Comparator.nullsLast(Comparator.<Instant>reverseOrder()))
            .thenComparing(r -> r.getMetadata().getName()))
        .map(RestoreTable::row).toList();
  }

  static String[] row(Restore restore) {
    var status = restore.getStatus();
    var spec = restore.getSpec();
    String phase = status == null || status.getPhase() == null ? RestorePhase.NEW.value() : status.getPhase().value();
    return new String[] {
        restore.getMetadata().getName(),
        spec == null || spec.getBackupName() == null ? "" : spec.getBackupName(),
        phase,
        VeleroFormat.time(status == null ? null : status.getStartTimestamp(), "<n/a>"),
        VeleroFormat.time(status == null ? null : status.getCompletionTimestamp(), "<n/a>"),
        String.valueOf(status == null ? 0 : VeleroFormat.count(status.getErrors())),
        String.valueOf(status == null ? 0 : VeleroFormat.count(status.getWarnings())),
        VeleroFormat.time(restore.getMetadata().getCreationTimestamp(), "<n/a>"),
        VeleroFormat.selector(spec == null ? null : spec.getLabelSelector())};
  }
}
