package dev.ferry.cli;

import dev.ferry.api.Crds;
import dev.ferry.testbed.LocalCluster;
import dev.ferry.testsupport.PlanFixture;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A testbed cluster as the {@code ferry} command meets it: Ferry's CRDs installed as
 * {@code ferry crds install} installs them, the controller's namespace, and a kubeconfig file
 * that every {@link #run} passes.
 */
public record CliCluster(LocalCluster cluster, Path kubeconfig) {

  /** Installs the CRDs and the namespace on {@code cluster} and writes its kubeconfig into {@code dir}. */
  public static CliCluster prepare(LocalCluster cluster, Path dir) {
    installCrds(cluster.client());
    cluster.client().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(PlanFixture.NS)
        .endMetadata().build()).fieldManager("ferry-test").serverSideApply();
    return withKubeconfig(cluster, dir);
  }

  /** Only the kubeconfig file in {@code dir}: for tests that install (or must not find) anything themselves. */
  public static CliCluster withKubeconfig(LocalCluster cluster, Path dir) {
    Path kubeconfig = dir.resolve("kubeconfig");
    cluster.writeKubeconfig(kubeconfig);
    return new CliCluster(cluster, kubeconfig);
  }

  /** Ferry's CRDs (a velero.io CRD another tool installed is left as it is), each established. */
  public static void installCrds(KubernetesClient client) {
    new CrdInstaller(client).install(Crds.definitions(), 60);
  }

  public KubernetesClient client() {
    return cluster.client();
  }

  /** Runs {@code ferry args… --kubeconfig <this cluster's kubeconfig>} in-process. */
  public CliRun run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--kubeconfig");
    all.add(kubeconfig.toString());
    return CliRun.of(all.toArray(String[]::new));
  }
}
