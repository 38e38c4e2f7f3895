package dev.ferry.controller.itinerary;

import java.time.Duration;

/** What a phase tells the itinerary: go on, try again later, or stop with a reason. */
public sealed interface PhaseResult {
  record Done() implements PhaseResult {
  }

  record Requeue(Duration after, String waitingFor) implements PhaseResult {
  }

  record Fail(String reason) implements PhaseResult {
  }

  static PhaseResult done() {
    return new Done();
  }

  static PhaseResult requeue(Duration after, String waitingFor) {
    return new Requeue(after, waitingFor);
  }

  static PhaseResult fail(String reason) {
    return new Fail(reason);
  }
}
