package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.api.Crds;
import dev.ferry.api.migration.plan.MigPlan;
import dev.ferry.testbed.Binaries;
import dev.ferry.testbed.LocalCluster;
import dev.ferry.testbed.Testbed;
import dev.ferry.testbed.TestbedExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The self-contained download: the tarball unpacked into an empty directory runs with no JDK on
 * PATH and no JAVA_HOME — its own runtime, its own jars, its AOT cache — and answers from a real
 * cluster, also as kubectl's plugin.
 */
@ExtendWith(TestbedExtension.class)
class DistributionIT {

  @Test
  void versionRunsOnTheBundledRuntimeWithItsAotCache(@TempDir Path dir) throws Exception {
    UnpackedDistribution dist = UnpackedDistribution.get();
    assertThat(dist.home.resolve("runtime/bin/java")).isExecutable();
    assertThat(dist.home.resolve("deploy/crds")).isDirectory();
    assertThat(dist.home.resolve("deploy/controller.yaml")).isRegularFile();
    try (var jars = Files.list(dist.home.resolve("lib"))) {
      assertThat(jars.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("junit")
          || n.startsWith("opentest4j") || n.startsWith("apiguardian"));
    }

    UnpackedDistribution.Result version = dist.ferry("version");
    assertThat(version.exitCode()).as(version.all()).isZero();
    String runtimeVersion = Files.readAllLines(dist.home.resolve("runtime/release")).stream()
        .filter(l -> l.startsWith("JAVA_VERSION=")).findFirst().orElseThrow()
        .replaceAll("JAVA_VERSION=\"(.*)\"", "$1");
    assertThat(version.out().lines().skip(1).findFirst().orElseThrow().split("\\s+"))
        .containsExactly(System.getProperty("ferry.version"), System.getProperty("ferry.k8s.version"), runtimeVersion);
    assertThat(version.err()).isEmpty();

    // The classes come from the AOT cache made at build time in another directory: it moved along.
    Path classLog = dir.resolve("classes.log");
    UnpackedDistribution.Result logged = dist.run("ferry", List.of(),
        Map.of("FERRY_JAVA_OPTS", "-Xlog:class+load:file=" + classLog), "version");
    assertThat(logged.exitCode()).as(logged.all()).isZero();
    List<String> loaded = Files.readAllLines(classLog);
    assertThat(loaded).anyMatch(l -> l.contains(" dev.ferry.cli.Main source: shared objects file"));
    assertThat(loaded.stream().filter(l -> l.contains("source: shared objects file")).count())
        .isGreaterThan(loaded.size() * 3L / 4);
  }

  @Test
  void crdsPrintWritesTheFifteenCrds() throws Exception {
    UnpackedDistribution.Result crds = UnpackedDistribution.get().ferry("crds", "print");
    assertThat(crds.exitCode()).as(crds.all()).isZero();
    assertThat(crds.out().lines().filter(l -> l.matches("kind: \"?CustomResourceDefinition\"?"))).hasSize(15);
  }

  @Test
  void getListsWhatIsInTheClusterAlsoAsKubectlPlugin(Testbed testbed, @TempDir Path dir) throws Exception {
    UnpackedDistribution dist = UnpackedDistribution.get();
    LocalCluster cluster = testbed.source();
    new CrdInstaller(cluster.client()).install(Crds.definitions(), 60);
    String ns = "dist-" + UUID.randomUUID().toString().substring(0, 6);
    MigPlan plan = MigrationSamples.plan("");
    plan.getMetadata().setName("shop-" + ns);
    plan.getMetadata().setNamespace(ns);
    plan.getMetadata().setCreationTimestamp(null);
    cluster.client().namespaces().resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder()
        .withNewMetadata().withName(ns).endMetadata().build()).create();
    cluster.client().resources(MigPlan.class).inNamespace(ns).resource(plan).create();
    Path kubeconfig = dir.resolve("kubeconfig");
    cluster.writeKubeconfig(kubeconfig);

    UnpackedDistribution.Result get = dist.ferry("plan", "get", "-n", ns, "--kubeconfig", kubeconfig.toString());
    assertThat(get.exitCode()).as(get.all()).isZero();
    assertThat(get.out().lines().map(DistributionIT::firstColumn)).containsExactly("NAME", "shop-" + ns);

    // kubectl finds bin/kubectl-ferry on PATH: `kubectl ferry …` is `ferry …`.
    Path kubectl = Binaries.cacheRoot().resolve("bin/kubernetes-" + System.getProperty("ferry.k8s.version") + "/kubectl");
    assertThat(kubectl).as("kubectl, built by scripts/build-kubectl.sh (from scripts/testbed-binaries.sh)").isExecutable();
    UnpackedDistribution.Result plugin = dist.exec(List.of(kubectl.toString(), "ferry", "plan", "get", "-n", ns,
        "--kubeconfig", kubeconfig.toString()), List.of(dist.home.resolve("bin")), Map.of());
    assertThat(plugin.exitCode()).as(plugin.all()).isZero();
    assertThat(plugin.out().lines().map(DistributionIT::firstColumn))
        .containsExactly("NAME", "shop-" + ns);
  }

  /**
   * version, get and describe run on the launcher's short class path (bin/ferry): each kind's get
   * and describe must find every class it needs there, and none of them loads the testbed's.
   */
  @Test
  void quickCommandsNeedOnlyTheShortClassPath(Testbed testbed, @TempDir Path dir) throws Exception {
    UnpackedDistribution dist = UnpackedDistribution.get();
    LocalCluster cluster = testbed.source();
    new CrdInstaller(cluster.client()).install(Crds.definitions(), 60);
    Path kubeconfig = dir.resolve("kubeconfig");
    cluster.writeKubeconfig(kubeconfig);
    String ns = "quick-" + UUID.randomUUID().toString().substring(0, 6);
    for (String group : List.of("plan", "migration", "cluster", "storage", "hook", "backup", "restore")) {
      Path classLog = dir.resolve(group + "-classes.log");
      UnpackedDistribution.Result get = dist.run("ferry", List.of(),
          Map.of("FERRY_JAVA_OPTS", "-Xlog:class+load:file=" + classLog), group, "get", "-n", ns,
          "--kubeconfig", kubeconfig.toString());
      assertThat(get.exitCode()).as(get.all()).isZero();
      List<String> loaded = Files.readAllLines(classLog);
      assertThat(loaded).as("classes of %s get", group).noneMatch(l -> l.contains(" dev.ferry.testbed."))
          .anyMatch(l -> l.contains(" dev.ferry.cli.Main source: shared objects file"));
      UnpackedDistribution.Result describe = dist.ferry(group, "describe", "missing", "-n", ns,
          "--kubeconfig", kubeconfig.toString());
      assertThat(describe.exitCode()).as(describe.all()).isEqualTo(2);
      assertThat(describe.err()).as(describe.all()).contains("not found").doesNotContain("Exception");
    }
  }

  private static String firstColumn(String line) {
    return line.split("\\s+")[0];
  }
}
