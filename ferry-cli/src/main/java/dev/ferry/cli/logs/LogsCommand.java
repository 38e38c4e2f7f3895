package dev.ferry.cli.logs;

import dev.ferry.controller.logging.reader.LogCollector;
import dev.ferry.controller.logging.reader.LogLine;
import dev.ferry.controller.logging.reader.MigrationTarget;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ferry logs [PLAN|MIGRATION] [-f] [--since 1h] [--plain] [--component …]}: the controller's
 * log lines about the migration(s), their mover and hook pods' logs and their Backups' and
 * Restores' operation logs, merged in time order.
 */
@Command(name = "logs", description = {
    "Print the logs of a migration (or of every migration of a plan, or of all): the controller's lines about it, "
        + "its mover and hook pods, its Backup and Restore operation logs, merged in time order.",
    "The controller's log comes from its pod (app=migration-controller in the namespace) when it is deployed, "
        + "else from the log file a local controller writes (--log-dir, default $FERRY_LOG_DIR or ~/.cache/ferry/logs)."})
public class LogsCommand implements Callable<Integer> {
  private static final Duration FOLLOW_POLL = Duration.ofSeconds(2);

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "PLAN|MIGRATION",
      description = "A MigMigration or MigPlan name; without it, every migration's lines.")
  String name;

  @Option(names = {"-n", "--namespace"}, paramLabel = "NS", defaultValue = "openshift-migration",
      description = "Namespace of the migration objects (default: ${DEFAULT-VALUE}).")
  String namespace;

  @Option(names = {"-f", "--follow"}, description = "Keep printing new lines until interrupted.")
  boolean follow;

  @Option(names = "--since", paramLabel = "DURATION", defaultValue = "24h",
      description = "Only lines of this last window, e.g. 30m, 1h, 24h (default: ${DEFAULT-VALUE}).")
  String since;

  @Option(names = "--plain", description = "No colours (the default when stdout is not a terminal).")
  boolean plain;

  @Option(names = "--color", description = "Colours even when stdout is not a terminal.")
  boolean color;

  @Option(names = "--component", paramLabel = "NAME", split = ",",
      description = "Only these components: controller, migration, volumes, mover, images, backup, restore, hook.")
  List<String> components;

  @Option(names = "--log-dir", paramLabel = "DIR",
      description = "Where a controller running outside the cluster wrote its log (default: $FERRY_LOG_DIR or ~/.cache/ferry/logs).")
  Path logDir;

  @Override
  public Integer call() throws InterruptedException {
    Duration window = Since.parse(since);
    LogPrinter printer = new LogPrinter(color || (!plain && System.console() != null));
    PrintStream out = System.out;
    try (KubernetesClient client = Clients.of(spec)) {
      MigrationTarget target = resolve(() -> MigrationTarget.resolve(client, namespace, name));
      LogCollector collector = new LogCollector(client, target, logDir != null ? logDir : ControllerLogFile.directory(),
          name != null);
      try {
        Instant from = Instant.now().minus(window);
        Seen seen = new Seen();
        print(collector.collect(from), seen, printer, out);
        while (follow) {
          Thread.sleep(FOLLOW_POLL.toMillis());
          // Re-read a little overlap: lines of one instant may arrive from sources at different times.
          Instant again = seen.latest == null ? from : seen.latest.minusSeconds(5);
          print(collector.collect(again.isBefore(from) ? from : again), seen, printer, out);
        }
      } finally {
        collector.close();
      }
    }
    return 0;
  }

  private void print(List<LogLine> lines, Seen seen, LogPrinter printer, PrintStream out) {
    for (LogLine line : lines) {
      if (!wanted(line) || !seen.first(line)) {
        continue;
      }
      out.println(printer.format(line));
    }
    out.flush();
  }

  private boolean wanted(LogLine line) {
    if (components == null || components.isEmpty()) {
      return true;
    }
    String component = line.component();
    String kind = line.source().contains("/") ? line.source().substring(0, line.source().indexOf('/')) : line.source();
    return components.contains(component) || components.contains(kind);
  }


  /** The lines printed already (bounded: with --follow, only the recent ones can come again). */
  private static final class Seen {
    private static final int KEEP = 50_000;
    private final Set<String> keys = new HashSet<>();
    private final ArrayDeque<String> order = new ArrayDeque<>();
    private Instant latest;

    boolean first(LogLine line) {
      String key = line.time() + "|" + line.source() + "|" + line.text();
      if (!keys.add(key)) {
        return false;
      }
      order.add(key);
      if (order.size() > KEEP) {
        keys.remove(order.removeFirst());
      }
      if (latest == null || line.time().isAfter(latest)) {
        latest = line.time();
      }
      return true;
    }
  }

  /** The migration or plan named, or a user error saying how to list them. */
  private static MigrationTarget resolve(java.util.function.Supplier<MigrationTarget> lookup) {
    try {
      return lookup.get();
    } catch (MigrationTarget.NotFound e) {
      throw new dev.ferry.cli.UserError(e.getMessage());
    }
  }
}
