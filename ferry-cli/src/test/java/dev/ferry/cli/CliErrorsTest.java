package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input gets one clear line and exit code 2, never a stack trace (without --debug). */
class CliErrorsTest {

  @Test
  void missingKubeconfigFile() {
    CliRun run = CliRun.of("--kubeconfig", "/does/not/exist", "crds", "install");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip()).isEqualTo("ferry: error: kubeconfig /does/not/exist does not exist or is not a file");
  }

  @Test
  void kubeconfigThatIsNotYaml(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("config"), "{{{ this is not a kubeconfig");
    CliRun run = CliRun.of("--kubeconfig", file.toString(), "crds", "install");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("ferry: error: cannot read kubeconfig " + file).doesNotContain("\tat ");
    assertThat(run.err().strip().lines()).hasSize(1);
  }

  @Test
  void unknownContextListsTheKnownOnes(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("config"), """
        apiVersion: v1
        kind: Config
        clusters: [{name: c, cluster: {server: "https://127.0.0.1:1"}}]
        users: [{name: u, user: {token: t}}]
        contexts: [{name: here, context: {cluster: c, user: u}}]
        current-context: here
        """);
    CliRun run = CliRun.of("--kubeconfig", file.toString(), "--context", "there", "crds", "install");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip()).isEqualTo("ferry: error: context 'there' is not in kubeconfig " + file
        + "; contexts there: [here]");
  }

  @Test
  void unknownOutputFormatIsAUsageError() {
    CliRun run = CliRun.of("-o", "xml", "version");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("xml").contains("table, yaml, json");
  }

  @Test
  void versionInEveryFormat() {
    assertThat(CliRun.of("version").out()).contains("FERRY").contains("0.1.0");
    assertThat(CliRun.of("-o", "json", "version").out()).contains("\"version\" : \"0.1.0");
    assertThat(CliRun.of("version", "-o", "yaml").out()).contains("kubernetes: \"v1.");
  }

  @Test
  void crdsPrintGivesFifteenDocuments() {
    CliRun run = CliRun.of("crds", "print");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out().split("(?m)^kind: \"?CustomResourceDefinition\"?$")).hasSize(16);
    assertThat(CliRun.of("crds", "print", "-o", "table").out().lines()).hasSize(16);
  }
}
