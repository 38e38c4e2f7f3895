package dev.ferry.cli.demo;

import dev.ferry.testbed.NodeImages;
import dev.ferry.testbed.RealNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ferry demo --real-nodes}: the shop's volume moves through Ferry's mover pods (a receiver
 * Job on the destination's real node, a sender Job on the source's) instead of inside the demo's
 * process. What it changes in the shop, and why:
 * <ul>
 *   <li>the namespace's {@code openshift.io/node-selector} (the project node selector Ferry's mover
 *       pods take, copied to {@code shop-prod}) names the real nodes, and its default toleration
 *       lets pods onto them;</li>
 *   <li>the database really runs there, from the node's busybox image (the claim is ReadWriteOnce:
 *       during the stage the sender must run on the database's node); the storefront stays on KWOK's
 *       nodes (its image holds a page, not a program).</li>
 * </ul>
 * Model and checks only; the demo applies them.
 */
final class RealNodeMode {
  static final String PROJECT_NODE_SELECTOR = "openshift.io/node-selector";
  static final String DEFAULT_TOLERATIONS = "scheduler.alpha.kubernetes.io/defaultTolerations";

  private RealNodeMode() {
  }

  /**
   * Why the mover pods cannot run on this testbed, if they cannot: no Ready real node in a cluster
   * (the machine cannot run containers, or the testbed was started without them), or no Ferry image
   * to run.
   */
  static Optional<String> unavailable(KubernetesClient source, KubernetesClient destination) {
    for (Map.Entry<String, KubernetesClient> cluster : Map.of("source", source, "destination", destination)
        .entrySet()) {
      List<Node> nodes = cluster.getValue().nodes().withLabel(RealNode.LABEL, "real").list().getItems();
      if (nodes.stream().noneMatch(RealNodeMode::ready)) {
        return Optional.of("the " + cluster.getKey() + " cluster has no Ready real node (see the testbed's log: "
            + "'ferry testbed down', then 'ferry demo --real-nodes' starts them where this machine can run "
            + "containers)");
      }
    }
    if (NodeImages.ferryArchive().isEmpty()) {
      return Optional.of("Ferry's image is not built, so the nodes cannot run the mover (build it with "
          + "scripts/build-image.sh, then restart the testbed)");
    }
    return Optional.empty();
  }

  /** The shop's objects placed as the class comment says (changed in place). */
  static List<HasMetadata> place(List<HasMetadata> objects) {
    for (HasMetadata object : objects) {
      if (object instanceof Namespace namespace) {
        Map<String, String> annotations = namespace.getMetadata().getAnnotations() == null ? new LinkedHashMap<>()
            : new LinkedHashMap<>(namespace.getMetadata().getAnnotations());
        annotations.put(PROJECT_NODE_SELECTOR, RealNode.LABEL + "=real");
        annotations.put(DEFAULT_TOLERATIONS, "[{\"key\":\"" + RealNode.TAINT
            + "\",\"operator\":\"Exists\",\"effect\":\"NoSchedule\"}]");
        namespace.getMetadata().setAnnotations(annotations);
      } else if (object instanceof Deployment deployment) {
        deployment.getSpec().getTemplate().getSpec().setNodeSelector(Map.of("type", "kwok"));
      } else if (object instanceof StatefulSet statefulSet) {
        PodSpec pod = statefulSet.getSpec().getTemplate().getSpec();
        pod.setNodeSelector(RealNode.nodeSelector());
        // sleep as pid 1 ignores SIGTERM: without this the quiesce would wait the default 30 s.
        pod.setTerminationGracePeriodSeconds(1L);
        pod.getContainers().forEach(c -> {
          c.setImage(NodeImages.TEST_IMAGE);
          c.setImagePullPolicy("Never");
          c.setCommand(List.of("sleep", "infinity"));
        });
      }
    }
    return objects;
  }

  private static boolean ready(Node node) {
    return node.getStatus() != null && node.getStatus().getConditions() != null
        && node.getStatus().getConditions().stream()
        .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()))
        && (node.getSpec() == null || !Boolean.TRUE.equals(node.getSpec().getUnschedulable()));
  }
}
