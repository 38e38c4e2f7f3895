package dev.ferry.backup.restore.transform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.backup.model.ItemKey;
import dev.ferry.backup.model.KnownResources;
import java.util.ArrayList;
import java.util.List;

/**
 * Persistent volumes are restored with reclaim policy {@code Retain}, so deleting a claim during
 * (or after rolling back) a migration never deletes data the source still owns; the original
 * policy is kept in {@code openshift.io/orig-reclaim-policy} (as MTC does) unless an earlier step
 * already saved it. The claimRef is re-pointed at the destination claim: same name, mapped
 * namespace, no uid/resourceVersion (the new claim has its own).
 */
public final class PersistentVolumeReclaim implements RestoreTransform {

  public static final String ORIG_RECLAIM_POLICY = "openshift.io/orig-reclaim-policy";
  static final String RETAIN = "Retain";

  @Override
  public String name() {
    return "PersistentVolumeReclaim";
  }

  @Override
  public TransformResult apply(ItemKey key, ObjectNode object, TransformContext context) {
    if (!KnownResources.PERSISTENT_VOLUMES.equals(key.groupResource())) {
      return TransformResult.none();
    }
    List<JsonNode> ops = new ArrayList<>();
    JsonNode spec = object.path("spec");
    String policy = ObjectPaths.text(spec, "persistentVolumeReclaimPolicy");
    if (policy != null
        && !object.path("metadata").path("annotations").has(ORIG_RECLAIM_POLICY)) {
      ObjectPaths.setAnnotation(object, ORIG_RECLAIM_POLICY, policy, ops);
    }
    if (!RETAIN.equals(policy) && spec.isObject()) {
      ops.add(JsonPatchOps.add("/spec/persistentVolumeReclaimPolicy", RETAIN));
    }
    JsonNode claimRef = spec.path("claimRef");
    if (claimRef.isObject()) {
      ObjectPaths.removeIfPresent(claimRef, "/spec/claimRef", "uid", ops);
      ObjectPaths.removeIfPresent(claimRef, "/spec/claimRef", "resourceVersion", ops);
      String namespace = ObjectPaths.text(claimRef, "namespace");
      if (context.remaps(namespace)) {
        ops.add(JsonPatchOps.replace("/spec/claimRef/namespace", context.mapNamespace(namespace)));
      }
    }
    return TransformResult.patches(ops);
  }
}
