package dev.ferry.controller.velero;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.ferry.controller.logging.LogContext;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** Work handed to the executor logs under the migration that handed it over, as {@code ferry logs} filters. */
class VeleroExecutorTest {

  @Test
  void theSubmittersLogContextGoesWithTheWorkAndStaysThere() throws Exception {
    Logger logger = (Logger) LoggerFactory.getLogger("dev.ferry.test.VeleroExecutorTest");
    ListAppender<ILoggingEvent> lines = new ListAppender<>() {
      @Override
      protected void append(ILoggingEvent event) {
        event.prepareForDeferredProcessing(); // the MDC of the thread that logged, taken now
        super.append(event);
      }
    };
    lines.start();
    logger.addAppender(lines);
    CountDownLatch ran = new CountDownLatch(2);
    try (VeleroExecutor executor = new VeleroExecutor(1)) {
      try (var log = LogContext.migration("m-1", "uid-1", "plan-1", "migration")) {
        executor.submit("backup-uid", () -> {
          try (var component = LogContext.component("backup")) {
            logger.info("backing up");
          }
          ran.countDown();
        });
      }
      // The pool thread is reused: work submitted outside any migration carries none.
      executor.submit("other", () -> {
        logger.info("unrelated");
        ran.countDown();
      });
      assertThat(ran.await(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      logger.detachAppender(lines);
    }
    assertThat(MDC.get(LogContext.MIGRATION)).isNull();
    ILoggingEvent backup = lines.list.stream().filter(e -> e.getMessage().equals("backing up")).findFirst()
        .orElseThrow();
    assertThat(backup.getMDCPropertyMap()).containsEntry(LogContext.MIGRATION, "m-1")
        .containsEntry(LogContext.MIGRATION_UID, "uid-1").containsEntry(LogContext.PLAN, "plan-1")
        .containsEntry(LogContext.COMPONENT, "backup");
    ILoggingEvent other = lines.list.stream().filter(e -> e.getMessage().equals("unrelated")).findFirst()
        .orElseThrow();
    assertThat(other.getMDCPropertyMap()).doesNotContainKeys(LogContext.MIGRATION, LogContext.COMPONENT);
  }
}
