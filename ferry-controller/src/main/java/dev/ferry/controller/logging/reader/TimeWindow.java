package dev.ferry.controller.logging.reader;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How far back to look, as users write it for logs, must-gather and the metrics history:
 * {@code 90s}, {@code 30m}, {@code 1h}, {@code 24h}, {@code 2d}, or combined ({@code 1h30m}). Pure.
 */
public final class TimeWindow {
  private static final Pattern PART = Pattern.compile("(\\d+)([smhd])");

  private TimeWindow() {
  }

  /** The window {@code text} names; an IllegalArgumentException saying what to write instead if it names none. */
  public static Duration parse(String text) {
    String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
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
      throw new IllegalArgumentException("'" + text + "' is not a duration; use e.g. 30m, 1h, 24h, 2d or 1h30m");
    }
    return total;
  }
}
