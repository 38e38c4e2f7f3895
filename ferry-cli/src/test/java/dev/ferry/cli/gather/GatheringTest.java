package dev.ferry.cli.gather;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class GatheringTest {

  @Test
  void masksKnownSecretValuesAndTheirBase64Everywhere() {
    Gathering gathering = new Gathering();
    gathering.secretValue("s3cr3t-value");
    gathering.add("a.yaml", "env: s3cr3t-value\nencoded: " + Base64.getEncoder().encodeToString("s3cr3t-value".getBytes())
        + "\nplain: hello\n");
    gathering.note("could not read s3cr3t-value");
    assertThat(gathering.files().get("a.yaml")).isEqualTo("env: <redacted>\nencoded: <redacted>\nplain: hello\n");
    assertThat(gathering.notes()).containsExactly("could not read <redacted>");
  }

  @Test
  void openMetricsHasTimestampsOneHeaderPerFamilyAndEof() {
    String scrape = "# HELP cam_app_workload_migrations Count\n# TYPE cam_app_workload_migrations gauge\n"
        + "cam_app_workload_migrations{status=\"running\",type=\"final\"} 1.0\n";
    String om = OpenMetrics.of(List.of(new OpenMetrics.Scrape(Instant.ofEpochMilli(1_700_000_000_500L), scrape),
        new OpenMetrics.Scrape(Instant.ofEpochMilli(1_700_000_030_500L), scrape)));
    assertThat(om).isEqualTo("# HELP cam_app_workload_migrations Count\n# TYPE cam_app_workload_migrations gauge\n"
        + "cam_app_workload_migrations{status=\"running\",type=\"final\"} 1.0 1700000000.500\n"
        + "cam_app_workload_migrations{status=\"running\",type=\"final\"} 1.0 1700000030.500\n# EOF\n");
  }

  @Test
  void theMetricsHistoryIsReadNextToTheMetricsUrl() {
    assertThat(ControllerMetricsHistory.historyUrl(java.net.URI.create("http://127.0.0.1:8080/metrics"), "?since=1h"))
        .hasToString("http://127.0.0.1:8080/metrics/history?since=1h");
    assertThat(ControllerMetricsHistory.historyUrl(java.net.URI.create("http://h:9/"), "?since=24h"))
        .hasToString("http://h:9/metrics/history?since=24h");
  }
}
