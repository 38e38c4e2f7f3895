package dev.ferry.cli.output;

import dev.ferry.cli.kube.LabelSelectorParser;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class VeleroFormatTest {
  private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-28T12:00:05Z"), ZoneOffset.UTC);

  @Test
  void goTimeInUtc() {
    assertThat(VeleroFormat.time("2026-11-28T12:00:00Z", "<n/a>")).isEqualTo("2026-11-28 12:00:00 +0000 UTC");
    assertThat(VeleroFormat.time("2026-11-28T14:00:00+02:00", "<n/a>")).isEqualTo("2026-11-28 12:00:00 +0000 UTC");
    assertThat(VeleroFormat.time(null, "<n/a>")).isEqualTo("<n/a>");
  }

  @Test
  void expiresLikeVelero() {
    assertThat(VeleroFormat.fromNow("2026-12-28T12:00:00Z", NOW)).isEqualTo("29d");
    assertThat(VeleroFormat.fromNow("2026-11-28T15:00:05Z", NOW)).isEqualTo("3h");
    assertThat(VeleroFormat.fromNow("2026-11-28T11:00:05Z", NOW)).isEqualTo("1h ago");
    assertThat(VeleroFormat.fromNow(null, NOW)).isEqualTo("n/a");
    assertThat(VeleroFormat.shortHumanDuration(Duration.ofDays(800))).isEqualTo("2y");
    assertThat(VeleroFormat.shortHumanDuration(Duration.ofSeconds(59))).isEqualTo("59s");
    assertThat(VeleroFormat.shortHumanDuration(Duration.ofMinutes(59))).isEqualTo("59m");
  }

  @Test
  void selectorsAsKubernetesFormatsThem() {
    assertThat(VeleroFormat.selector(null)).isEqualTo("<none>");
    assertThat(VeleroFormat.selector(LabelSelectorParser.parse("tier in (web,api),app=shop,!legacy,env!=dev")))
        .isEqualTo("app=shop,env notin (dev),!legacy,tier in (api,web)");
  }
}
