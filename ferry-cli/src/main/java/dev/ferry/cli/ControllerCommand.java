package dev.ferry.cli;

import dev.ferry.controller.metrics.ControllerMetrics;
import dev.ferry.controller.metrics.MeteredClients;
import dev.ferry.controller.metrics.MetricsServer;
import ch.qos.logback.classic.Level;
import dev.ferry.api.Crds;
import dev.ferry.controller.FerryOperator;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code ferry controller}: runs Ferry's operator (every reconciler: Velero Backup, Restore and
 * BackupStorageLocation, and the migration kinds) against the chosen cluster until SIGTERM or
 * Ctrl-C, then stops it cleanly.
 */
@Command(name = "controller", description = "Run the Ferry controller against the cluster until interrupted.")
public class ControllerCommand implements Callable<Integer> {
  private static final long SHUTDOWN_GRACE_SECONDS = 30;

  @ParentCommand
  FerryCommand root;

  @Option(names = {"-n", "--namespace"}, paramLabel = "NS", defaultValue = FerryOperator.DEFAULT_NAMESPACE,
      description = "Namespace whose Ferry and Velero objects it processes (default: ${DEFAULT-VALUE}).")
  String namespace;

  @Option(names = "--metrics-bind-address", paramLabel = "[HOST]:PORT", defaultValue = ":8080",
      description = "Where /metrics and /healthz listen (default ${DEFAULT-VALUE}: every interface, as in a pod; "
          + "e.g. 127.0.0.1:8095 beside an out-of-cluster Velero, whose metrics hold :8080). Port 0 turns them off.")
  String metricsBindAddress;

  @Option(names = "--metrics-port", paramLabel = "PORT",
      description = "Port of --metrics-bind-address (kept for existing scripts); 0 turns metrics off.")
  Integer metricsPort;

  @Override
  public Integer call() throws InterruptedException {
    // The controller's own progress is what the user wants to see here, unlike other commands.
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("dev.ferry")).setLevel(Level.INFO);
    CountDownLatch stop = new CountDownLatch(1);
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      stop.countDown();
      awaitQuietly(stopped); // keep the JVM alive until the operator has let go of its watches
    }, "ferry-controller-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    ControllerMetrics metrics = new ControllerMetrics();
    try (var logFile = inPod() ? null : dev.ferry.cli.logs.ControllerLogFile.attach();
         KubernetesClient client = MeteredClients.build(root.connection().config(), metrics);
         MetricsServer metricsServer = startMetrics(metrics)) {
      requireCrds(client);
      FerryOperator operator = new FerryOperator(client, namespace, Clock.systemUTC(), metrics);
      try {
        operator.start();
        System.out.println("ferry controller ready: watching namespace " + namespace + " of "
            + client.getMasterUrl() + (metricsServer == null ? ", metrics off"
            : ", metrics on " + metricsServer.address() + "/metrics") + " (Ctrl-C to stop)");
        stop.await();
      } finally {
        stopQuietly(operator);
      }
      System.out.println("ferry controller stopped");
      return 0;
    } finally {
      stopped.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is what is stopping us
      }
    }
  }

  /** In a pod the container's output is the log (kubectl logs); a file there would only fill the disk. */
  private static boolean inPod() {
    return System.getenv("KUBERNETES_SERVICE_HOST") != null;
  }

  /** The metrics listener where the user said, or null when its port is 0 (off). */
  private MetricsServer startMetrics(ControllerMetrics metrics) {
    java.net.InetSocketAddress address = MetricsAddress.parse(metricsBindAddress, metricsPort);
    return address == null ? null : MetricsServer.start(metrics, address);
  }

  /**
   * Reports a failure to stop here rather than through picocli: once {@code stopped} is
   * released, the JVM may halt before an exception thrown from here is printed.
   */
  private void stopQuietly(FerryOperator operator) {
    try {
      operator.close();
    } catch (RuntimeException e) {
      System.err.println("ferry: error: stopping the controller: " + CliErrors.describe(e));
      if (root.debug) {
        e.printStackTrace();
      }
    }
  }

  private static void requireCrds(KubernetesClient client) {
    // The reconcilers watch Ferry's kinds; without their CRDs the operator cannot start.
    for (CustomResourceDefinition expected : Crds.definitions()) {
      String name = expected.getMetadata().getName();
      if (client.apiextensions().v1().customResourceDefinitions().withName(name).get() == null) {
        throw new UserError("CRD " + name + " is not installed on this cluster; install Ferry's CRDs with: "
            + "ferry crds install");
      }
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(SHUTDOWN_GRACE_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
