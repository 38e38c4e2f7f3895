package dev.ferry.controller.volumes;

import dev.ferry.controller.itinerary.Itinerary;
import dev.ferry.controller.itinerary.ItineraryTable;
import dev.ferry.controller.itinerary.Phase;
import dev.ferry.controller.itinerary.PhaseResult;
import java.time.Duration;
import java.util.Set;

/**
 * The state machine of DirectVolumeMigration in one table. Stored phase names are MTC's:
 *
 * <pre>
 * itinerary        phases (stored name)
 * VolumeMigration  CreateDestinationPVCs, WaitForDestinationPVCs, RunRsyncOperations
 * terminal         Succeeded, Failed, Canceled
 * </pre>
 */
final class VolumeMigrationPhases {
  static final String ITINERARY = "VolumeMigration";
  static final String SUCCEEDED = "Succeeded";
  static final String FAILED = "Failed";
  /** Stopped by its MigMigration's cancellation ({@link CancelTransfers}). */
  static final String CANCELED = "Canceled";
  static final Duration POLL = Duration.ofSeconds(2);

  static final Itinerary<VolumeMigrationContext> VOLUME_MIGRATION = Itinerary.of(ITINERARY,
      new CreateDestinationClaims(),
      new WaitForDestinationClaims(),
      new RunTransfers());

  static final ItineraryTable<VolumeMigrationContext> TABLE = new ItineraryTable<>("DirectVolumeMigration",
      Set.of(SUCCEEDED, FAILED, CANCELED), VOLUME_MIGRATION);

  private VolumeMigrationPhases() {
  }

  /** The destination claims (and namespaces), before any data moves. */
  static final class CreateDestinationClaims implements Phase<VolumeMigrationContext> {
    @Override
    public String name() {
      return "CreateDestinationPVCs";
    }

    @Override
    public String step() {
      return "Prepare";
    }

    @Override
    public PhaseResult run(VolumeMigrationContext context) {
      context.claimPairs();
      return PhaseResult.done();
    }
  }

  /** Waits until every destination claim is bound (or binds when the receiver pod uses it). */
  static final class WaitForDestinationClaims implements Phase<VolumeMigrationContext> {
    @Override
    public String name() {
      return "WaitForDestinationPVCs";
    }

    @Override
    public String step() {
      return "Prepare";
    }

    @Override
    public PhaseResult run(VolumeMigrationContext context) {
      var unbound = context.claimPairs().unbound();
      if (unbound.isEmpty()) {
        return PhaseResult.done();
      }
      String waitingFor = "the destination claims to be bound: " + String.join(", ", unbound);
      context.dvm().getStatus().setPhaseDescription("Waiting for " + waitingFor);
      return PhaseResult.requeue(POLL, waitingFor);
    }
  }
}
