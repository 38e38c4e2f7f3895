package dev.ferry.cli.gather;

import java.time.Instant;

/**
 * Turns a Prometheus text-format scrape into OpenMetrics text with the scrape's timestamp on every
 * sample and the closing {@code # EOF}, which {@code promtool tsdb create-blocks-from openmetrics}
 * imports into a Prometheus data directory. Pure.
 */
final class OpenMetrics {
  private OpenMetrics() {
  }

  /** {@code scrapes} in time order; each is one scrape's text and when it was taken. */
  static String of(java.util.List<Scrape> scrapes) {
    StringBuilder out = new StringBuilder();
    java.util.Set<String> described = new java.util.HashSet<>();
    for (Scrape scrape : scrapes) {
      String seconds = scrape.at().getEpochSecond() + "." + String.format("%03d", scrape.at().getNano() / 1_000_000);
      for (String line : scrape.text().split("\n")) {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.equals("# EOF")) {
          continue;
        }
        if (trimmed.startsWith("#")) {
          // OpenMetrics allows each family's HELP and TYPE once, before its samples.
          if ((trimmed.startsWith("# HELP ") || trimmed.startsWith("# TYPE ")) && described.add(trimmed)) {
            out.append(trimmed).append('\n');
          }
          continue;
        }
        out.append(trimmed).append(' ').append(seconds).append('\n');
      }
    }
    return out.append("# EOF\n").toString();
  }

  record Scrape(Instant at, String text) {
  }
}
