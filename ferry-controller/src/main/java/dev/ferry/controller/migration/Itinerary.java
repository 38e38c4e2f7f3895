package dev.ferry.controller.migration;

import java.util.List;
import java.util.Optional;

/** The ordered phases of one kind of migration, stored by name in {@code status.itinerary}. */
public record Itinerary(String name, List<Phase> phases) {
  public static final String FINAL = "Final";
  public static final String STAGE = "Stage";
  public static final String ROLLBACK = "Rollback";
  public static final String FAILED = "Failed";

  public Optional<Phase> phase(String phaseName) {
    return phases.stream().filter(p -> p.name().equals(phaseName)).findFirst();
  }

  public Optional<Phase> after(Phase phase) {
    int index = phases.indexOf(phase);
    return index + 1 < phases.size() ? Optional.of(phases.get(index + 1)) : Optional.empty();
  }

  /** Pipeline steps in order of first appearance. */
  public List<String> steps() {
    return phases.stream().map(Phase::step).distinct().toList();
  }
}
