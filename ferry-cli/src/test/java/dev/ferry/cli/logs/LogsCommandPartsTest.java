package dev.ferry.cli.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.cli.UserError;
import dev.ferry.controller.logging.reader.LogLine;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The CLI side of the log reader: --since windows and the printed line. */
class LogsCommandPartsTest {
  @Test
  void parsesSinceWindows() {
    assertThat(Since.parse("1h")).isEqualTo(Duration.ofHours(1));
    assertThat(Since.parse("24h")).isEqualTo(Duration.ofHours(24));
    assertThat(Since.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(Since.parse("2d")).isEqualTo(Duration.ofDays(2));
    assertThatThrownBy(() -> Since.parse("an hour")).isInstanceOf(UserError.class).hasMessageContaining("30m, 1h");
    assertThatThrownBy(() -> Since.parse("1x")).isInstanceOf(UserError.class);
  }

  @Test
  void printsPlainOrColouredAndMasksCredentials() {
    LogLine line = new LogLine(Instant.parse("2026-12-07T18:00:02Z"), "controller", "WARN",
        "connect failed: Authorization: Bearer abcdefghijklmnop", Map.of("migration", "m1", "component", "volumes"));
    assertThat(new LogPrinter(false).format(line)).isEqualTo(
        "2026-12-07T18:00:02.000Z [controller] WARN  [m1/volumes] connect failed: Authorization: Bearer <redacted>");
    assertThat(new LogPrinter(true).format(line)).contains("\u001b[36m[controller]").contains("\u001b[31mWARN");
  }
}
