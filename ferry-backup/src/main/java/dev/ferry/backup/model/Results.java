package dev.ferry.backup.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Velero's result set (pkg/util/results.Result): messages about Velero itself, about cluster-scoped
 * resources, and per namespace. Serialises exactly as Velero does —
 * {@code {"velero":[..],"cluster":[..],"namespaces":{ns:[..]}}} with empty parts omitted and
 * namespaces in sorted order (Go sorts map keys). Thread-safe: item workers may add concurrently.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"velero", "cluster", "namespaces"})
public final class Results {

  private final List<String> velero = new ArrayList<>();
  private final List<String> cluster = new ArrayList<>();
  private final SortedMap<String, List<String>> namespaces = new TreeMap<>();

  public Results() {
  }

  @JsonCreator
  Results(@JsonProperty("velero") List<String> velero,
      @JsonProperty("cluster") List<String> cluster,
      @JsonProperty("namespaces") Map<String, List<String>> namespaces) {
    if (velero != null) {
      this.velero.addAll(velero);
    }
    if (cluster != null) {
      this.cluster.addAll(cluster);
    }
    if (namespaces != null) {
      namespaces.forEach((ns, messages) -> {
        if (messages != null) {
          messages.forEach(m -> addNamespace(ns, m));
        }
      });
    }
  }

  public synchronized Results addVelero(String message) {
    velero.add(message);
    return this;
  }

  public synchronized Results addCluster(String message) {
    cluster.add(message);
    return this;
  }

  public synchronized Results addNamespace(String namespace, String message) {
    namespaces.computeIfAbsent(namespace, k -> new ArrayList<>()).add(message);
    return this;
  }

  /** Files the message under its namespace, or under cluster when {@code namespace} is null/"". */
  public Results add(String namespace, String message) {
    return namespace == null || namespace.isEmpty()
        ? addCluster(message)
        : addNamespace(namespace, message);
  }

  /** Appends all of {@code other}'s messages to this (like Velero's Result.Merge). */
  public Results merge(Results other) {
    if (other == this) {
      throw new IllegalArgumentException("cannot merge results into themselves");
    }
    Results snapshot = other.copy();
    synchronized (this) {
      velero.addAll(snapshot.velero);
      cluster.addAll(snapshot.cluster);
      snapshot.namespaces.forEach((ns, messages) ->
          namespaces.computeIfAbsent(ns, k -> new ArrayList<>()).addAll(messages));
    }
    return this;
  }

  public synchronized Results copy() {
    return new Results(velero, cluster, namespaces);
  }

  /** Total number of messages — what Velero puts in status.warnings / status.errors. */
  public synchronized int count() {
    int n = velero.size() + cluster.size();
    for (List<String> messages : namespaces.values()) {
      n += messages.size();
    }
    return n;
  }

  @JsonIgnore
  public boolean isEmpty() {
    return count() == 0;
  }

  @JsonGetter("velero")
  public synchronized List<String> velero() {
    return List.copyOf(velero);
  }

  @JsonGetter("cluster")
  public synchronized List<String> cluster() {
    return List.copyOf(cluster);
  }

  @JsonGetter("namespaces")
  public synchronized SortedMap<String, List<String>> namespaces() {
    SortedMap<String, List<String>> copy = new TreeMap<>();
    namespaces.forEach((ns, messages) -> copy.put(ns, List.copyOf(messages)));
    return Collections.unmodifiableSortedMap(copy);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Results other)) {
      return false;
    }
    // Snapshot the other side first: never hold both locks at once.
    Results that = other == this ? this : other.copy();
    synchronized (this) {
      return velero.equals(that.velero) && cluster.equals(that.cluster)
          && namespaces.equals(that.namespaces);
    }
  }

  @Override
  public synchronized int hashCode() {
    return velero.hashCode() * 31 * 31 + cluster.hashCode() * 31 + namespaces.hashCode();
  }

  @Override
  public synchronized String toString() {
    return "Results{velero=" + velero + ", cluster=" + cluster + ", namespaces=" + namespaces + "}";
  }
}
