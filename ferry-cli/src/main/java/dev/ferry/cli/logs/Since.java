package dev.ferry.cli.logs;

import dev.ferry.cli.UserError;
import dev.ferry.controller.logging.reader.TimeWindow;
import java.time.Duration;

/** A {@code --since} window: {@code 90s}, {@code 30m}, {@code 1h}, {@code 24h}, {@code 2d}, or combined ({@code 1h30m}). */
public final class Since {
  private Since() {
  }

  public static Duration parse(String text) {
    try {
      return TimeWindow.parse(text);
    } catch (IllegalArgumentException e) {
      throw new UserError("--since " + e.getMessage());
    }
  }
}
