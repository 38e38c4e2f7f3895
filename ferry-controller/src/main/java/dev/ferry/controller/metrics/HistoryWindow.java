package dev.ferry.controller.metrics;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code since} of {@code /metrics/history?since=1h}: {@code 90s}, {@code 30m}, {@code 1h},
 * {@code 24h}, {@code 2d} or combined ({@code 1h30m}); absent means everything kept. Pure.
 */
final class HistoryWindow {
  private static final Pattern PART = Pattern.compile("(\\d+)([smhd])");
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
    String t = text.trim().toLowerCase(Locale.ROOT);
    Matcher m = PART.matcher(t);
    Duration total = Duration.ZERO;
    int end = 0;
    while (m.find() && m.start() == end) {
      long n = Long.parseLong(m.group(1));
      total = total.plus(switch (m.group(2)) {
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        case "h" -> Duration.ofHours(n);
        default -> Duration.ofDays(n);
      });
      end = m.end();
    }
    if (t.isEmpty() || end != t.length() || total.isZero()) {
      throw new IllegalArgumentException("since=" + text + " is not a duration; use e.g. 30m, 1h, 24h or 1h30m");
    }
    return total;
  }
}
