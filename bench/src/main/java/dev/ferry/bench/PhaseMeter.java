package dev.ferry.bench;

import static dev.ferry.bench.BenchSupport.pids;
import static dev.ferry.bench.BenchSupport.secondsSince;

import dev.ferry.testbed.LocalCluster;
import java.util.ArrayList;
import java.util.List;

/** Measures the phases of a benchmark run between two clusters: wall time and CPU by who spent it. */
final class PhaseMeter {
  private final LocalCluster sourceCluster;
  private final LocalCluster destinationCluster;

  PhaseMeter(LocalCluster source, LocalCluster destination) {
    this.sourceCluster = source;
    this.destinationCluster = destination;
  }

  /** Starts measuring a phase that talks to {@code target}. */
  Meter start(LocalCluster target) {
    return new Meter(target);
  }

  /** Where the time and CPU of one phase went. */
  record Measured(double seconds, double clientCpu, double clusterCpu, double otherCpu) {
  }

  /**
   * Started just before a phase: wall time, CPU of this JVM, of the cluster the phase talks to,
   * of both clusters and of the whole machine, so {@link #stop} can also tell how much CPU
   * processes outside the benchmark (other builds on a shared machine) took meanwhile.
   */
  final class Meter {
    private final LocalCluster target;
    private final long t0 = System.nanoTime();
    private final double jvm0 = CpuMeter.jvmSeconds();
    private final double target0;
    private final double clusters0;
    private final double machine0;

    Meter(LocalCluster target) {
      this.target = target;
      this.target0 = CpuMeter.seconds(pids(target));
      this.clusters0 = CpuMeter.seconds(clusterPids());
      this.machine0 = CpuMeter.machineBusySeconds();
    }

    /** {@code childCpu}: CPU of commands the phase ran (kubectl), which this JVM's own counter misses. */
    Measured stop(double childCpu) {
      double seconds = secondsSince(t0);
      double jvm = CpuMeter.jvmSeconds() - jvm0;
      double cluster = CpuMeter.seconds(pids(target)) - target0;
      double clusters = CpuMeter.seconds(clusterPids()) - clusters0;
      double machine = CpuMeter.machineBusySeconds() - machine0;
      double other = Math.max(0, machine - jvm - clusters - childCpu);
      return new Measured(seconds, jvm + childCpu, cluster, other);
    }
  }

  private List<Long> clusterPids() {
    List<Long> all = new ArrayList<>(pids(sourceCluster));
    all.addAll(pids(destinationCluster));
    return all;
  }
}
