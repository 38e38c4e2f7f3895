package dev.ferry.cli.backup;

import dev.ferry.api.velero.backup.Backup;
import dev.ferry.api.velero.backup.BackupStatus;
import dev.ferry.api.velero.restore.Restore;
import dev.ferry.api.velero.restore.RestoreStatus;
import dev.ferry.cli.OperationFailed;
import dev.ferry.cli.kube.CompletionWait;
import dev.ferry.cli.output.ObjectDescription;
import dev.ferry.cli.output.TabAligner;
import dev.ferry.cli.output.VeleroFormat;
import java.util.List;

/**
 * What {@code --wait} prints once a Backup or Restore is final: the phase line, and for anything
 * but Completed a one-line error (exit 1) with the reason and where to look next.
 */
public final class WaitOutcome {
  private WaitOutcome() {
  }

  /** Final phases: the controller never touches the object again. */
  public static boolean finished(Enum<?> phase) {
    if (phase == null) {
      return false;
    }
    return switch (phase.name()) {
      case "COMPLETED", "PARTIALLY_FAILED", "FAILED", "FAILED_VALIDATION" -> true;
      default -> false;
    };
  }

  public static String notPickedUp(String kind, String name, String namespace) {
    return "ferry: note: " + kind + " " + name + " is still New after " + CompletionWait.NOT_PICKED_UP.toSeconds()
        + "s; is a Ferry controller running for namespace " + namespace + "? (start one with: ferry controller -n "
        + namespace + ")";
  }

  public static int report(Backup backup) {
    BackupStatus s = backup.getStatus();
    return report("backup", backup.getMetadata().getName(), s.getPhase().value(), s.getValidationErrors(),
        s.getFailureReason(), VeleroFormat.count(s.getErrors()), VeleroFormat.count(s.getWarnings()),
        "ferry backup describe " + backup.getMetadata().getName() + " --details");
  }

  public static int report(Restore restore) {
    RestoreStatus s = restore.getStatus();
    return report("restore", restore.getMetadata().getName(), s.getPhase().value(), s.getValidationErrors(),
        s.getFailureReason(), VeleroFormat.count(s.getErrors()), VeleroFormat.count(s.getWarnings()),
        "ferry restore describe " + restore.getMetadata().getName());
  }

  private static int report(String kind, String name, String phase, List<String> validationErrors,
                            String failureReason, int errors, int warnings, String describe) {
    TabAligner line = new TabAligner();
    ObjectDescription.phase(line, phase, kind, name);
    System.out.print(line.aligned());
    if (warnings > 0) {
      System.out.print(new TabAligner().printf("Warnings:\t%d (run '%s' to see them)\n", warnings, describe)
          .aligned());
    }
    return switch (phase) {
      case "Completed" -> 0;
      case "PartiallyFailed" -> throw new OperationFailed(kind + " " + name + " partially failed with " + errors
          + (errors == 1 ? " error" : " errors") + "; run '" + describe + "' and 'ferry " + kind + " logs " + name
          + "'");
      case "FailedValidation" -> throw new OperationFailed(kind + " " + name + " failed validation: "
          + ObjectDescription.oneLine(String.join("; ", validationErrors == null ? List.of() : validationErrors)));
      default -> throw new OperationFailed(kind + " " + name + " failed: "
          + (failureReason == null ? "no reason recorded; run '" + describe + "'"
              : ObjectDescription.oneLine(failureReason)));
    };
  }
}
