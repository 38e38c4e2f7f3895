package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.cli.CompletionTarget.Kind;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which names a partly typed command line asks for, read from the command's picocli model. */
class CompletionTargetTest {

  private static CompletionTarget target(String... words) {
    return CompletionTarget.of(Main.newCommandLine(), List.of(words));
  }

  @Test
  void nameOfAGroupsExistingObjectIsThatKind() {
    assertThat(target("plan", "describe", "").kind()).isEqualTo(Kind.PLAN);
    assertThat(target("migration", "watch", "m").kind()).isEqualTo(Kind.MIGRATION);
    assertThat(target("backup", "logs", "").kind()).isEqualTo(Kind.BACKUP);
    assertThat(target("restore", "describe", "").kind()).isEqualTo(Kind.RESTORE);
    assertThat(target("storage", "delete", "").kind()).isEqualTo(Kind.STORAGE);
    assertThat(target("cluster", "get", "").kind()).isEqualTo(Kind.CLUSTER);
    assertThat(target("hook", "describe", "").kind()).isEqualTo(Kind.HOOK);
  }

  @Test
  void labelsNameTheKindOfPositionalsAndOptionValues() {
    assertThat(target("migrate", "").kind()).isEqualTo(Kind.PLAN);
    assertThat(target("cancel", "").kind()).isEqualTo(Kind.MIGRATION);
    assertThat(target("restore", "create", "--from-backup", "").kind()).isEqualTo(Kind.BACKUP);
    assertThat(target("plan", "create", "p", "--storage", "").kind()).isEqualTo(Kind.STORAGE);
    assertThat(target("plan", "create", "p", "--source", "").kind()).isEqualTo(Kind.CLUSTER);
    assertThat(target("plan", "get", "--context", "").kind()).isEqualTo(Kind.CONTEXT);
    assertThat(target("migrate", "p", "--source-context", "").kind()).isEqualTo(Kind.CONTEXT);
    assertThat(target("plan", "get", "-n", "").kind()).isEqualTo(Kind.NS);
  }

  @Test
  void theLineGivesKubeconfigContextAndNamespaceWhereverTheyAre() {
    CompletionTarget target = target("--kubeconfig", "/k", "plan", "-n", "team", "describe", "--context", "c", "sh");
    assertThat(target.kind()).isEqualTo(Kind.PLAN);
    assertThat(target.prefix()).isEqualTo("sh");
    assertThat(target.kubeconfig()).isEqualTo(Path.of("/k"));
    assertThat(target.context()).isEqualTo("c");
    assertThat(target.namespace()).isEqualTo("team");
    assertThat(target("plan", "describe", "--namespace=x", "").namespace()).isEqualTo("x");
    assertThat(target("plan", "describe", "").namespace()).isEqualTo("openshift-migration");
    // A flag takes no value: the word after it is the name.
    assertThat(target("plan", "get", "--debug", "").kind()).isEqualTo(Kind.PLAN);
  }

  @Test
  void newNamesOptionsCommandsAndFreeTextAreNotNames() {
    assertThat(target("plan", "create", "")).isNull();
    assertThat(target("backup", "create", "")).isNull();
    assertThat(target("plan", "describe", "--")).isNull();
    assertThat(target("plan", "")).isNull();
    assertThat(target("plan", "describe", "shop", "")).isNull();
  }

  @Test
  void kubectlsPluginCompletionGetsCommandsAndOptionsToo() {
    assertThat(CompletionTarget.fixedCandidates(Main.newCommandLine(), List.of("pl"))).containsExactly("plan");
    assertThat(CompletionTarget.fixedCandidates(Main.newCommandLine(), List.of("plan", "get", "--ou")))
        .containsExactly("--output");
    assertThat(CompletionTarget.fixedCandidates(Main.newCommandLine(), List.of("plan", "get", "-o", "")))
        .containsExactly("json", "table", "yaml");
    assertThat(CompletionTarget.fixedCandidates(Main.newCommandLine(), List.of(""))).doesNotContain("__complete")
        .contains("completion", "plan", "version");
  }
}
