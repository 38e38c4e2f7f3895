package dev.ferry.controller.migration;

import dev.ferry.controller.itinerary.Phase;
import dev.ferry.controller.itinerary.PhaseResult;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Duration;
import java.util.List;

/**
 * What {@link BackupResources} and {@link RestoreResources} share: the phase is named for the
 * Velero CR it waits on, polls it, and reads a Backup's and a Restore's status the same way
 * (Velero gives both the same failure, partial-failure and progress fields).
 */
abstract class VeleroCrPhase implements Phase<MigrationContext> {
  static final Duration POLL = Duration.ofSeconds(2);
  final VeleroCr which;

  VeleroCrPhase(VeleroCr which) {
    this.which = which;
  }

  @Override
  public final String name() {
    return which.phase;
  }

  @Override
  public final String step() {
    return which.step;
  }

  /** How the waiting and the failure name the CR: "initial backup ns/name". */
  final String id(HasMetadata cr) {
    return which.title + " " + cr.getMetadata().getNamespace() + "/" + cr.getMetadata().getName();
  }

  /** A PartiallyFailed CR: the migration goes on, with a warning condition. */
  final void warnPartiallyFailed(MigrationContext context, HasMetadata cr) {
    // The seed's wording, so users find what MTC's troubleshooting guide describes.
    context.warn(which.partiallyFailedCondition(), "PartiallyFailed",
        which.partiallyFailedMessage(cr.getMetadata().getNamespace(), cr.getMetadata().getName()));
  }

  /**
   * A Failed or FailedValidation CR fails the phase with Velero's reason (else its validation
   * errors) and the command that shows the details ({@code verb} is "backup" or "restore").
   */
  final PhaseResult failed(HasMetadata cr, String phase, String failureReason, List<String> validationErrors,
                           String verb) {
    String why = failureReason != null ? failureReason
        : String.join("; ", validationErrors == null ? List.of() : validationErrors);
    return PhaseResult.fail(id(cr) + " " + phase + " on " + which.where() + ": " + why
        + " (ferry " + verb + " describe " + cr.getMetadata().getName() + " --details)");
  }

  /** ", 3 of 10 items backed up" once the run reports a total, else nothing. */
  static String progress(Integer done, Integer total, String what) {
    return total == null ? "" : ", " + done + " of " + total + " items " + what;
  }
}
