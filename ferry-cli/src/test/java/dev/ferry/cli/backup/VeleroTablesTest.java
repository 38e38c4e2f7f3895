package dev.ferry.cli.backup;

import dev.ferry.cli.VeleroSamples;
import dev.ferry.cli.kube.LabelSelectorParser;
import dev.ferry.cli.output.Printer;
import dev.ferry.cli.restore.RestoreTable;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code ferry backup get} and {@code ferry restore get} print Velero's columns. */
class VeleroTablesTest {
  private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-28T12:05:00Z"), ZoneOffset.UTC);

  @Test
  void backupTable() {
    var done = VeleroSamples.backup("""
        phase: Completed
        errors: 0
        warnings: 1
        startTimestamp: "2026-11-28T12:00:00Z"
        expiration: "2026-12-28T12:00:00Z"
        """);
    var fresh = VeleroSamples.backup("{}");
    fresh.getMetadata().setName("b2");
    fresh.getMetadata().setCreationTimestamp("2026-11-28T12:04:00Z");
    fresh.setStatus(null);
    fresh.getSpec().setLabelSelector(LabelSelectorParser.parse("app=shop"));
    assertThat(render(BackupTable.HEADERS, BackupTable.rows(List.of(done, fresh), NOW))).isEqualTo("""
        NAME   STATUS      ERRORS   WARNINGS   CREATED                         EXPIRES   STORAGE LOCATION   SELECTOR
        b2     New         0        0          2026-11-28 12:04:00 +0000 UTC   n/a       default            app=shop
        b1     Completed   0        1          2026-11-28 12:00:00 +0000 UTC   29d       default            <none>
        """);
  }

  @Test
  void restoreTable() {
    var restore = VeleroSamples.restore("""
        phase: PartiallyFailed
        errors: 1
        warnings: 2
        startTimestamp: "2026-11-28T13:00:01Z"
        completionTimestamp: "2026-11-28T13:00:04Z"
        """);
    assertThat(render(RestoreTable.HEADERS, RestoreTable.rows(List.of(restore)))).isEqualTo("""
        NAME   BACKUP   STATUS            STARTED                         COMPLETED                       ERRORS   WARNINGS   CREATED                         SELECTOR
        r1     b1       PartiallyFailed   2026-11-28 13:00:01 +0000 UTC   2026-11-28 13:00:04 +0000 UTC   1        2          2026-11-28 13:00:00 +0000 UTC   <none>
        """);
  }

  private static String render(String[] headers, List<String[]> rows) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new Printer(new PrintStream(out, true, StandardCharsets.UTF_8)).table(headers, rows);
    return out.toString(StandardCharsets.UTF_8);
  }
}
