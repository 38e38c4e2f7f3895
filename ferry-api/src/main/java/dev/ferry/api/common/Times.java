package dev.ferry.api.common;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** RFC 3339 timestamps as Kubernetes writes them: UTC, second precision, e.g. {@code 2019-08-29T01:03:40Z}. */
public final class Times {

  private Times() {
  }

  /** The clock's current time, formatted. */
  public static String now(Clock clock) {
    return format(clock.instant());
  }

  /** Formats an instant, dropping fractions of a second. */
  public static String format(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }

  /** Parses an RFC 3339 timestamp (any offset); null for null. */
  public static Instant parse(String text) {
    return text == null ? null : OffsetDateTime.parse(text).toInstant();
  }
}
