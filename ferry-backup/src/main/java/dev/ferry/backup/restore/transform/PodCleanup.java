package dev.ferry.backup.restore.transform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.backup.model.ItemKey;
import dev.ferry.backup.model.KnownResources;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Pods: completed ones (Succeeded/Failed) and ones a controller will recreate are not restored;
 * the rest lose what ties them to the source — the node they ran on, legacy service-account token
 * secret volumes (the secret is regenerated under another name) and the resolved priority (the
 * destination's priority class decides it; admission rejects a mismatch).
 */
public final class PodCleanup implements RestoreTransform {

  static final Set<String> CONTROLLER_KINDS = Set.of("ReplicaSet", "StatefulSet", "DaemonSet",
      "Job", "ReplicationController", "DeploymentConfig");

  private static final List<String> CONTAINER_LISTS =
      List.of("containers", "initContainers", "ephemeralContainers");

  @Override
  public String name() {
    return "PodCleanup";
  }

  @Override
  public TransformResult apply(ItemKey key, ObjectNode object, TransformContext context) {
    if (!KnownResources.PODS.equals(key.groupResource())) {
      return TransformResult.none();
    }
    String phase = ObjectPaths.text(object, "status", "phase");
    if ("Succeeded".equals(phase) || "Failed".equals(phase)) {
      return TransformResult.drop("pod has completed (phase " + phase + ")");
    }
    JsonNode owner = ObjectPaths.owner(object, CONTROLLER_KINDS, true);
    if (owner != null) {
      return TransformResult.drop("recreated by its controller " + owner.path("kind").asText()
          + "/" + owner.path("name").asText());
    }
    JsonNode spec = object.path("spec");
    List<JsonNode> ops = new ArrayList<>();
    ObjectPaths.removeIfPresent(spec, "/spec", "nodeName", ops);
    if (spec.hasNonNull("priorityClassName")) {
      ObjectPaths.removeIfPresent(spec, "/spec", "priority", ops);
    }
    removeTokenVolumes(spec, ops);
    return TransformResult.patches(ops);
  }

  /**
   * Removes volumes of the pre-1.24 {@code <serviceaccount>-token-xxxxx} secrets and their mounts;
   * the service-account admission plugin mounts the destination's token instead. Array elements are
   * removed from the highest index down so earlier indexes stay valid.
   */
  private static void removeTokenVolumes(JsonNode spec, List<JsonNode> ops) {
    String serviceAccount = ObjectPaths.text(spec, "serviceAccountName");
    String prefix = (serviceAccount == null ? "default" : serviceAccount) + "-token-";
    Set<String> tokenVolumes = new HashSet<>();
    JsonNode volumes = spec.path("volumes");
    List<Integer> volumeIndexes = new ArrayList<>();
    for (int i = 0; i < volumes.size(); i++) {
      String secret = ObjectPaths.text(volumes.get(i), "secret", "secretName");
      if (secret != null && secret.startsWith(prefix)) {
        tokenVolumes.add(volumes.get(i).path("name").asText());
        volumeIndexes.add(i);
      }
    }
    if (tokenVolumes.isEmpty()) {
      return;
    }
    for (String list : CONTAINER_LISTS) {
      JsonNode containers = spec.path(list);
      for (int c = 0; c < containers.size(); c++) {
        JsonNode mounts = containers.get(c).path("volumeMounts");
        for (int m = mounts.size() - 1; m >= 0; m--) {
          if (tokenVolumes.contains(mounts.get(m).path("name").asText())) {
            ops.add(JsonPatchOps.remove(JsonPatchOps.pointer("spec", list, c, "volumeMounts", m)));
          }
        }
      }
    }
    for (int i = volumeIndexes.size() - 1; i >= 0; i--) {
      ops.add(JsonPatchOps.remove(JsonPatchOps.pointer("spec", "volumes", volumeIndexes.get(i))));
    }
  }
}
