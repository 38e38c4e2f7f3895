package dev.ferry.bench;

import static dev.ferry.bench.BenchSupport.deleteTree;
import static dev.ferry.bench.BenchSupport.loadAverage;
import static dev.ferry.bench.BenchSupport.mib;
import static dev.ferry.bench.BenchSupport.say;
import static dev.ferry.bench.BenchSupport.secondsSince;

import dev.ferry.backup.backup.Backupper;
import dev.ferry.backup.restore.Restorer;
import dev.ferry.testbed.ClusterOptions;
import dev.ferry.testbed.LocalCluster;
import dev.ferry.testbed.LocalVelero;
import dev.ferry.testbed.Testbed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * SPEC §5, resources: backs up one namespace of N small objects (60 % ConfigMaps, 30 % Secrets,
 * 10 % ClusterIP Services) from a private testbed's source cluster and restores it on its
 * destination under a mapped namespace, with Ferry's engine ({@link Backupper}, {@link Restorer})
 * and, in the same run, with what a user would script instead: {@code kubectl get -o json}, a
 * small rewrite, {@code kubectl create -f}. Prints one table: seconds, objects/s and the heap
 * Ferry's phases used. Run it with {@code -Xmx512m} (bench/run-resources.sh does) so the heap
 * target is enforced, not just observed.
 *
 * <pre>
 * options: --objects N        objects to create in the source namespace (default 10000)
 *          --threads N        parallel creates during setup (default 8)
 *          --kubectl PATH     kubectl binary (default /usr/bin/kubectl; the kubectl side is
 *                             skipped if it is missing)
 *          --no-kubectl       Ferry's side only
 *          --kubectl-first    run the kubectl side before Ferry's (default: Ferry first)
 *          --work-dir DIR     where the testbed and the repository live (default: a new temp dir)
 *          --keep             keep the work dir (and its cluster logs) afterwards
 *          --no-velero        no Velero column (default: a real Velero 1.18 server on the source
 *                             cluster backs up and restores the namespace, when it is built)
 *          --velero-runs N    Velero backups and restores to take the median of (default 3)
 * </pre>
 */
public final class ResourcesBenchmark {
  static final String FERRY_NS = "bench-ferry";
  static final String KUBECTL_NS = "bench-kubectl";

  private final ResourcesOptions options;
  private final ResourcesReport report;

  private ResourcesBenchmark(ResourcesOptions options) {
    this.options = options;
    this.report = new ResourcesReport(options.objects(), options.kubectlFirst());
  }

  public static void main(String[] args) throws Exception {
    ResourcesOptions options;
    try {
      options = ResourcesOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    boolean ok = new ResourcesBenchmark(options).run();
    System.exit(ok ? 0 : 1);
  }

  private boolean run() throws Exception {
    Path work = options.workDir() != null ? Files.createDirectories(options.workDir())
        : Files.createTempDirectory("ferry-bench-resources-");
    say("work dir " + work + "; max heap " + mib(Runtime.getRuntime().maxMemory()) + "; "
        + Runtime.getRuntime().availableProcessors() + " CPUs");
    boolean ok = true;
    try (Testbed testbed = new Testbed(work.resolve("testbed"), ClusterOptions.full())) {
      long t0 = System.nanoTime();
      LocalCluster source = testbed.source();
      LocalCluster destination = testbed.destination();
      PhaseMeter meters = new PhaseMeter(source, destination);
      say(String.format(Locale.ROOT, "testbed up in %.1f s: source %s, destination %s", secondsSince(t0),
          source.url(), destination.url()));

      Map<String, Integer> expected = new ResourcesSeeder(options.objects(), options.threads(), report)
          .populate(source.client());
      report.expected(expected);
      FerryResourcesRun ferry = new FerryResourcesRun(meters, report, expected);
      String loadBefore = loadAverage();

      Path kubectl = options.kubectl();
      boolean haveKubectl = kubectl != null && Files.isExecutable(kubectl);
      KubectlResourcesRun kubectlRun = new KubectlResourcesRun(kubectl, meters, report, expected);
      if (kubectl == null) {
        report.note("--no-kubectl: Ferry's side only.");
      } else if (!haveKubectl) {
        report.note("kubectl not found at " + kubectl + ": the kubectl side was skipped.");
      }
      if (options.kubectlFirst() && haveKubectl) {
        ok &= kubectlRun.run(source, destination, work);
      }
      ok &= ferry.run(source, destination, work);
      if (!options.kubectlFirst() && haveKubectl) {
        ok &= kubectlRun.run(source, destination, work);
      }
      if (options.veleroRuns() > 0) {
        if (java.nio.file.Files.isExecutable(LocalVelero.home().resolve("velero"))) {
          ok &= new VeleroResourcesRun(meters, report, expected, options.veleroRuns()).run(testbed);
        } else {
          report.note("Velero not built (" + LocalVelero.home() + "; scripts/build-velero.sh): the Velero side was "
              + "skipped.");
        }
      } else {
        report.note("--no-velero: no Velero column.");
      }
      report.note("Load average (1, 5, 15 min) before the measured phases: " + loadBefore + "; after: "
          + loadAverage() + ".");
      report.print();
    } finally {
      if (!options.keep()) {
        deleteTree(work);
      } else {
        say("kept " + work);
      }
    }
    return ok;
  }
}
