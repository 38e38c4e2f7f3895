package dev.ferry.controller.itinerary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every itinerary a resource kind can follow, by the name stored in {@code status.itinerary},
 * and the terminal phases after which its reconciler does nothing more. One table per kind, so
 * the whole state machine of a kind can be read in one place.
 */
public final class ItineraryTable<C> {
  private final String kind;
  private final Map<String, Itinerary<C>> byName = new LinkedHashMap<>();
  private final Set<String> terminal;

  @SafeVarargs
  public ItineraryTable(String kind, Set<String> terminalPhases, Itinerary<C>... itineraries) {
    this.kind = kind;
    this.terminal = Set.copyOf(terminalPhases);
    for (Itinerary<C> itinerary : itineraries) {
      if (byName.put(itinerary.name(), itinerary) != null) {
        throw new IllegalArgumentException(kind + " has two itineraries named " + itinerary.name());
      }
      for (String phase : itinerary.phaseNames()) {
        if (terminal.contains(phase)) {
          throw new IllegalArgumentException(kind + " itinerary " + itinerary.name() + " uses the terminal phase "
              + phase + " as a running phase");
        }
      }
    }
  }

  public String kind() {
    return kind;
  }

  public Optional<Itinerary<C>> named(String name) {
    return Optional.ofNullable(name == null ? null : byName.get(name));
  }

  public List<Itinerary<C>> itineraries() {
    return new ArrayList<>(byName.values());
  }

  /** True once a phase is one the resource stays in: nothing is left to do. */
  public boolean isTerminal(String phase) {
    return phase != null && terminal.contains(phase);
  }

  public Set<String> terminalPhases() {
    return terminal;
  }
}
