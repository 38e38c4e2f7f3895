package dev.ferry.controller.metrics;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * Who is making the Kubernetes API requests on this thread: the {@code component} (sub-controller,
 * e.g. {@code MigPlan}) and {@code function} (e.g. {@code (*ReconcileMigPlan).Reconcile}) labels of
 * {@code mtc_client_request_*}. Reconcilers open a scope around their work; requests made outside
 * any scope (informers' list/watch, JOSDK's status patches) count as {@link #DEFAULT}.
 *
 * <pre>{@code
 * try (var scope = RequestAttribution.open("MigPlan", "(*ReconcileMigPlan).Reconcile")) {
 *   client.secrets().inNamespace(ns).withName(name).get();
 * }
 * }</pre>
 *
 * <p>The attribution is read on the thread that sends the request, which for fabric8 is the
 * caller's thread for the first attempt.
 */
public final class RequestAttribution {
  /** Requests nobody claimed: in practice the operator's informers. */
  public static final Attribution DEFAULT = new Attribution("Operator", "informer");

  private static final ThreadLocal<Attribution> CURRENT = new ThreadLocal<>();

  private RequestAttribution() {
  }

  /** The component and function labels of a request. */
  public record Attribution(String component, String function) {
    public Attribution {
      Objects.requireNonNull(component, "component");
      Objects.requireNonNull(function, "function");
    }
  }

  /** Restores the attribution that was in force when the scope was opened. */
  public static final class Scope implements AutoCloseable {
    private final Attribution previous;
    private boolean closed;

    private Scope(Attribution previous) {
      this.previous = previous;
    }

    @Override
    public void close() {
      if (closed) {
        return;
      }
      closed = true;
      if (previous == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previous);
      }
    }
  }

  /** Attributes this thread's requests to {@code component}/{@code function} until the scope closes. */
  public static Scope open(String component, String function) {
    Attribution previous = CURRENT.get();
    CURRENT.set(new Attribution(component, function));
    return new Scope(previous);
  }

  public static void run(String component, String function, Runnable work) {
    try (Scope ignored = open(component, function)) {
      work.run();
    }
  }

  public static <T> T call(String component, String function, Supplier<T> work) {
    try (Scope ignored = open(component, function)) {
      return work.get();
    }
  }

  /** This thread's attribution, or {@link #DEFAULT}. */
  public static Attribution current() {
    Attribution current = CURRENT.get();
    return current == null ? DEFAULT : current;
  }
}
