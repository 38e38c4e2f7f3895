package dev.ferry.controller.itinerary;

/**
 * One named, idempotent step of an itinerary. Running it again after a controller restart must
 * give the same result without duplicating anything: all its state is in the clusters, the
 * repository and the resource's status.
 *
 * @param <C> what the phase works on: the resolved resource, its clusters and their clients
 */
public interface Phase<C> {
  /** The name stored in {@code status.phase} (MTC's names, kept for compatibility). */
  String name();

  /** The pipeline step it belongs to (Prepare, Backup, DirectVolume, Restore, Cleanup …). */
  String step();

  PhaseResult run(C context);
}
