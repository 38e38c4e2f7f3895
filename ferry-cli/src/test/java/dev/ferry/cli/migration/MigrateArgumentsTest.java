package dev.ferry.cli.migration;

import dev.ferry.cli.CliRun;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** ferry migrate's option checks, made before any cluster is contacted. */
class MigrateArgumentsTest {

  @Test
  void contextOptionsGoTogetherAndDeclareAPlan() {
    assertError(CliRun.of("migrate"), "give the PLAN to run, or --source-context and --destination-context");
    assertError(CliRun.of("migrate", "p", "--namespaces", "shop"), "--namespaces and --storage declare a plan");
    assertError(CliRun.of("migrate", "--source-context", "a", "--namespaces", "shop"), "give both --source-context");
    assertError(CliRun.of("migrate", "--source-context", "a", "--destination-context", "b"), "needs --namespaces");
    assertError(CliRun.of("migrate", "--source-context", "a", "--destination-context", "a", "--namespaces", "x"),
        "are both a");
    assertError(CliRun.of("migrate", "--context", "c", "--source-context", "a", "--destination-context", "b",
        "--namespaces", "x"), "--context does not go with");
    assertError(CliRun.of("migrate", "--source-context", "a", "--destination-context", "b", "--namespaces", "x",
        "--storage", "s3://bucket"), "needs --storage-credentials-secret");
    assertError(CliRun.of("migrate", "--source-context", "a", "--destination-context", "b", "--namespaces", "x",
        "--storage-endpoint", "http://127.0.0.1:9000"), "go with --storage s3://BUCKET");
    assertError(CliRun.of("migrate", "--source-context", "a", "--destination-context", "b", "--namespaces", "A:b"),
        "not a valid namespace name");
    assertError(CliRun.of("migrate", "p", "--stage", "--cutover", "--in-process"), "exclude each other");
    assertError(CliRun.of("migrate", "p", "--stage", "--verify", "--in-process"), "--verify applies to a cutover");
  }

  private static void assertError(CliRun run, String contains) {
    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(2);
    assertThat(run.err()).startsWith("ferry: error: ").contains(contains);
    assertThat(run.err().strip().lines()).hasSize(1);
  }
}
