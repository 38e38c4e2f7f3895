package dev.ferry.controller.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsHistoryTest {
  private static final Instant T0 = Instant.parse("2026-12-07T20:00:00Z");

  @Test
  void keepsTheWindowAndDropsWhatIsOlderThanTheRetention() {
    MetricsHistory history = new MetricsHistory(Duration.ofHours(1), 1 << 20);
    for (int i = 0; i <= 150; i++) {
      history.record(T0.plusSeconds(30L * i), "up " + i + "\n");
    }
    // 150 × 30 s = 75 min recorded; an hour (121 scrapes, both ends included) is kept.
    assertThat(history.size()).isEqualTo(121);
    assertThat(history.since(Instant.MIN)).first().extracting(OpenMetricsSeries.Scrape::at)
        .isEqualTo(T0.plusSeconds(30L * 30));
    assertThat(history.since(T0.plusSeconds(30L * 149))).extracting(OpenMetricsSeries.Scrape::text)
        .containsExactly("up 149\n", "up 150\n");
    assertThatThrownBy(() -> history.record(T0, "up 0\n")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("older than the last one kept");
  }

  @Test
  void aByteBudgetBoundsMemoryWhateverTheRetention() {
    MetricsHistory history = new MetricsHistory(Duration.ofDays(1), 4096);
    for (int i = 0; i < 1000; i++) {
      // Distinct random-ish text per scrape, so gzip cannot make them tiny.
      history.record(T0.plusSeconds(i), Long.toHexString(Double.doubleToLongBits(Math.sin(i))).repeat(4) + " " + i);
    }
    assertThat(history.bytes()).isLessThanOrEqualTo(4096);
    assertThat(history.size()).isBetween(2, 999);
    assertThat(history.since(Instant.MIN)).last().extracting(OpenMetricsSeries.Scrape::at)
        .isEqualTo(T0.plusSeconds(999));
  }

  @Test
  void openMetricsGroupsEachFamilyOverAllScrapesWithTimestamps() {
    String first = """
        # HELP a_total Requests
        # TYPE a_total counter
        a_total{k="x"} 1.0
        # HELP b_seconds Durations
        # TYPE b_seconds summary
        b_seconds_count 1.0
        b_seconds_sum 0.5
        """;
    String second = first.replace("a_total{k=\"x\"} 1.0", "a_total{k=\"x\"} 4.0")
        .replace("b_seconds_count 1.0", "b_seconds_count 2.0");
    String om = OpenMetricsSeries.of(List.of(new OpenMetricsSeries.Scrape(T0, first),
        new OpenMetricsSeries.Scrape(T0.plusMillis(30_250), second)));
    assertThat(om).isEqualTo("""
        # HELP a_total Requests
        # TYPE a_total counter
        a_total{k="x"} 1.0 1796673600.000
        a_total{k="x"} 4.0 1796673630.250
        # HELP b_seconds Durations
        # TYPE b_seconds summary
        b_seconds_count 1.0 1796673600.000
        b_seconds_sum 0.5 1796673600.000
        b_seconds_count 2.0 1796673630.250
        b_seconds_sum 0.5 1796673630.250
        # EOF
        """);
  }

  @Test
  void theWindowOfTheHistoryEndpoint() {
    assertThat(HistoryWindow.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(HistoryWindow.parse(null)).isEqualTo(HistoryWindow.EVERYTHING);
    assertThat(HistoryWindow.sinceParameter("a=b&since=24h")).isEqualTo("24h");
    assertThatThrownBy(() -> HistoryWindow.parse("1 hour")).hasMessageContaining("not a duration");
  }
}
