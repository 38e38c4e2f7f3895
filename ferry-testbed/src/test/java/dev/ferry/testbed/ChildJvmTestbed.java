package dev.ferry.testbed;

import java.nio.file.Path;

/** Run in a child JVM by {@link NoLeftoverProcessesIT}: starts a cluster, prints its pids, then exits. */
public final class ChildJvmTestbed {
  private ChildJvmTestbed() {
  }

  public static void main(String[] args) throws Exception {
    LocalCluster cluster = LocalCluster.start("child", Path.of(args[0]),
        new ClusterOptions(true, false, 0, true));
    cluster.processes().forEach(p -> System.out.println("PID " + p.pid()));
    System.out.flush();
    if (args.length > 1 && args[1].equals("wait")) {
      Thread.sleep(600_000); // until the parent sends SIGTERM
    }
    // Exit without closing the cluster: the shutdown hook must stop every process.
    System.exit(0);
  }
}
