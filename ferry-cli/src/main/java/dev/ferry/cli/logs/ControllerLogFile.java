package dev.ferry.cli.logs;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.util.FileSize;
import dev.ferry.controller.logging.reader.LogCollector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * The log of a controller running outside a pod ({@code ferry controller}, {@code --in-process}):
 * Ferry's INFO lines as JSON (logback's JsonEncoder, with the MDC) in {@code controller.log} of
 * the log directory, which {@code ferry logs} and {@code ferry must-gather} read when no
 * controller pod is deployed. The directory is {@code -Dferry.log.dir}, else {@code $FERRY_LOG_DIR},
 * else {@code ~/.cache/ferry/logs}; it rolls over at 10 MB, keeping 3 older files. The console
 * keeps showing what it showed before (only warnings, for a command that runs the controller
 * in-process).
 */
public final class ControllerLogFile implements AutoCloseable {
  public static final String FILE_NAME = LogCollector.CONTROLLER_LOG;
  private static final String APPENDER = "ferry-controller-file";

  private final Logger ferry;
  private final Level previousLevel;
  private final RollingFileAppender<ILoggingEvent> appender;
  private final List<Appender<ILoggingEvent>> quieted = new ArrayList<>();
  private final ThresholdFilter consoleFilter = new ThresholdFilter();

  private ControllerLogFile(Logger ferry, Level previousLevel, RollingFileAppender<ILoggingEvent> appender) {
    this.ferry = ferry;
    this.previousLevel = previousLevel;
    this.appender = appender;
  }

  /** The directory the controller's log file is in. */
  public static Path directory() {
    String property = System.getProperty("ferry.log.dir");
    if (property != null && !property.isBlank()) {
      return Path.of(property);
    }
    String env = System.getenv("FERRY_LOG_DIR");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    return Path.of(System.getProperty("user.home"), ".cache", "ferry", "logs");
  }

  /**
   * Starts writing the log file; null (and a note on stderr) when the directory cannot be
   * written or logging is not Logback: the controller runs anyway, only without a file log.
   */
  public static ControllerLogFile attach() {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return null;
    }
    Path dir = directory();
    try {
      Files.createDirectories(dir);
    } catch (IOException | RuntimeException e) {
      System.err.println("ferry: note: no controller log file: cannot create " + dir + " (" + e.getMessage()
          + "); set FERRY_LOG_DIR to a writable directory");
      return null;
    }
    JsonEncoder encoder = new JsonEncoder();
    encoder.setContext(context);
    encoder.setWithSequenceNumber(false);
    encoder.setWithNanoseconds(false);
    encoder.setWithContext(false);
    encoder.setWithArguments(false);
    encoder.setWithMessage(false);
    encoder.setWithFormattedMessage(true);
    encoder.start();
    RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
    appender.setContext(context);
    appender.setName(APPENDER);
    appender.setFile(dir.resolve(FILE_NAME).toString());
    FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
    rolling.setContext(context);
    rolling.setParent(appender);
    rolling.setFileNamePattern(dir.resolve("controller.%i.log").toString());
    rolling.setMinIndex(1);
    rolling.setMaxIndex(3);
    rolling.start();
    SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
    trigger.setContext(context);
    trigger.setMaxFileSize(FileSize.valueOf("10MB"));
    trigger.start();
    appender.setRollingPolicy(rolling);
    appender.setTriggeringPolicy(trigger);
    appender.setEncoder(encoder);
    appender.start();

    Logger ferry = context.getLogger("dev.ferry");
    Level previous = ferry.getLevel();
    ControllerLogFile file = new ControllerLogFile(ferry, previous, appender);
    if (ferry.getEffectiveLevel().isGreaterOrEqual(Level.WARN)) {
      // The command shows only warnings on the console; the file still gets INFO.
      file.quietConsole(context);
      ferry.setLevel(Level.INFO);
    }
    ferry.addAppender(appender);
    return file;
  }

  /** Keeps the root's console appenders at WARN while dev.ferry logs INFO into the file. */
  private void quietConsole(LoggerContext context) {
    consoleFilter.setLevel(Level.WARN.levelStr);
    consoleFilter.start();
    Iterator<Appender<ILoggingEvent>> it = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).iteratorForAppenders();
    while (it.hasNext()) {
      Appender<ILoggingEvent> console = it.next();
      console.addFilter(consoleFilter);
      quieted.add(console);
    }
  }

  @Override
  public void close() {
    ferry.detachAppender(appender);
    appender.stop();
    if (!quieted.isEmpty()) {
      ferry.setLevel(previousLevel);
      for (Appender<ILoggingEvent> console : quieted) {
        var keep = console.getCopyOfAttachedFiltersList().stream().filter(f -> f != consoleFilter).toList();
        console.clearAllFilters();
        keep.forEach(console::addFilter);
      }
    }
  }
}
