package dev.ferry.controller.itinerary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.api.migration.migration.Step;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class PipelineTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

  record P(String name, String step) implements Phase<Void> {
    @Override
    public PhaseResult run(Void context) {
      return PhaseResult.done();
    }
  }

  private static final Itinerary<Void> ITINERARY = Itinerary.of("I", new P("A", "Prepare"), new P("B", "Backup"),
      new P("C", "Backup"), new P("D", "Restore"));

  @Test
  void oneStepPerDistinctStepNameNoneStarted() {
    List<Step> pipeline = Pipeline.init(null, ITINERARY);

    assertThat(pipeline).extracting(Step::getName).containsExactly("Prepare", "Backup", "Restore");
    assertThat(pipeline).extracting(Step::getMessage).containsOnly("Not started");
    assertThat(Pipeline.init(pipeline, ITINERARY)).isSameAs(pipeline);
  }

  @Test
  void enteringAStepCompletesTheEarlierOnes() {
    List<Step> pipeline = Pipeline.init(null, ITINERARY);

    Pipeline.entering(pipeline, ITINERARY.phases().get(2), CLOCK);

    assertThat(pipeline.get(0).getMessage()).isEqualTo("Completed");
    assertThat(pipeline.get(0).getCompleted()).isEqualTo("2026-01-02T03:04:05Z");
    assertThat(pipeline.get(1).getMessage()).isEqualTo("Running: C");
    assertThat(pipeline.get(1).getPhase()).isEqualTo("C");
    assertThat(pipeline.get(2).getStarted()).isNull();
  }

  @Test
  void aFailureMarksItsStepAndAFailureOutsideAnyStepChangesNothing() {
    List<Step> pipeline = Pipeline.init(null, ITINERARY);

    Pipeline.failed(pipeline, null, "unknown phase", CLOCK);
    assertThat(pipeline).extracting(Step::getFailed).containsOnlyNulls();

    Pipeline.failed(pipeline, "Backup", "disk full", CLOCK);
    assertThat(pipeline.get(1).getFailed()).isTrue();
    assertThat(pipeline.get(1).getMessage()).isEqualTo("Failed: disk full");
  }

  @Test
  void objectCountsOfAStepNeverShowATotalBelowWhatIsDone() {
    List<Step> pipeline = Pipeline.init(null, ITINERARY);

    Pipeline.items(pipeline, "Backup", 12, 40, "Initial Backup ns/b: 12 of 40 objects backed up");
    assertThat(pipeline.get(1).getItemsDone()).isEqualTo(12L);
    assertThat(pipeline.get(1).getItemsTotal()).isEqualTo(40L);
    assertThat(pipeline.get(1).getProgress()).containsExactly("Initial Backup ns/b: 12 of 40 objects backed up");

    Pipeline.items(pipeline, "Backup", 45, 40, null);
    assertThat(pipeline.get(1).getItemsTotal()).isEqualTo(45L);
    assertThat(pipeline.get(1).getProgress()).isNull();
  }
}
