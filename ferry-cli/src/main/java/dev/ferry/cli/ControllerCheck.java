package dev.ferry.cli;

import dev.ferry.controller.ControllerLease;
import dev.ferry.controller.ControllerPresence;
import dev.ferry.controller.FerryOperator;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.function.IntSupplier;

/**
 * Before a command hands work to a controller, whether one is there to do it (its Lease): a
 * migration nobody reconciles would be followed forever. And before the CLI runs the controller
 * in-process, whether another already acts on the namespace (two would race on one migration).
 */
public final class ControllerCheck {
  private ControllerCheck() {
  }

  /**
   * With {@code wait}, refuses when no controller runs (the wait would never end); without, warns
   * on {@code err} after the object is created.
   */
  public static boolean controllerRuns(KubernetesClient client, String namespace, boolean wait, String what) {
    ControllerPresence presence = ControllerPresence.of(client, namespace, Clock.systemUTC());
    if (presence.running()) {
      return true;
    }
    String why = "no Ferry controller is running for namespace " + namespace + " (its Lease "
        + ControllerLease.NAME + " is " + (presence.sinceRenewal() == null ? "absent"
        : "stale: last renewed " + presence.sinceRenewal().toSeconds() + "s ago by " + presence.holder()) + ")";
    if (wait) {
      throw new UserError(why + ", so the " + what + " would never start; run the command again with --in-process "
          + "(the controller then runs in this process), or start one (ferry controller, or kubectl apply -f deploy/)");
    }
    return false;
  }

  public static void warnNoController(PrintWriter err, String namespace, String what) {
    err.println("ferry: note: no Ferry controller is running for namespace " + namespace + "; the " + what
        + " waits until one starts (or run the command with --in-process)");
  }

  /** Refuses to run in-process when another live controller holds the namespace. */
  public static void noOtherController(KubernetesClient client, String namespace) {
    ControllerPresence presence = ControllerPresence.of(client, namespace, Clock.systemUTC());
    if (presence.running() && !"unknown".equals(presence.holder())
        && !ControllerLease.identity().equals(presence.holder())) {
      throw new UserError("a Ferry controller (" + presence.holder() + ") is already running for namespace "
          + namespace + "; drop --in-process and let it do the work (two controllers would race on one migration)");
    }
  }

  /** Runs the controller in this process while {@code work} runs. */
  public static int inProcess(KubernetesClient client, String namespace, IntSupplier work) {
    noOtherController(client, namespace);
    System.out.println("Running Ferry's controller in this process (namespace " + namespace
        + ") until the migration ends.");
    try (var logFile = dev.ferry.cli.logs.ControllerLogFile.attach();
         FerryOperator controller = new FerryOperator(client, namespace, Clock.systemUTC()).start()) {
      return work.getAsInt();
    }
  }
}
