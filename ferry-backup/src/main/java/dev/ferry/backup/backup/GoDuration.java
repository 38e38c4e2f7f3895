package dev.ferry.backup.backup;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses Go duration strings as Velero writes them ({@code 720h0m0s}, {@code 1h30m}, {@code 90s}). */
public final class GoDuration {
  private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(h|ms|m|s)");

  private GoDuration() {
  }

  public static Duration parse(String text) {
    String s = text.trim();
    if (s.isEmpty() || s.equals("0")) {
      return Duration.ZERO;
    }
    Matcher m = PART.matcher(s);
    Duration total = Duration.ZERO;
    int end = 0;
    while (m.find()) {
      if (m.start() != end) {
        throw new IllegalArgumentException("not a duration: \"" + text + "\" (expected e.g. 720h0m0s)");
      }
      double value = Double.parseDouble(m.group(1));
      long millis = switch (m.group(2)) {
        case "h" -> (long) (value * 3_600_000);
        case "m" -> (long) (value * 60_000);
        case "s" -> (long) (value * 1000);
        default -> (long) value;
      };
      total = total.plusMillis(millis);
      end = m.end();
    }
    if (end != s.length()) {
      throw new IllegalArgumentException("not a duration: \"" + text + "\" (expected e.g. 720h0m0s)");
    }
    return total;
  }

  /** Go's formatting of whole seconds: {@code 720h0m0s}. */
  public static String format(Duration d) {
    long seconds = d.getSeconds();
    return (seconds / 3600) + "h" + (seconds % 3600 / 60) + "m" + (seconds % 60) + "s";
  }
}
