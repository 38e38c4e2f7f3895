package dev.ferry.bench;

import static dev.ferry.bench.BenchSupport.mib;
import static dev.ferry.bench.BenchSupport.peakRss;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The results table of the resources benchmark, its ratios (Ferry / kubectl) and notes. */
final class ResourcesReport {
  /**
   * One line of the results table. {@code heap} is null for phases that do not run in this JVM;
   * {@code clientCpu} is the CPU time of the client (this JVM, or kubectl), {@code clusterCpu}
   * that of the cluster the phase talked to (etcd, kube-apiserver, controllers, ...), {@code otherCpu}
   * that of every process outside the benchmark (on a shared machine: other people's builds).
   */
  record Row(String phase, int objects, String items, double seconds, double clientCpu, double clusterCpu,
             double otherCpu, HeapMonitor.Peak heap, String note) {
    double perSecond() {
      return objects / seconds;
    }
  }

  private final int objects;
  private final boolean kubectlFirst;
  private final List<Row> rows = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private Map<String, Integer> expected = Map.of();
  Row ferryBackup;
  Row ferryRestore;
  Row kubectlGet;
  Row kubectlRewrite;
  Row kubectlCreate;
  Row veleroBackup;
  Row veleroRestore;

  ResourcesReport(int objects, boolean kubectlFirst) {
    this.objects = objects;
    this.kubectlFirst = kubectlFirst;
  }

  void expected(Map<String, Integer> expected) {
    this.expected = expected;
  }

  void note(String note) {
    notes.add(note);
  }

  /** Adds a row of the table and returns it. */
  Row add(String phase, String items, PhaseMeter.Measured m, HeapMonitor.Peak heap, String note) {
    Row row = new Row(phase, objects, items, m.seconds(), m.clientCpu(), m.clusterCpu(), m.otherCpu(), heap, note);
    rows.add(row);
    return row;
  }

  void print() {
    StringBuilder s = new StringBuilder();
    s.append("\n## Resources benchmark: ").append(objects).append(" objects ").append(expected)
        .append("\n\n");
    s.append("| phase | objects | items handled | seconds | objects/s | client CPU s | cluster CPU s "
        + "| other CPU s | peak heap used (50 ms samples) | peak heap after GC | notes |\n");
    s.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
    for (Row r : rows) {
      s.append(String.format(Locale.ROOT, "| %s | %d | %s | %.2f | %.0f | %.1f | %s | %.1f | %s | %s | %s |%n",
          r.phase(), r.objects(), r.items(), r.seconds(), r.perSecond(), r.clientCpu(),
          r.clusterCpu() == 0 ? "—" : String.format(Locale.ROOT, "%.1f", r.clusterCpu()), r.otherCpu(),
          r.heap() == null ? "—" : mib(r.heap().sampledPeak()),
          r.heap() == null ? "—" : r.heap().collections() == 0 ? "no GC" : mib(r.heap().peakAfterGc())
              + " (" + r.heap().collections() + " GCs)",
          r.note()));
    }
    s.append("\nobjects: the benchmark's own objects (objects/s is computed on them); items handled: what the tool "
        + "backed up / restored in total (Ferry also takes the namespace, its default ServiceAccount and "
        + "kube-root-ca.crt, and the Endpoints and EndpointSlices the Services got). client CPU: this JVM "
        + "(Ferry, rewrite) or kubectl's user+system time; cluster CPU: all processes of the cluster the phase "
        + "talked to (etcd, kube-apiserver, controllers, scheduler, KWOK, registry); other CPU: every other process "
        + "on the machine meanwhile (0 on a quiet machine; on a shared one it competes for the same cores).\n");
    s.append("\nRatios (time, Ferry / kubectl; below 1 means Ferry is faster):\n\n");
    if (ferryBackup != null && kubectlGet != null) {
      s.append(String.format(Locale.ROOT, "- backup:  Ferry backup / kubectl get            = %.2f%n",
          ferryBackup.seconds() / kubectlGet.seconds()));
    }
    if (ferryRestore != null && kubectlCreate != null) {
      s.append(String.format(Locale.ROOT, "- restore: Ferry restore / kubectl create         = %.2f%n",
          ferryRestore.seconds() / kubectlCreate.seconds()));
      s.append(String.format(Locale.ROOT, "- restore: Ferry restore / (rewrite + kubectl create) = %.2f%n",
          ferryRestore.seconds() / (kubectlRewrite.seconds() + kubectlCreate.seconds())));
    }
    if (ferryBackup != null && ferryRestore != null && kubectlGet != null && kubectlCreate != null) {
      s.append(String.format(Locale.ROOT, "- round trip: Ferry (backup + restore) / kubectl (get + rewrite + create) "
              + "= %.2f%n", (ferryBackup.seconds() + ferryRestore.seconds())
              / (kubectlGet.seconds() + kubectlRewrite.seconds() + kubectlCreate.seconds())));
    }
    if (veleroBackup != null && veleroRestore != null) {
      s.append("\nRatios (time, Ferry / Velero, Velero's CLI included; targets: backup <= 0.5, restore <= 0.1):\n\n");
      if (ferryBackup != null) {
        s.append(String.format(Locale.ROOT, "- backup:  Ferry backup / velero backup create   = %.2f%n",
            ferryBackup.seconds() / veleroBackup.seconds()));
      }
      if (ferryRestore != null) {
        s.append(String.format(Locale.ROOT, "- restore: Ferry restore / velero restore create = %.2f%n",
            ferryRestore.seconds() / veleroRestore.seconds()));
      }
    }
    long maxHeap = Runtime.getRuntime().maxMemory();
    s.append("\nHeap: this JVM ran with max heap ").append(mib(maxHeap))
        .append(" (-Xmx); target for Ferry's phases: under 512 MiB.");
    long worst = rows.stream().filter(r -> r.heap() != null).mapToLong(r -> r.heap().sampledPeak()).max().orElse(0);
    s.append(" Largest sampled heap used in a Ferry phase: ").append(mib(worst)).append(".\n");
    s.append("JVM input arguments: ").append(ManagementFactory.getRuntimeMXBean().getInputArguments()).append('\n');
    s.append("JVM peak resident set, whole run (testbed client, setup included): ").append(peakRss()).append('\n');
    s.append("Order: ").append(kubectlFirst ? "kubectl side first, then Ferry" : "Ferry first, then kubectl")
        .append(".\n");
    for (String note : notes) {
      s.append("- ").append(note).append('\n');
    }
    System.out.println(s);
    System.out.flush();
  }
}
