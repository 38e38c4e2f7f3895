package dev.ferry.console;

import static dev.ferry.console.Route.NAME;

import dev.ferry.controller.logging.reader.LogCollector;
import dev.ferry.controller.logging.reader.LogLine;
import dev.ferry.controller.logging.reader.MigrationTarget;
import dev.ferry.controller.logging.reader.Redaction;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * "View logs": the merged log of a migration, or of every migration of a plan (the same reader
 * as {@code ferry logs NAME}): the controller's lines about it, its mover and hook pods' logs
 * on every cluster of the plan, its Backups' and Restores' operation logs from the repository;
 * in time order, credentials masked, at most the last {@value #MAX_LOG_LINES} lines.
 * {@code logDir} gives where a controller outside the cluster writes {@code controller.log} (null: none).
 */
record LogRoutes(KubernetesClient host, String namespace, Clock clock, Supplier<Path> logDir) {
  private static final int MAX_LOG_LINES = 5000;

  List<Route> routes() {
    return List.of(Route.of("GET", "/api/logs/" + NAME, c -> logs(c.part(1), c.query("since"))));
  }

  private Object logs(String name, String since) {
    Duration window = since == null || since.isBlank() ? Duration.ofHours(1) : window(since);
    MigrationTarget target;
    try {
      target = MigrationTarget.resolve(host, namespace, name);
    } catch (MigrationTarget.NotFound e) {
      throw ApiError.notFound(e.getMessage());
    }
    List<LogLine> lines = new LogCollector(host, target, logDir.get(), true).collect(clock.instant().minus(window));
    List<Map<String, Object>> out = new ArrayList<>();
    for (LogLine line : lines.subList(Math.max(0, lines.size() - MAX_LOG_LINES), lines.size())) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("time", line.time().toString());
      row.put("source", line.source());
      row.put("component", line.component());
      row.put("level", line.level());
      row.put("text", Redaction.redact(line.text()));
      out.add(row);
    }
    return Map.of("name", name, "since", window.toString(), "truncated", lines.size() > MAX_LOG_LINES, "lines", out);
  }

  private static Duration window(String since) {
    try {
      Duration d = Duration.parse("PT" + since.strip().toUpperCase(Locale.ROOT));
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException();
      }
      return d;
    } catch (RuntimeException e) {
      throw ApiError.badRequest("since '" + since + "' is not a duration such as 15m, 1h or 24h");
    }
  }
}
