package dev.ferry.controller.itinerary;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The ordered phases of one kind of run, stored by name in {@code status.itinerary}, and the
 * failure itinerary run once when one of them fails (cleanup that must happen before the
 * resource reports Failed, e.g. starting a quiesced source application again).
 *
 * @param onFailure the failure itinerary, or null when a failure needs no cleanup
 */
public record Itinerary<C>(String name, List<Phase<C>> phases, Itinerary<C> onFailure) {
  public Itinerary {
    Objects.requireNonNull(name, "name");
    phases = List.copyOf(phases);
    if (phases.isEmpty()) {
      throw new IllegalArgumentException("itinerary " + name + " has no phases");
    }
    long distinct = phases.stream().map(Phase::name).distinct().count();
    if (distinct != phases.size()) {
      throw new IllegalArgumentException("itinerary " + name + " names a phase twice: " + phaseNames(phases));
    }
  }

  public Itinerary(String name, List<Phase<C>> phases) {
    this(name, phases, null);
  }

  @SafeVarargs
  public static <C> Itinerary<C> of(String name, Phase<C>... phases) {
    return new Itinerary<>(name, List.of(phases));
  }

  /** The same phases, with {@code failure} run once when one of them fails. */
  public Itinerary<C> failingWith(Itinerary<C> failure) {
    return new Itinerary<>(name, phases, failure);
  }

  public Phase<C> first() {
    return phases.get(0);
  }

  public Optional<Phase<C>> phase(String phaseName) {
    return phases.stream().filter(p -> p.name().equals(phaseName)).findFirst();
  }

  public Optional<Phase<C>> after(Phase<C> phase) {
    int index = phases.indexOf(phase);
    return index >= 0 && index + 1 < phases.size() ? Optional.of(phases.get(index + 1)) : Optional.empty();
  }

  /** 1-based position of {@code phase}, for "Step: 3/13". */
  public int position(Phase<C> phase) {
    return phases.indexOf(phase) + 1;
  }

  /** Pipeline steps in order of first appearance. */
  public List<String> steps() {
    return phases.stream().map(Phase::step).distinct().toList();
  }

  public List<String> phaseNames() {
    return phaseNames(phases);
  }

  private static <C> List<String> phaseNames(List<Phase<C>> phases) {
    return phases.stream().map(Phase::name).toList();
  }

  @Override
  public String toString() {
    return name + phaseNames() + (onFailure == null ? "" : " failing with " + onFailure);
  }
}
