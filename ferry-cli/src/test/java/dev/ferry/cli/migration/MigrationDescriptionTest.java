package dev.ferry.cli.migration;

import dev.ferry.cli.MigrationSamples;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code ferry migration describe} and its pipeline table, character for character. */
class MigrationDescriptionTest {

  private static String header(String quiesce, String verify, String phase) {
    return """
        Name:          m1
        Namespace:     openshift-migration
        Plan:          shop
        Type:          cutover
        Quiesce pods:  %s
        Verify:        %s
        Phase:         %s
        Itinerary:     Final
        Started:       2026-11-28T12:00:01Z

        """.formatted(quiesce, verify, phase);
  }

  @Test
  void completed() {
    String text = new MigrationDescription(MigrationSamples.migration("stage: false\nquiescePods: true\n",
        MigrationSamples.COMPLETED)).text();
    assertThat(text).isEqualTo(header("yes", "no", "Completed") + """
        Pipeline:
          STEP      STATUS      STARTED                COMPLETED              MESSAGE
          Prepare   Completed   2026-11-28T12:00:01Z   2026-11-28T12:00:02Z   Completed
          Backup    Completed   2026-11-28T12:00:02Z   2026-11-28T12:00:10Z   Completed
          Restore   Completed   2026-11-28T12:00:10Z   2026-11-28T12:00:20Z   Completed

        Conditions:
          TYPE        CATEGORY   MESSAGE
          Succeeded   Advisory   The migration has completed successfully.

        Errors:
          <none>
        """);
  }

  @Test
  void running() {
    String text = new MigrationDescription(MigrationSamples.migration("stage: false\nquiescePods: false\n",
        MigrationSamples.RUNNING)).text();
    assertThat(text).isEqualTo(header("no", "no", "InitialBackupCreated") + """
        Pipeline:
          STEP      STATUS        STARTED                COMPLETED              MESSAGE
          Prepare   Completed     2026-11-28T12:00:01Z   2026-11-28T12:00:02Z   Completed
          Backup    Running       2026-11-28T12:00:02Z   -                      Running: InitialBackupCreated
          Restore   Not started   -                      -                      Not started

        Conditions:
          TYPE      CATEGORY   MESSAGE
          Running   Advisory   Step: 2/7

        Errors:
          <none>
        """);
  }

  @Test
  void failed() {
    String text = new MigrationDescription(MigrationSamples.migration(
        "stage: false\nquiescePods: true\nverify: true\n", MigrationSamples.FAILED)).text();
    assertThat(text).isEqualTo(header("yes", "yes", "Failed") + """
        Pipeline:
          STEP      STATUS        STARTED                COMPLETED              MESSAGE
          Prepare   Completed     2026-11-28T12:00:01Z   2026-11-28T12:00:02Z   Completed
          Backup    Failed        2026-11-28T12:00:02Z   2026-11-28T12:00:05Z   Failed: InitialBackupCreated: bucket gone
          Restore   Not started   -                      -                      Not started

        Conditions:
          TYPE     CATEGORY   MESSAGE
          Failed   Critical   The migration has failed. See: Errors. InitialBackupCreated: bucket gone

        Errors:
          - InitialBackupCreated: bucket gone
        """);
  }

  @Test
  void rollbackBeforeTheControllerPicksItUp() {
    var migration = MigrationSamples.migration("rollback: true\n", "{}\n");
    assertThat(new MigrationDescription(migration).text()).isEqualTo("""
        Name:       m1
        Namespace:  openshift-migration
        Plan:       shop
        Type:       rollback
        Phase:      <not started>
        Itinerary:  <none>
        Started:    <n/a>

        Pipeline:
          (no pipeline yet: the controller has not picked the migration up)

        Conditions:
          <none>

        Errors:
          <none>
        """);
  }

  @Test
  void watchSnapshot() {
    assertThat(MigrationWatch.snapshot(MigrationSamples.migration("stage: false\n", MigrationSamples.RUNNING)))
        .isEqualTo("""
            Migration m1: InitialBackupCreated
            STEP      STATUS        STARTED                COMPLETED              MESSAGE
            Prepare   Completed     2026-11-28T12:00:01Z   2026-11-28T12:00:02Z   Completed
            Backup    Running       2026-11-28T12:00:02Z   -                      Running: InitialBackupCreated
            Restore   Not started   -                      -                      Not started
            """);
  }
}
