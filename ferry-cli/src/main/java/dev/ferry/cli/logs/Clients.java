package dev.ferry.cli.logs;

import dev.ferry.cli.kube.CliHttpClients;
import dev.ferry.cli.kube.ClusterConnection;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;

/** The cluster a command in this package talks to: ferry's --kubeconfig/--context, or in a pod without either the pod's service account. */
public final class Clients {
  private Clients() {
  }

  public static KubernetesClient of(CommandSpec spec) {
    CommandSpec root = spec.root();
    Path kubeconfig = root.findOption("--kubeconfig") == null ? null : root.findOption("--kubeconfig").getValue();
    String context = root.findOption("--context") == null ? null : root.findOption("--context").getValue();
    if (kubeconfig == null && context == null && System.getenv("KUBECONFIG") == null
        && System.getenv("KUBERNETES_SERVICE_HOST") != null) {
      return CliHttpClients.builder().build();
    }
    return new ClusterConnection(kubeconfig, context).client();
  }
}
