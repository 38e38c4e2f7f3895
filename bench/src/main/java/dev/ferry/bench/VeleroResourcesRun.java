package dev.ferry.bench;

import static dev.ferry.bench.BenchSupport.say;
import static dev.ferry.bench.BenchSupport.secondsSince;
import static dev.ferry.bench.ResourcesSeeder.SOURCE_NS;
import static dev.ferry.bench.ResourcesSeeder.count;

import dev.ferry.testbed.LocalCluster;
import dev.ferry.testbed.LocalVelero;
import dev.ferry.testbed.Testbed;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Velero's column: a real Velero 1.18 server ({@link Testbed#velero()}, out-of-cluster on the
 * source cluster, its location on the testbed's S3 server) backs up the source namespace and
 * restores it into a new namespace of the same cluster, {@code runs} times each; the wall time of
 * each {@code velero … create --wait} is measured, CLI included, and the median reported.
 */
final class VeleroResourcesRun {
  /** A restore of 10 000 objects takes Velero 3–4 minutes on this machine; give it room. */
  private static final Duration VELERO_WAIT = Duration.ofMinutes(20);

  private final PhaseMeter meters;
  private final ResourcesReport report;
  private final Map<String, Integer> expected;
  private final int runs;

  VeleroResourcesRun(PhaseMeter meters, ResourcesReport report, Map<String, Integer> expected, int runs) {
    this.meters = meters;
    this.report = report;
    this.expected = expected;
    this.runs = runs;
  }

  /** False if a backup or restore did not complete or a restored namespace differs from the source. */
  boolean run(Testbed testbed) {
    boolean ok = true;
    long t0 = System.nanoTime();
    LocalVelero velero = testbed.velero();
    LocalCluster source = testbed.source();
    report.note(String.format(Locale.ROOT, "Velero %s server up in %.1f s (out-of-cluster, AWS plugin, S3Proxy "
        + "bucket %s).", LocalVelero.VERSION, secondsSince(t0), velero.bucket()));
    double[] backups = new double[runs];
    double[] restores = new double[runs];
    double[] backupCpu = new double[runs];
    double[] restoreCpu = new double[runs];
    double[] backupOther = new double[runs];
    double[] restoreOther = new double[runs];
    List<String> notes = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      String backup = "bench-velero-" + i;
      String target = "bench-velero-" + i;
      say("velero backup create " + backup + " --wait ...");
      PhaseMeter.Meter meter = meters.start(source);
      LocalVelero.Result b = velero.cli(VELERO_WAIT, "backup", "create", backup, "--include-namespaces", SOURCE_NS, "--wait");
      PhaseMeter.Measured m = meter.stop(0);
      backups[i] = m.seconds();
      backupCpu[i] = m.clusterCpu();
      backupOther[i] = m.otherCpu();
      boolean completed = b.exitCode() == 0 && velero.cli("backup", "get", backup).output()
          .matches("(?s).*" + backup + "\\s+Completed.*");
      say(String.format(Locale.ROOT, "  %s in %.1f s", completed ? "Completed" : "NOT completed", m.seconds()));
      ok &= completed;

      say("velero restore create into " + target + " --wait ...");
      meter = meters.start(source);
      LocalVelero.Result r = velero.cli(VELERO_WAIT, "restore", "create", "r-" + backup, "--from-backup", backup,
          "--namespace-mappings", SOURCE_NS + ":" + target, "--wait");
      m = meter.stop(0);
      restores[i] = m.seconds();
      restoreCpu[i] = m.clusterCpu();
      restoreOther[i] = m.otherCpu();
      Map<String, Integer> counted = count(source.client(), target);
      boolean match = r.exitCode() == 0 && counted.equals(expected);
      say(String.format(Locale.ROOT, "  %.1f s; %s %s", m.seconds(), target, counted));
      notes.add(String.format(Locale.ROOT, "run %d: backup %.1f s, restore %.1f s (%s %s)", i + 1, backups[i],
          restores[i], target, match ? "= source" : "!= source " + counted));
      ok &= match;
    }
    report.veleroBackup = report.add("velero backup create --wait (median of " + runs + ", CLI included)", "",
        new PhaseMeter.Measured(median(backups), 0, median(backupCpu), median(backupOther)), null,
        String.join("; ", notes));
    report.veleroRestore = report.add("velero restore create --namespace-mappings --wait (median of " + runs
        + ", CLI included)", "", new PhaseMeter.Measured(median(restores), 0, median(restoreCpu), median(restoreOther)), null,
        "Velero's server and CLI are counted in other CPU");
    return ok;
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
