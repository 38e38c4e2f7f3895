package dev.ferry.controller.itinerary;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an itinerary from the phase stored in the resource's status, one phase after another,
 * until a phase waits (the reconciler requeues), fails, or the last one is done. The status is
 * written only through a {@link Journal}, so the engine knows nothing of any resource kind.
 *
 * <p>A stored phase or itinerary this controller does not know is a failure with a message that
 * says so; it never restarts the run from the beginning (that would quiesce, back up or copy
 * again behind the user's back). A failed phase runs the itinerary's failure itinerary once,
 * then the journal records the failure; problems in the failure itinerary are added to the
 * reason rather than hidden.
 */
public final class ItineraryRunner<C> {
  private static final Logger LOG = LoggerFactory.getLogger(ItineraryRunner.class);

  /** Where a run keeps its position and reports its progress: the resource's status. */
  public interface Journal<C> {
    /** {@code status.phase} as stored, or null before the first phase. */
    String storedPhase();

    /** {@code phase} is about to run: store its name (and show it in conditions or a pipeline). */
    void entering(Itinerary<C> itinerary, Phase<C> phase);

    /** Saves the position now, so that a controller stopping during the phase resumes there. */
    default void save() {
    }

    default void waiting(Phase<C> phase, String waitingFor) {
    }

    void completed(Itinerary<C> itinerary);

    void failed(Failure failure);
  }

  /** Turns an exception a phase threw into its result (or rethrows it for the reconciler's retry). */
  @FunctionalInterface
  public interface ErrorPolicy<C> {
    PhaseResult onError(Phase<C> phase, RuntimeException error);

    /** Every exception fails the phase; a cluster's refusal is reported by its own message. */
    static <C> ErrorPolicy<C> failPhase() {
      return (phase, error) -> {
        if (!(error instanceof KubernetesClientException)) {
          LOG.warn("phase {} failed", phase.name(), error);
        }
        return PhaseResult.fail(phase.name() + ": " + StatusPatches.message(error));
      };
    }
  }

  /** Why a run stopped for good. {@code step} is null when no known phase was running. */
  public record Failure(String itinerary, String phase, String step, String reason) {
  }

  /** How a call of {@link #run} ended. */
  public sealed interface Outcome {
    record Completed() implements Outcome {
    }

    record Waiting(Duration after) implements Outcome {
    }

    record Failed(Failure failure) implements Outcome {
    }
  }

  private final ErrorPolicy<C> errors;

  public ItineraryRunner(ErrorPolicy<C> errors) {
    this.errors = errors;
  }

  public ItineraryRunner() {
    this(ErrorPolicy.failPhase());
  }

  /** Looks the stored itinerary up in {@code table}; an unknown name fails the run. */
  public Outcome run(ItineraryTable<C> table, String itineraryName, C context, Journal<C> journal) {
    Optional<Itinerary<C>> itinerary = table.named(itineraryName);
    if (itinerary.isEmpty()) {
      Failure failure = new Failure(itineraryName, journal.storedPhase(), null, table.kind() + " itinerary '"
          + itineraryName + "' is not one this controller knows (it knows " + table.itineraries().stream()
          .map(Itinerary::name).toList() + "); it was written by another version of the controller or by hand, "
          + "so the run cannot resume — create a new " + table.kind());
      journal.failed(failure);
      return new Outcome.Failed(failure);
    }
    return run(itinerary.get(), context, journal);
  }

  public Outcome run(Itinerary<C> itinerary, C context, Journal<C> journal) {
    String stored = journal.storedPhase();
    Optional<Phase<C>> current = stored == null ? Optional.of(itinerary.first()) : itinerary.phase(stored);
    if (current.isEmpty()) {
      return fail(itinerary, new Failure(itinerary.name(), stored, null, "stored phase '" + stored
          + "' is not a phase of itinerary " + itinerary.name() + " " + itinerary.phaseNames()
          + "; it was written by another version of the controller or by hand, so the run cannot resume — "
          + "create a new one"), context, journal);
    }
    Phase<C> phase = current.get();
    while (true) {
      if (!phase.name().equals(journal.storedPhase())) {
        LOG.info("{} phase {} (step {})", itinerary.name(), phase.name(), phase.step());
      }
      journal.entering(itinerary, phase);
      journal.save();
      PhaseResult result = runOne(phase, context);
      if (result instanceof PhaseResult.Requeue requeue) {
        journal.waiting(phase, requeue.waitingFor());
        return new Outcome.Waiting(requeue.after());
      }
      if (result instanceof PhaseResult.Fail fail) {
        return fail(itinerary, new Failure(itinerary.name(), phase.name(), phase.step(), fail.reason()), context,
            journal);
      }
      Optional<Phase<C>> next = itinerary.after(phase);
      if (next.isEmpty()) {
        LOG.info("{} completed", itinerary.name());
        journal.completed(itinerary);
        return new Outcome.Completed();
      }
      phase = next.get();
    }
  }

  /**
   * Fails the run outside of any phase (the resource cannot be carried out as specified): runs
   * the failure itinerary, then records the failure.
   */
  public Outcome fail(Itinerary<C> itinerary, Failure failure, C context, Journal<C> journal) {
    String reason = failure.reason();
    Itinerary<C> cleanup = itinerary == null ? null : itinerary.onFailure();
    if (cleanup != null) {
      for (Phase<C> phase : cleanup.phases()) {
        LOG.info("{} failed in {}: running {} of failure itinerary {}", failure.itinerary(), failure.phase(),
            phase.name(), cleanup.name());
        PhaseResult result = runOne(phase, context);
        if (result instanceof PhaseResult.Fail fail) {
          reason = reason + " (and " + fail.reason() + ")";
        } else if (result instanceof PhaseResult.Requeue requeue) {
          // The failure itinerary runs once, inside the reconcile that saw the failure.
          reason = reason + " (and " + phase.name() + " did not finish: it was waiting for "
              + requeue.waitingFor() + ")";
        }
      }
    }
    Failure recorded = new Failure(failure.itinerary(), failure.phase(), failure.step(), reason);
    LOG.warn("{} failed in phase {}: {}", failure.itinerary(), failure.phase(), reason);
    journal.failed(recorded);
    return new Outcome.Failed(recorded);
  }

  private PhaseResult runOne(Phase<C> phase, C context) {
    try {
      PhaseResult result = phase.run(context);
      if (result == null) {
        throw new IllegalStateException("phase " + phase.name() + " returned no result");
      }
      return result;
    } catch (RuntimeException e) {
      return errors.onError(phase, e);
    }
  }
}
