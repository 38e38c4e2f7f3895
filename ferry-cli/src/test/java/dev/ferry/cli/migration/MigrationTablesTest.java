package dev.ferry.cli.migration;

import dev.ferry.cli.MigrationSamples;
import dev.ferry.cli.output.MigrationFormat;
import dev.ferry.cli.plan.PlanTable;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rows of {@code ferry migration get} and {@code ferry plan get}, and default migration names. */
class MigrationTablesTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T12:05:00Z"), ZoneOffset.UTC);

  @Test
  void migrationRows() {
    var completed = MigrationSamples.migration("stage: false\n", MigrationSamples.COMPLETED);
    var running = MigrationSamples.migration("stage: true\n", MigrationSamples.RUNNING);
    running.getMetadata().setName("m2");
    running.getMetadata().setCreationTimestamp("2026-11-28T12:04:30Z");
    var failed = MigrationSamples.migration("stage: false\n", MigrationSamples.FAILED);
    failed.getMetadata().setName("m0");
    var fresh = MigrationSamples.migration("rollback: true\n", "{}\n");
    fresh.getMetadata().setName("m3");
    fresh.getMetadata().setCreationTimestamp("2026-11-28T12:04:59Z");
    assertThat(MigrationFormat.table(MigrationTable.HEADERS,
        MigrationTable.rows(List.of(completed, running, failed, fresh), CLOCK))).isEqualTo("""
        NAME   PLAN   TYPE       PHASE                  STEP      AGE
        m3     shop   rollback                                    1s
        m2     shop   stage      InitialBackupCreated   Backup    30s
        m0     shop   cutover    Failed                 Backup    5m
        m1     shop   cutover    Completed              Restore   5m
        """);
  }

  @Test
  void planRows() {
    var ready = MigrationSamples.plan("""
        conditions:
        - {type: Ready, status: "True", category: Required, message: The migration plan is ready.}
        """);
    var broken = MigrationSamples.plan("""
        conditions:
        - {type: NamespaceNotFoundOnSourceCluster, status: "True", category: Critical, message: x}
        """);
    broken.getMetadata().setName("cart");
    assertThat(MigrationFormat.table(PlanTable.HEADERS, PlanTable.rows(List.of(ready, broken), CLOCK)))
        .isEqualTo("""
            NAME   READY   SOURCE   TARGET   STORAGE   NAMESPACES              AGE
            cart   False   host     prod     repo      shop:shop-moved,cache   2h
            shop   True    host     prod     repo      shop:shop-moved,cache   2h
            """);
  }

  @Test
  void defaultNamesAndSpecs() {
    assertThat(MigrationRequest.defaultName("shop", "cutover", CLOCK)).isEqualTo("shop-cutover-20261128120500");
    var cutover = MigrationRequest.migration("n", "ns", "shop", MigrationRequest.cutover(true, false));
    assertThat(cutover.getSpec().getStage()).isFalse();
    assertThat(cutover.getSpec().getQuiescePods()).isTrue();
    assertThat(cutover.getSpec().getMigPlanRef().getName()).isEqualTo("shop");
    assertThat(cutover.getSpec().getMigPlanRef().getNamespace()).isEqualTo("ns");
    assertThat(MigrationRequest.cutover(false, true).getQuiescePods()).isFalse();
    assertThat(MigrationRequest.cutover(false, true).getVerify()).isTrue();
    assertThat(MigrationRequest.stage().getStage()).isTrue();
    assertThat(MigrationRequest.rollback().getRollback()).isTrue();
  }
}
