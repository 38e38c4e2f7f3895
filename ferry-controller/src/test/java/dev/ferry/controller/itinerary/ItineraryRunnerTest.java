package dev.ferry.controller.itinerary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ItineraryRunnerTest {
  /** The context of these tests: what each phase returns, and the phases run so far. */
  static final class Script {
    final Map<String, Function<Script, PhaseResult>> results = new HashMap<>();
    final List<String> ran = new ArrayList<>();
  }

  record Step(String name, String step) implements Phase<Script> {
    @Override
    public PhaseResult run(Script script) {
      script.ran.add(name);
      return script.results.getOrDefault(name, s -> PhaseResult.done()).apply(script);
    }
  }

  /** A status: the stored phase and what the runner wrote. */
  static final class Recorder implements ItineraryRunner.Journal<Script> {
    String phase;
    final List<String> events = new ArrayList<>();
    ItineraryRunner.Failure failure;

    @Override
    public String storedPhase() {
      return phase;
    }

    @Override
    public void entering(Itinerary<Script> itinerary, Phase<Script> p) {
      phase = p.name();
      events.add("enter " + p.name() + " " + itinerary.position(p) + "/" + itinerary.phases().size());
    }

    @Override
    public void save() {
      events.add("save " + phase);
    }

    @Override
    public void waiting(Phase<Script> p, String waitingFor) {
      events.add("wait " + p.name() + ": " + waitingFor);
    }

    @Override
    public void completed(Itinerary<Script> itinerary) {
      phase = "Completed";
      events.add("completed " + itinerary.name());
    }

    @Override
    public void failed(ItineraryRunner.Failure f) {
      phase = "Failed";
      failure = f;
      events.add("failed " + f.phase());
    }
  }

  private static final Itinerary<Script> CLEANUP = Itinerary.of("Failed", new Step("Cleanup", "Failed"));
  private static final Itinerary<Script> MAIN = Itinerary.of("Main",
      new Step("Prepare", "One"), new Step("Copy", "Two"), new Step("Verify", "Two")).failingWith(CLEANUP);
  private static final ItineraryTable<Script> TABLE = new ItineraryTable<>("Thing", Set.of("Completed", "Failed"),
      MAIN, Itinerary.of("Other", new Step("Only", "One")));

  private final ItineraryRunner<Script> runner = new ItineraryRunner<>();
  private final Script script = new Script();
  private final Recorder journal = new Recorder();

  @Test
  void runsEveryPhaseInOrderSavingBeforeEach() {
    var outcome = runner.run(TABLE, "Main", script, journal);

    assertThat(outcome).isInstanceOf(ItineraryRunner.Outcome.Completed.class);
    assertThat(script.ran).containsExactly("Prepare", "Copy", "Verify");
    assertThat(journal.events).containsExactly("enter Prepare 1/3", "save Prepare", "enter Copy 2/3", "save Copy",
        "enter Verify 3/3", "save Verify", "completed Main");
  }

  @Test
  void aWaitingPhaseStopsTheRunAndTheNextRunResumesThere() {
    script.results.put("Copy", s -> s.ran.size() < 3 ? PhaseResult.requeue(Duration.ofSeconds(7), "the copy")
        : PhaseResult.done());

    var first = runner.run(TABLE, "Main", script, journal);
    assertThat(first).isEqualTo(new ItineraryRunner.Outcome.Waiting(Duration.ofSeconds(7)));
    assertThat(journal.phase).isEqualTo("Copy");
    assertThat(journal.events).endsWith("wait Copy: the copy");

    var second = runner.run(TABLE, "Main", script, journal);
    assertThat(second).isInstanceOf(ItineraryRunner.Outcome.Completed.class);
    assertThat(script.ran).containsExactly("Prepare", "Copy", "Copy", "Verify");
  }

  @Test
  void aFailedPhaseRunsTheFailureItineraryOnceThenRecordsTheFailure() {
    script.results.put("Copy", s -> PhaseResult.fail("disk full"));

    var outcome = runner.run(TABLE, "Main", script, journal);

    assertThat(script.ran).containsExactly("Prepare", "Copy", "Cleanup");
    assertThat(outcome).isEqualTo(new ItineraryRunner.Outcome.Failed(
        new ItineraryRunner.Failure("Main", "Copy", "Two", "disk full")));
    assertThat(journal.events).endsWith("failed Copy");
    assertThat(journal.phase).isEqualTo("Failed");
  }

  @Test
  void aFailureOfTheFailureItineraryIsAddedToTheReason() {
    script.results.put("Copy", s -> PhaseResult.fail("disk full"));
    script.results.put("Cleanup", s -> PhaseResult.fail("cleanup failed: gone"));

    runner.run(TABLE, "Main", script, journal);

    assertThat(journal.failure.reason()).isEqualTo("disk full (and cleanup failed: gone)");
  }

  @Test
  void anExceptionFailsThePhaseWithTheClustersMessage() {
    script.results.put("Prepare", s -> {
      throw new KubernetesClientException(new StatusBuilder().withCode(403).withMessage("pods is forbidden").build());
    });

    runner.run(TABLE, "Main", script, journal);

    assertThat(journal.failure.reason()).isEqualTo("Prepare: pods is forbidden");
    assertThat(journal.failure.step()).isEqualTo("One");
  }

  @Test
  void anErrorPolicyMayTurnAnExceptionIntoAWait() {
    ItineraryRunner<Script> retrying = new ItineraryRunner<>((phase, error) ->
        PhaseResult.requeue(Duration.ofSeconds(10), "the cluster: " + error.getMessage()));
    script.results.put("Prepare", s -> {
      throw new IllegalStateException("connection refused");
    });

    var outcome = retrying.run(TABLE, "Main", script, journal);

    assertThat(outcome).isEqualTo(new ItineraryRunner.Outcome.Waiting(Duration.ofSeconds(10)));
    assertThat(journal.events).endsWith("wait Prepare: the cluster: connection refused");
  }

  @Test
  void anUnknownStoredPhaseFailsInsteadOfStartingAgain() {
    journal.phase = "CopyTheMoon";

    var outcome = runner.run(TABLE, "Main", script, journal);

    assertThat(outcome).isInstanceOf(ItineraryRunner.Outcome.Failed.class);
    // Nothing of Main ran again; only the cleanup of a failed run.
    assertThat(script.ran).containsExactly("Cleanup");
    assertThat(journal.failure.phase()).isEqualTo("CopyTheMoon");
    assertThat(journal.failure.step()).isNull();
    assertThat(journal.failure.reason()).contains("stored phase 'CopyTheMoon' is not a phase of itinerary Main")
        .contains("[Prepare, Copy, Verify]").contains("create a new one");
  }

  @Test
  void anUnknownItineraryFailsInsteadOfFallingBackToAnother() {
    journal.phase = "Prepare";

    var outcome = runner.run(TABLE, "Sideways", script, journal);

    assertThat(outcome).isInstanceOf(ItineraryRunner.Outcome.Failed.class);
    assertThat(script.ran).isEmpty();
    assertThat(journal.failure.reason()).contains("Thing itinerary 'Sideways' is not one this controller knows")
        .contains("[Main, Other]").contains("create a new Thing");
  }

  @Test
  void aNewRunStartsAtTheFirstPhase() {
    runner.run(TABLE, "Other", script, journal);

    assertThat(script.ran).containsExactly("Only");
  }

  @Test
  void theTableKnowsTerminalPhasesAndRejectsAmbiguousItineraries() {
    assertThat(TABLE.isTerminal("Completed")).isTrue();
    assertThat(TABLE.isTerminal("Copy")).isFalse();
    assertThat(TABLE.isTerminal(null)).isFalse();
    assertThatThrownBy(() -> Itinerary.of("Twice", new Step("A", "S"), new Step("A", "S")))
        .hasMessageContaining("names a phase twice");
    assertThatThrownBy(() -> new ItineraryTable<>("Thing", Set.of("Prepare"), MAIN))
        .hasMessageContaining("terminal phase Prepare");
    assertThatThrownBy(() -> new ItineraryTable<>("Thing", Set.of(), MAIN, MAIN))
        .hasMessageContaining("two itineraries named Main");
  }
}
