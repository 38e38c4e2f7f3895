package dev.ferry.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * The command's logging, set in code (found by logback through ServiceLoader, before it looks for
 * logback.xml): the CLI talks to the user on stdout and stderr itself, so library logging stays
 * quiet — warnings and errors to stderr (text, or JSON with {@code FERRY_LOG_FORMAT=json}), fabric8 silent ({@code ferry controller} raises Ferry's
 * own level). In code rather than XML because reading logback.xml is an XML parser and logback's
 * configuration model (~500 classes) in every command's start-up.
 *
 * <p>A {@code -Dlogback.configurationFile} or a {@code logback-test.xml} (tests) still wins.
 */
public final class LogbackSetup extends ContextAwareBase implements Configurator {
  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (System.getProperty("logback.configurationFile") != null
        || LogbackSetup.class.getClassLoader().getResource("logback-test.xml") != null) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    Encoder<ILoggingEvent> encoder = "json".equals(System.getenv("FERRY_LOG_FORMAT")) ? json() : text();
    encoder.setContext(context);
    encoder.start();
    ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
    stderr.setContext(context);
    stderr.setName("STDERR");
    stderr.setTarget("System.err");
    stderr.setEncoder(encoder);
    stderr.start();
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.WARN);
    root.addAppender(stderr);
    context.getLogger("io.fabric8").setLevel(Level.OFF);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  /** Text lines, with the MDC's migration and component when a line has them. */
  private static Encoder<ILoggingEvent> text() {
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setPattern("%d{HH:mm:ss} %-5level %logger{20}%replace( [%X{migration}/%X{component}]){' \\[/\\]', ''}"
        + " - %msg%n");
    return encoder;
  }

  /**
   * {@code FERRY_LOG_FORMAT=json} (as deploy/controller.yaml sets): one JSON object a line, with the
   * MDC (migration, plan, component) that {@code ferry logs} filters on.
   */
  private static Encoder<ILoggingEvent> json() {
    JsonEncoder encoder = new JsonEncoder();
    encoder.setWithSequenceNumber(false);
    encoder.setWithNanoseconds(false);
    encoder.setWithContext(false);
    encoder.setWithArguments(false);
    encoder.setWithMessage(false);
    encoder.setWithFormattedMessage(true);
    return encoder;
  }
}
