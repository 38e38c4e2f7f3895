package dev.ferry.cli;

import dev.ferry.cli.kube.CliHttpClients;
import dev.ferry.cli.logs.ControllerLogFile;
import dev.ferry.console.ConsoleApi;
import dev.ferry.console.ConsoleServer;
import dev.ferry.controller.FerryOperator;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.internal.KubeConfigUtils;
import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ferry console}: serves the web console on 127.0.0.1 against the kubeconfig's context (the
 * host cluster), acting with the user's own identity; with --in-process Ferry's reconcilers run in
 * this process too, so nothing needs to be installed on the cluster.
 */
@Command(name = "console",
    description = {"Serve the web console (clusters, repositories, plans, migrations) on 127.0.0.1.",
        "It acts on the host cluster (--context) with your kubeconfig identity; Ctrl-C stops it."})
public class ConsoleCommand implements Callable<Integer> {
  @picocli.CommandLine.ParentCommand
  FerryCommand root;

  @Option(names = "--port", defaultValue = "9090", paramLabel = "PORT",
      description = "Port to listen on (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Option(names = "--address", defaultValue = "127.0.0.1", paramLabel = "ADDR",
      description = "Address to bind (default: ${DEFAULT-VALUE}, this machine only).")
  String address;

  @Option(names = "--open", description = "Open the console in the desktop's browser (xdg-open).")
  boolean open;

  @Option(names = {"-n", "--namespace"}, paramLabel = "NS", defaultValue = FerryOperator.DEFAULT_NAMESPACE,
      description = "Namespace of the Ferry controller and its objects (default: ${DEFAULT-VALUE}).")
  String namespace;

  @Option(names = "--in-process", description = "Also run Ferry's controller in this process (installs the CRDs "
      + "if missing). Do not use it while a controller runs for the namespace.")
  boolean inProcess;

  @Override
  public Integer call() throws Exception {
    if (port < 0 || port > 65535) {
      throw new UserError("--port " + port + " is not a port number (0-65535)");
    }
    Config config = root.connection().config();
    if (config.getFile() == null) {
      throw new UserError("the console needs a kubeconfig file (pass --kubeconfig FILE)");
    }
    io.fabric8.kubernetes.api.model.Config kubeconfig = KubeConfigUtils.parseConfig(config.getFile());
    String context = config.getCurrentContext() == null ? null : config.getCurrentContext().getName();
    try (KubernetesClient client = CliHttpClients.builder().withConfig(config).build()) {
      FerryOperator controller = null;
      // An in-process controller logs to the file View logs (and `ferry logs`) read.
      ControllerLogFile logFile = inProcess ? ControllerLogFile.attach() : null;
      if (inProcess) {
        if (client.apiextensions().v1().customResourceDefinitions().withName("migplans.migration.openshift.io")
            .get() == null) {
          System.out.println("Installing Ferry's CRDs (context " + context + ").");
          new CrdInstaller(client).install(dev.ferry.api.Crds.definitions(), 60);
        }
        Creation.ensureNamespace(client, namespace);
        controller = new FerryOperator(client, namespace, Clock.systemUTC()).start();
        System.out.println("Running Ferry's controller in this process (namespace " + namespace + ").");
      }
      ConsoleServer server;
      ConsoleApi api = new ConsoleApi(client, namespace, kubeconfig, context, Clock.systemUTC())
          .withLogDir(ControllerLogFile.directory());
      try {
        server = ConsoleServer.start(api, address, port);
      } catch (IOException e) {
        api.close();
        throw new UserError("cannot listen on " + address + ":" + port + ": " + e.getMessage()
            + "; pick another --port");
      }
      System.out.println("Ferry console: " + server.url() + " (context " + context + ", namespace " + namespace
          + "); Ctrl-C stops it.");
      if (open) {
        try {
          new ProcessBuilder("xdg-open", server.url()).inheritIO().start();
        } catch (IOException e) {
          System.err.println("ferry: cannot open a browser (" + e.getMessage() + "); open " + server.url());
        }
      }
      CountDownLatch stopped = new CountDownLatch(1);
      FerryOperator running = controller;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        server.close();
        api.close();
        if (running != null) {
          running.close();
        }
        if (logFile != null) {
          logFile.close();
        }
        stopped.countDown();
      }, "ferry-console-stop"));
      stopped.await();
      return 0;
    }
  }
}
