package dev.ferry.cli.logs;

import dev.ferry.controller.logging.reader.LogLine;
import dev.ferry.controller.logging.reader.Redaction;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * One merged log line as text: {@code TIME [SOURCE] LEVEL [MIGRATION/COMPONENT] TEXT}; with colour,
 * the source in a colour of its kind (controller cyan, mover green, hook magenta, backup yellow,
 * restore blue) and warnings and errors in red, as the seed's {@code color} container. Pure.
 */
public final class LogPrinter {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
      .withZone(ZoneOffset.UTC);
  private static final String RESET = "\u001b[0m";
  private static final String RED = "\u001b[31m";

  private final boolean colour;

  public LogPrinter(boolean colour) {
    this.colour = colour;
  }

  public String format(LogLine line) {
    String migration = line.mdc().get("migration");
    String component = line.mdc().get("component");
    String context = migration == null && component == null ? ""
        : "[" + (migration == null ? "" : migration) + (component == null ? "" : "/" + component) + "] ";
    String level = String.format("%-5s", line.level());
    String text = Redaction.redact(line.text());
    if (!colour) {
      return TIME.format(line.time()) + " [" + line.source() + "] " + level + " " + context + text;
    }
    boolean bad = line.level().startsWith("WARN") || line.level().startsWith("ERR") || line.level().equals("FATAL");
    return TIME.format(line.time()) + " " + sourceColour(line.source()) + "[" + line.source() + "]" + RESET + " "
        + (bad ? RED + level + RESET : level) + " " + context + (bad ? RED + text + RESET : text);
  }

  static String sourceColour(String source) {
    String kind = source.contains("/") ? source.substring(0, source.indexOf('/')) : source;
    return switch (kind) {
      case "controller" -> "\u001b[36m";
      case "mover" -> "\u001b[32m";
      case "hook" -> "\u001b[35m";
      case "backup" -> "\u001b[33m";
      case "restore" -> "\u001b[34m";
      default -> "\u001b[37m";
    };
  }
}
