package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.api.Crds;
import dev.ferry.api.migration.plan.MigPlan;
import dev.ferry.api.velero.backup.Backup;
import dev.ferry.testbed.Binaries;
import dev.ferry.testbed.LocalCluster;
import dev.ferry.testbed.Testbed;
import dev.ferry.testbed.TestbedExtension;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Completion as a shell asks for it: bash sources the script {@code ferry completion bash} prints
 * (from the unpacked distribution), gets COMP_WORDS/COMP_CWORD set as readline sets them, calls the
 * completion function, and prints COMPREPLY — commands and options from the script itself, names
 * of plans, backups and contexts from the testbed's cluster through {@code ferry __complete}, and
 * the same names through kubectl's plugin completion.
 */
@ExtendWith(TestbedExtension.class)
class CompletionIT {
  private static Path script;

  @BeforeAll
  static void writeScript(@TempDir Path dir) throws Exception {
    UnpackedDistribution.Result printed = UnpackedDistribution.get().ferry("completion", "bash");
    assertThat(printed.exitCode()).as(printed.all()).isZero();
    script = Files.writeString(dir.resolve("ferry.bash"), printed.out());
  }

  @Test
  void commandsAndOptionsCompleteFromTheScript() throws Exception {
    assertThat(complete("pl")).containsExactly("plan");
    assertThat(complete("plan", "")).contains("create", "get", "describe", "delete");
    assertThat(complete("plan", "describe", "--kube")).containsExactly("--kubeconfig");
    assertThat(complete("plan", "get", "-o", "")).containsExactlyInAnyOrder("table", "yaml", "json");
  }

  @Test
  void namesCompleteFromTheCluster(Testbed testbed, @TempDir Path dir) throws Exception {
    LocalCluster cluster = testbed.source();
    new CrdInstaller(cluster.client()).install(Crds.definitions(), 60);
    String ns = "complete-" + UUID.randomUUID().toString().substring(0, 6);
    cluster.client().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
        .create();
    for (String name : List.of("shop", "shipping", "billing")) {
      MigPlan plan = MigrationSamples.plan("");
      create(cluster, plan, name, ns);
    }
    create(cluster, VeleroSamples.backup(""), "nightly", ns);
    Path kubeconfig = dir.resolve("kubeconfig");
    cluster.writeKubeconfig(kubeconfig);
    String kc = kubeconfig.toString();

    assertThat(complete("plan", "describe", "-n", ns, "--kubeconfig", kc, "sh")).containsExactly("shipping", "shop");
    assertThat(complete("migrate", "-n", ns, "--kubeconfig", kc, "b")).containsExactly("billing");
    assertThat(complete("restore", "create", "-n", ns, "--kubeconfig", kc, "--from-backup", ""))
        .containsExactly("nightly");
    assertThat(complete("plan", "get", "--kubeconfig", kc, "--context", "")).containsExactly(cluster.name());
    // create names a new object: nothing to offer.
    assertThat(complete("plan", "create", "-n", ns, "--kubeconfig", kc, "sh")).isEmpty();

    // kubectl ferry <TAB>: kubectl asks bin/kubectl_complete-ferry.
    Path kubectl = Binaries.cacheRoot().resolve("bin/kubernetes-" + System.getProperty("ferry.k8s.version") + "/kubectl");
    UnpackedDistribution dist = UnpackedDistribution.get();
    UnpackedDistribution.Result viaKubectl = dist.exec(List.of(kubectl.toString(), "__complete", "ferry", "plan",
        "describe", "-n", ns, "--kubeconfig", kc, "sh"), List.of(dist.home.resolve("bin")), Map.of());
    assertThat(viaKubectl.exitCode()).as(viaKubectl.all()).isZero();
    assertThat(viaKubectl.out().lines().toList()).startsWith("shipping", "shop").contains(":4");
  }

  private static void create(LocalCluster cluster, HasMetadata object, String name, String ns) {
    object.getMetadata().setName(name);
    object.getMetadata().setNamespace(ns);
    object.getMetadata().setCreationTimestamp(null);
    cluster.client().resource(object).create();
  }

  /** What bash offers for the last word (COMP_CWORD points at it) of {@code ferry words…}. */
  private static List<String> complete(String... words) throws Exception {
    UnpackedDistribution dist = UnpackedDistribution.get();
    List<String> compWords = new ArrayList<>();
    compWords.add(dist.home.resolve("bin/ferry").toString());
    compWords.addAll(List.of(words));
    StringBuilder array = new StringBuilder();
    for (String word : compWords) {
      array.append(" '").append(word.replace("'", "'\\''")).append('\'');
    }
    String program = String.join("\n",
        "source '" + script + "'",
        "COMP_WORDS=(" + array + " )",
        "COMP_CWORD=" + (compWords.size() - 1),
        "COMP_LINE=\"${COMP_WORDS[*]}\"",
        "COMP_POINT=${#COMP_LINE}",
        "_complete_ferry_names ferry \"${COMP_WORDS[COMP_CWORD]}\" \"${COMP_WORDS[COMP_CWORD-1]}\"",
        "printf '%s\\n' \"${COMPREPLY[@]}\"");
    UnpackedDistribution.Result result = dist.exec(List.of("bash", "-c", program), List.of(), Map.of());
    assertThat(result.exitCode()).as(result.all()).isZero();
    return result.out().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
  }
}
