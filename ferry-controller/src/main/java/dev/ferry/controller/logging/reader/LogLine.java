package dev.ferry.controller.logging.reader;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of a merged migration log: when, which source wrote it (controller, a pod, a backup's
 * or restore's operation log), its level, its text, and the MDC it carried (controller lines
 * only). The parsers here read the three formats Ferry's sources write. Model only.
 */
public record LogLine(Instant time, String source, String level, String text, Map<String, String> mdc) {
  /** Time order; lines of one instant keep the order they were read in (the sort is stable). */
  public static final Comparator<LogLine> BY_TIME = Comparator.comparing(LogLine::time);

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern LOGFMT_TIME = Pattern.compile("^time=\"?([^\" ]+)\"?\\s*");
  private static final Pattern LOGFMT_LEVEL = Pattern.compile("\\blevel=(\\w+)\\s*");

  public LogLine {
    mdc = mdc == null ? Map.of() : Map.copyOf(mdc);
  }

  /**
   * A line of logback's JsonEncoder ({@code {"timestamp":…,"level":…,"loggerName":…,"mdc":{…},
   * "message":…,"throwable":…}}); empty for anything else (a stray non-JSON line).
   */
  public static Optional<LogLine> fromControllerJson(String source, String line) {
    String trimmed = line.trim();
    if (!trimmed.startsWith("{")) {
      return Optional.empty();
    }
    try {
      JsonNode node = JSON.readTree(trimmed);
      // The formatted message (arguments filled in); "message" is the pattern, kept for other writers.
      String message = node.hasNonNull("formattedMessage") ? node.get("formattedMessage").asText()
          : node.hasNonNull("message") ? node.get("message").asText() : null;
      if (!node.hasNonNull("timestamp") || message == null) {
        return Optional.empty();
      }
      Map<String, String> mdc = new HashMap<>();
      node.path("mdc").fields().forEachRemaining(e -> mdc.put(e.getKey(), e.getValue().asText()));
      String logger = node.path("loggerName").asText("");
      String text = shortLogger(logger) + ": " + message;
      JsonNode thrown = node.path("throwable");
      if (thrown.isObject()) {
        text += " (" + thrown.path("className").asText("") + ": " + thrown.path("message").asText("") + ")";
      }
      return Optional.of(new LogLine(Instant.ofEpochMilli(node.get("timestamp").asLong()), source,
          node.path("level").asText("INFO"), text, mdc));
    } catch (java.io.IOException e) {
      return Optional.empty();
    }
  }

  /** A pod log line read with timestamps ({@code 2026-12-07T18:00:00.123456789Z text}); a controller pod's JSON inside is unwrapped. */
  public static Optional<LogLine> fromPodLine(String source, String line) {
    int space = line.indexOf(' ');
    if (space <= 0) {
      return Optional.empty();
    }
    Instant time;
    try {
      time = Instant.parse(line.substring(0, space));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
    String text = line.substring(space + 1);
    Optional<LogLine> json = fromControllerJson(source, text);
    if (json.isPresent()) {
      return json;
    }
    return Optional.of(new LogLine(time, source, "INFO", text, Map.of()));
  }

  /** A Velero-style logfmt line ({@code time="…" level=info msg="…" …}) of a backup's or restore's log. */
  public static Optional<LogLine> fromLogfmt(String source, String line) {
    Matcher t = LOGFMT_TIME.matcher(line);
    if (!t.find()) {
      return Optional.empty();
    }
    Instant time;
    try {
      time = Instant.parse(t.group(1));
    } catch (DateTimeParseException e) {
      try {
        time = java.time.OffsetDateTime.parse(t.group(1)).toInstant();
      } catch (DateTimeParseException again) {
        return Optional.empty();
      }
    }
    String rest = line.substring(t.end());
    Matcher l = LOGFMT_LEVEL.matcher(rest);
    String level = "INFO";
    if (l.find()) {
      level = l.group(1).toUpperCase(java.util.Locale.ROOT);
      rest = rest.substring(0, l.start()) + rest.substring(l.end());
    }
    return Optional.of(new LogLine(time, source, level, rest.trim(), Map.of()));
  }

  /** True when the MDC names one of {@code names} or {@code uids} as its migration. */
  public boolean aboutMigration(java.util.Set<String> names, java.util.Set<String> uids) {
    return names.contains(mdc.getOrDefault("migration", "")) || uids.contains(mdc.getOrDefault("migration_uid", ""));
  }

  public String component() {
    return mdc.getOrDefault("component", source.contains("/") ? source.substring(0, source.indexOf('/')) : source);
  }

  private static String shortLogger(String logger) {
    int dot = logger.lastIndexOf('.');
    return dot < 0 ? logger : logger.substring(dot + 1);
  }
}
