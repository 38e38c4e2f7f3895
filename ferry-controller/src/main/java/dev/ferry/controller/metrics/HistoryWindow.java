package dev.ferry.controller.metrics;

import dev.ferry.controller.logging.reader.TimeWindow;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The {@code since} of {@code /metrics/history?since=1h}: {@code 90s}, {@code 30m}, {@code 1h},
 * {@code 24h}, {@code 2d} or combined ({@code 1h30m}); absent means everything kept. Pure.
 */
final class HistoryWindow {
  static final Duration EVERYTHING = Duration.ofDays(3650);

  private HistoryWindow() {
  }

  /** The raw {@code since} value of a query string, or null. */
  static String sinceParameter(String rawQuery) {
    if (rawQuery == null) {
      return null;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.startsWith("since=")) {
        return URLDecoder.decode(pair.substring("since=".length()), StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  static Duration parse(String text) {
    if (text == null) {
      return EVERYTHING;
    }
    try {
      return TimeWindow.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("since=" + e.getMessage(), e);
    }
  }
}
