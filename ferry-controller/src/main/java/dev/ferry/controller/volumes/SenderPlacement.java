package dev.ferry.controller.volumes;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the sender pod must run: a ReadWriteOnce volume still mounted by a running pod (a stage
 * migration copies while the application runs) can be mounted only on that pod's node, so the
 * sender goes there ({@code kubernetes.io/hostname}); otherwise anywhere the namespace's node
 * selector allows.
 */
public final class SenderPlacement {
  static final String HOSTNAME = "kubernetes.io/hostname";

  private SenderPlacement() {
  }

  public static Map<String, String> nodeSelector(KubernetesClient source, PersistentVolumeClaim claim,
                                                 Map<String, String> namespaceSelector) {
    Map<String, String> selector = new LinkedHashMap<>(namespaceSelector);
    if (!readWriteOnce(claim)) {
      return selector;
    }
    List<Pod> pods = source.pods().inNamespace(claim.getMetadata().getNamespace()).list().getItems();
    nodeOf(pods, claim.getMetadata().getName()).ifPresent(nodeName -> {
      Node node = source.nodes().withName(nodeName).get();
      String hostname = node == null || node.getMetadata().getLabels() == null ? null
          : node.getMetadata().getLabels().get(HOSTNAME);
      selector.put(HOSTNAME, hostname != null ? hostname : nodeName);
    });
    return selector;
  }

  /** The node of a running (or starting) pod other than a transfer pod that mounts {@code claim}. */
  static Optional<String> nodeOf(List<Pod> pods, String claim) {
    return pods.stream()
        .filter(p -> p.getSpec().getNodeName() != null && p.getStatus() != null
            && ("Running".equals(p.getStatus().getPhase()) || "Pending".equals(p.getStatus().getPhase())))
        .filter(p -> p.getMetadata().getLabels() == null
            || !p.getMetadata().getLabels().containsKey(MoverJobs.TRANSFER_LABEL))
        .filter(p -> p.getSpec().getVolumes() != null && p.getSpec().getVolumes().stream()
            .anyMatch(v -> v.getPersistentVolumeClaim() != null && claim.equals(v.getPersistentVolumeClaim().getClaimName())))
        .map(p -> p.getSpec().getNodeName()).findFirst();
  }

  static boolean readWriteOnce(PersistentVolumeClaim claim) {
    List<String> modes = claim.getSpec() == null ? null : claim.getSpec().getAccessModes();
    return modes != null && (modes.contains("ReadWriteOnce") || modes.contains("ReadWriteOncePod"))
        && !modes.contains("ReadWriteMany");
  }
}
