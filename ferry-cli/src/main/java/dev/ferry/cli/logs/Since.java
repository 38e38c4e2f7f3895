package dev.ferry.cli.logs;

import dev.ferry.cli.UserError;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A {@code --since} window: {@code 90s}, {@code 30m}, {@code 1h}, {@code 24h}, {@code 2d}, or combined ({@code 1h30m}). */
public final class Since {
  private static final Pattern PART = Pattern.compile("(\\d+)([smhd])");

  private Since() {
  }

  public static Duration parse(String text) {
    String t = text == null ? "" : text.trim().toLowerCase(java.util.Locale.ROOT);
    Matcher m = PART.matcher(t);
    Duration total = Duration.ZERO;
    int end = 0;
    while (m.find()) {
      if (m.start() != end) {
        break;
      }
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
      throw new UserError("--since '" + text + "' is not a duration; use e.g. 30m, 1h, 24h, 2d or 1h30m");
    }
    return total;
  }
}
