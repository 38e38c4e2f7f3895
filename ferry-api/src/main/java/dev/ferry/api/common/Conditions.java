package dev.ferry.api.common;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Maintains a list of {@link Condition}s the way MTC does.
 *
 * <p>{@link #set} adds a condition or replaces the one of the same type, keeping its
 * {@code lastTransitionTime} when status, reason, category and message are unchanged.
 *
 * <p>Re-validation uses staging: {@link #beginStaging()} marks every condition un-staged (durable
 * ones stay staged), each {@link #set} or {@link #stage} during validation stages its type, and
 * {@link #endStaging()} removes every condition still un-staged. While staging, lookups ignore
 * un-staged conditions, so a stale condition from the previous pass does not count, and
 * {@link #clear} only un-stages (so a condition set again later in the same pass keeps its time).
 */
public final class Conditions {

  private final Supplier<List<Condition>> getter;
  private final Consumer<List<Condition>> setter;
  private Clock clock;
  private boolean staging;
  private final Set<String> staged = new HashSet<>();

  /** A helper over the list read by {@code getter}; a new list is stored with {@code setter} when needed. */
  public Conditions(Supplier<List<Condition>> getter, Consumer<List<Condition>> setter, Clock clock) {
    this.getter = Objects.requireNonNull(getter);
    this.setter = Objects.requireNonNull(setter);
    this.clock = Objects.requireNonNull(clock);
  }

  /** A helper working directly on a mutable list. */
  public static Conditions of(List<Condition> list, Clock clock) {
    return new Conditions(() -> list, replacement -> {
      if (replacement != list) {
        list.clear();
        list.addAll(replacement);
      }
    }, clock);
  }

  /** Stamps later transitions with this clock. */
  public void useClock(Clock clock) {
    this.clock = Objects.requireNonNull(clock);
  }

  /** The conditions (all of them, staged or not), never null; changes to it are not allowed. */
  public List<Condition> list() {
    List<Condition> list = getter.get();
    return list == null ? List.of() : Collections.unmodifiableList(list);
  }

  private List<Condition> mutableList() {
    List<Condition> list = getter.get();
    if (list == null) {
      list = new ArrayList<>();
      setter.accept(list);
    }
    return list;
  }

  private Condition raw(String type) {
    List<Condition> list = getter.get();
    if (list != null) {
      for (Condition c : list) {
        if (Objects.equals(c.getType(), type)) {
          return c;
        }
      }
    }
    return null;
  }

  private boolean visible(Condition c) {
    return !staging || staged.contains(c.getType());
  }

  /**
   * Adds the condition, or updates the one of the same type. The stored condition is a copy; it gets
   * a new lastTransitionTime when it is new or its status, reason, category or message changed.
   * Returns the stored condition.
   */
  public Condition set(Condition condition) {
    Objects.requireNonNull(condition.getType(), "condition type");
    staged.add(condition.getType());
    Condition found = raw(condition.getType());
    if (found == null) {
      Condition added = condition.copy();
      if (added.getStatus() == null) {
        added.setStatus(Condition.TRUE);
      }
      added.setLastTransitionTime(Times.now(clock));
      mutableList().add(added);
      return added;
    }
    String status = condition.getStatus() == null ? Condition.TRUE : condition.getStatus();
    boolean changed = !Objects.equals(found.getStatus(), status)
        || !Objects.equals(found.getReason(), condition.getReason())
        || !Objects.equals(found.getCategory(), condition.getCategory())
        || !Objects.equals(found.getMessage(), condition.getMessage());
    found.setStatus(status);
    found.setReason(condition.getReason());
    found.setCategory(condition.getCategory());
    found.setMessage(condition.getMessage());
    found.setDurable(condition.getDurable());
    found.setItems(condition.getItems() == null ? null : new ArrayList<>(condition.getItems()));
    if (changed || found.getLastTransitionTime() == null) {
      found.setLastTransitionTime(Times.now(clock));
    }
    return found;
  }

  /** Sets a condition with status True. */
  public Condition set(String type, Category category, String reason, String message) {
    return set(Condition.of(type, category, reason, message));
  }

  /** The condition of this type (while staging: only if staged). */
  public Optional<Condition> find(String type) {
    Condition c = raw(type);
    return c != null && visible(c) ? Optional.of(c) : Optional.empty();
  }

  /** Whether a condition of this type exists with status True. */
  public boolean has(String type) {
    return find(type).map(Condition::holds).orElse(false);
  }

  /** Whether any of these types exists with status True. */
  public boolean hasAny(String... types) {
    return Arrays.stream(types).anyMatch(this::has);
  }

  /** Whether every one of these types exists with status True (false for no types). */
  public boolean hasAll(String... types) {
    return types.length > 0 && Arrays.stream(types).allMatch(this::has);
  }

  /** The conditions with status True in any of these categories. */
  public List<Condition> withCategory(Category... categories) {
    Set<Category> wanted = Set.of(categories);
    List<Condition> out = new ArrayList<>();
    for (Condition c : list()) {
      if (visible(c) && c.holds() && wanted.contains(c.getCategory())) {
        out.add(c);
      }
    }
    return out;
  }

  /** Whether a condition with status True has any of these categories. */
  public boolean hasCategory(Category... categories) {
    return !withCategory(categories).isEmpty();
  }

  /** Whether a Critical condition holds: reconciliation must not go on. */
  public boolean hasBlocker() {
    return hasCategory(Category.CRITICAL);
  }

  /** Whether a Critical or Error condition holds: the resource is not Ready. */
  public boolean hasErrors() {
    return hasCategory(Category.CRITICAL, Category.ERROR);
  }

  /** Whether a Warn condition holds. */
  public boolean hasWarnings() {
    return hasCategory(Category.WARN);
  }

  /**
   * Removes the conditions of these types. While staging they are only un-staged: they disappear at
   * {@link #endStaging()} unless set again.
   */
  public void clear(String... types) {
    List<String> targets = Arrays.asList(types);
    if (staging) {
      staged.removeAll(targets);
      return;
    }
    List<Condition> list = getter.get();
    if (list != null) {
      list.removeIf(c -> targets.contains(c.getType()));
    }
  }

  /** Keeps existing conditions of these types through the current staging pass without changing them. */
  public void stage(String... types) {
    for (String type : types) {
      if (raw(type) != null) {
        staged.add(type);
      }
    }
  }

  /** Starts a validation pass: every condition is un-staged except durable ones. */
  public void beginStaging() {
    staging = true;
    staged.clear();
    for (Condition c : list()) {
      if (c.durable()) {
        staged.add(c.getType());
      }
    }
  }

  /** Ends a validation pass: removes every condition that was not staged. */
  public void endStaging() {
    staging = false;
    List<Condition> list = getter.get();
    if (list != null) {
      list.removeIf(c -> !staged.contains(c.getType()));
    }
    staged.clear();
  }

  /** Whether a validation pass is under way. */
  public boolean staging() {
    return staging;
  }

  /** Sets Ready (category Required) with the message, or clears it. */
  public void setReady(boolean ready, String message) {
    if (ready) {
      set(Condition.READY, Category.REQUIRED, null, message);
    } else {
      clear(Condition.READY);
    }
  }

  /** Whether Ready holds. */
  public boolean ready() {
    return has(Condition.READY);
  }
}
