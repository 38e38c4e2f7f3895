package dev.ferry.cli.backup;

import dev.ferry.api.velero.backup.Backup;
import dev.ferry.api.velero.backup.BackupPhase;
import dev.ferry.cli.output.VeleroFormat;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** The rows of {@code ferry backup get}, as {@code velero backup get} prints them (newest first). */
public final class BackupTable {
  static final String[] HEADERS = {"NAME", "STATUS", "ERRORS", "WARNINGS", "CREATED", "EXPIRES", "STORAGE LOCATION",
      "SELECTOR"};

  private BackupTable() {
  }

  static List<String[]> rows(List<Backup> backups, Clock clock) {
    return backups.stream().sorted(Comparator.comparing(BackupTable::created,
            Comparator.nullsLast(Comparator.<Instant>reverseOrder()))
            .thenComparing(b -> b.getMetadata().getName()))
        .map(b -> row(b, clock)).toList();
  }

  static String[] row(Backup backup, Clock clock) {
    var status = backup.getStatus();
    var spec = backup.getSpec();
    String phase = status == null || status.getPhase() == null ? BackupPhase.NEW.value() : status.getPhase().value();
    if (backup.getMetadata().getDeletionTimestamp() != null) {
      phase = BackupPhase.DELETING.value();
    }
    return new String[] {
        backup.getMetadata().getName(),
        phase,
        String.valueOf(status == null ? 0 : VeleroFormat.count(status.getErrors())),
        String.valueOf(status == null ? 0 : VeleroFormat.count(status.getWarnings())),
        VeleroFormat.time(createdText(backup), "<n/a>"),
        VeleroFormat.fromNow(status == null ? null : status.getExpiration(), clock),
        spec == null || spec.getStorageLocation() == null ? "" : spec.getStorageLocation(),
        VeleroFormat.selector(spec == null ? null : spec.getLabelSelector())};
  }

  /** Velero's CREATED is when the backup started; before that, when the CR was created. */
  private static String createdText(Backup backup) {
    var status = backup.getStatus();
    return status != null && status.getStartTimestamp() != null ? status.getStartTimestamp()
        : backup.getMetadata().getCreationTimestamp();
  }

  private static Instant created(Backup backup) {
    return VeleroFormat.instant(createdText(backup));
  }
}
