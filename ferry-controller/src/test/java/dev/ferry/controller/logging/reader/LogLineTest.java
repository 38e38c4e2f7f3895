package dev.ferry.controller.logging.reader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LogLineTest {

  @Test
  void readsWhatLogbacksJsonEncoderWrites() {
    LoggerContext context = new LoggerContext();
    JsonEncoder encoder = new JsonEncoder();
    encoder.setContext(context);
    encoder.setWithContext(false);
    encoder.setWithMessage(false);
    encoder.setWithFormattedMessage(true);
    encoder.start();
    LoggingEvent event = new LoggingEvent("x", context.getLogger("dev.ferry.controller.itinerary.ItineraryRunner"),
        Level.WARN, "{} failed in phase {}: {}", null, new Object[] {"Final", "ValidatePlan", "plan p is closed"});
    event.setMDCPropertyMap(Map.of("migration", "bad", "migration_uid", "u-1", "component", "migration"));
    event.setTimeStamp(1_700_000_000_123L);
    String json = new String(encoder.encode(event), StandardCharsets.UTF_8);

    LogLine line = LogLine.fromControllerJson("controller", json).orElseThrow();
    assertThat(line.time()).isEqualTo(Instant.ofEpochMilli(1_700_000_000_123L));
    assertThat(line.level()).isEqualTo("WARN");
    assertThat(line.text()).isEqualTo("ItineraryRunner: Final failed in phase ValidatePlan: plan p is closed");
    assertThat(line.component()).isEqualTo("migration");
    assertThat(line.aboutMigration(Set.of("bad"), Set.of())).isTrue();
    assertThat(line.aboutMigration(Set.of(), Set.of("u-1"))).isTrue();
    assertThat(line.aboutMigration(Set.of("other"), Set.of("u-2"))).isFalse();
    assertThat(LogLine.fromControllerJson("controller", "not json")).isEmpty();
  }

  @Test
  void readsPodLinesWithTimestampsAndVeleroLogfmt() {
    LogLine pod = LogLine.fromPodLine("mover/x", "2026-12-07T18:00:01.123456789Z sending: 42% (3.0 MiB of 7.0 MiB)")
        .orElseThrow();
    assertThat(pod.time()).isEqualTo(Instant.parse("2026-12-07T18:00:01.123456789Z"));
    assertThat(pod.text()).isEqualTo("sending: 42% (3.0 MiB of 7.0 MiB)");

    LogLine velero = LogLine.fromLogfmt("backup/b", "time=\"2026-12-07T18:00:02Z\" level=info msg=\"Backed up 3 items\""
        + " backup=openshift-migration/b").orElseThrow();
    assertThat(velero.time()).isEqualTo(Instant.parse("2026-12-07T18:00:02Z"));
    assertThat(velero.level()).isEqualTo("INFO");
    assertThat(velero.text()).isEqualTo("msg=\"Backed up 3 items\" backup=openshift-migration/b");
  }

  @Test
  void redactsTokensKeysAndPasswords() {
    assertThat(Redaction.redact("token: eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzeXN0ZW0ifQ.c2lnbmF0dXJlc2lnbmF0dXJl"))
        .isEqualTo("token: <redacted>");
    assertThat(Redaction.redact("aws_secret_access_key=abc123xyz and more")).isEqualTo(
        "aws_secret_access_key=<redacted> and more");
    assertThat(Redaction.redact("{\"password\": \"hunter2\"}")).isEqualTo("{\"password\": <redacted>}");
    assertThat(Redaction.redact("s3://user:pa55word@host/bucket")).isEqualTo("s3://user:<redacted>@host/bucket");
    assertThat(Redaction.redact("DefaultEndpointsProtocol=https;AccountName=a;AccountKey=Zm9vYmFy==;"))
        .isEqualTo("DefaultEndpointsProtocol=https;AccountName=a;AccountKey=<redacted>;");
    assertThat(Redaction.redact("copied 3 files to shop-prod")).isEqualTo("copied 3 files to shop-prod");
  }
}
