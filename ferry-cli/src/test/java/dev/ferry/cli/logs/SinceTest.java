package dev.ferry.cli.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.cli.UserError;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SinceTest {
  @Test
  void parsesSinceWindows() {
    assertThat(Since.parse("1h")).isEqualTo(Duration.ofHours(1));
    assertThat(Since.parse("24h")).isEqualTo(Duration.ofHours(24));
    assertThat(Since.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(Since.parse("2d")).isEqualTo(Duration.ofDays(2));
    assertThatThrownBy(() -> Since.parse("an hour")).isInstanceOf(UserError.class).hasMessageContaining("30m, 1h");
    assertThatThrownBy(() -> Since.parse("1x")).isInstanceOf(UserError.class);
  }
}
