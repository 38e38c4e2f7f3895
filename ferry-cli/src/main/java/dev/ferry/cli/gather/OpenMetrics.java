package dev.ferry.cli.gather;

import dev.ferry.controller.metrics.OpenMetricsSeries;
import java.time.Instant;
import java.util.List;

/**
 * A single scrape as OpenMetrics text, for a controller that serves no {@code /metrics/history}
 * (an older one): the same format as the history ({@link OpenMetricsSeries}). Pure.
 */
final class OpenMetrics {
  private OpenMetrics() {
  }

  /** {@code scrapes} in time order; each is one scrape's text and when it was taken. */
  static String of(List<Scrape> scrapes) {
    return OpenMetricsSeries.of(scrapes.stream().map(s -> new OpenMetricsSeries.Scrape(s.at(), s.text())).toList());
  }

  record Scrape(Instant at, String text) {
  }
}
