package dev.ferry.testbed;

/**
 * Which parts of a local cluster to run. The API server alone is enough to test schemas;
 * the controller manager, scheduler and KWOK make workloads, PVCs and garbage collection real.
 *
 * @param controllers run kube-controller-manager (with the hostPath provisioner)
 * @param scheduler   run kube-scheduler
 * @param kwokNodes   fake nodes KWOK manages (0: no KWOK)
 * @param registry    run a container registry as the cluster's exposed registry
 */
public record ClusterOptions(boolean controllers, boolean scheduler, int kwokNodes, boolean registry) {
  public static ClusterOptions apiServerOnly() {
    return new ClusterOptions(false, false, 0, false);
  }

  public static ClusterOptions full() {
    return new ClusterOptions(true, true, 2, true);
  }
}
