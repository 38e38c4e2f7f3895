package dev.ferry.controller.migration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.api.migration.plan.PlanVolume;
import dev.ferry.api.migration.plan.PvAction;
import dev.ferry.backup.model.ItemKey;
import dev.ferry.backup.restore.transform.JsonPatchOps;
import dev.ferry.backup.restore.transform.RestoreTransform;
import dev.ferry.backup.restore.transform.TransformContext;
import dev.ferry.backup.restore.transform.TransformResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A migration's restore transform for storage, per the plan's volume selections: a claim whose
 * volume is copied is left out (the volume copy created it, with its data, before the restore); a
 * claim the plan skips or does not list is recreated unbound, with the selected storage class and
 * access mode, so the destination provisions a fresh volume; its source PV is not restored. A claim whose
 * volume is moved (NFS and other shared volumes) keeps its {@code volumeName} and the PV is restored,
 * pointing at the same remote volume; both lose their source binding marks (claim uid, bind
 * annotations) so the destination's PV controller binds them afresh, by name.
 */
final class ClaimsForDestination implements RestoreTransform {
  private static final List<String> BIND_ANNOTATIONS = List.of("pv.kubernetes.io/bind-completed",
      "pv.kubernetes.io/bound-by-controller", "volume.beta.kubernetes.io/storage-provisioner",
      "volume.kubernetes.io/storage-provisioner", "volume.kubernetes.io/selected-node");

  private final Map<String, PlanVolume> byClaim = new HashMap<>();
  private final Map<String, PlanVolume> byVolume = new HashMap<>();

  ClaimsForDestination(List<PlanVolume> volumes) {
    for (PlanVolume volume : volumes == null ? List.<PlanVolume>of() : volumes) {
      if (volume.getPvc() != null && volume.getPvc().getName() != null) {
        String source = volume.getPvc().getName().split(":", 2)[0];
        byClaim.put(volume.getPvc().getNamespace() + "/" + source, volume);
      }
      if (volume.getName() != null) {
        byVolume.put(volume.getName(), volume);
      }
    }
  }

  @Override
  public String name() {
    return "ClaimsForDestination";
  }

  @Override
  public TransformResult apply(ItemKey key, ObjectNode object, TransformContext context) {
    String resource = key.groupResource().resource();
    if (!key.groupResource().group().isEmpty()) {
      return TransformResult.none();
    }
    if (resource.equals("persistentvolumes")) {
      PlanVolume volume = byVolume.get(key.name());
      if (volume == null || action(volume) != PvAction.MOVE) {
        return TransformResult.drop("the destination provisions its own volume; the data is copied separately");
      }
      // The claim it was bound to on the source has another uid than the restored one: bind by name only.
      List<JsonNode> ops = new ArrayList<>();
      for (String field : List.of("uid", "resourceVersion")) {
        if (object.path("spec").path("claimRef").has(field)) {
          ops.add(JsonPatchOps.remove("/spec/claimRef/" + field));
        }
      }
      ops.addAll(removeAnnotations(object, List.of("pv.kubernetes.io/bound-by-controller", MovedVolumes.ORIGINAL_POLICY)));
      return ops.isEmpty() ? TransformResult.none() : TransformResult.patches(ops);
    }
    if (!resource.equals("persistentvolumeclaims")) {
      return TransformResult.none();
    }
    PlanVolume volume = byClaim.get(key.namespace() + "/" + key.name());
    // Unbound either way: a claim marked bind-completed whose PV does not name it by uid is Lost.
    List<JsonNode> ops = new ArrayList<>(removeAnnotations(object, BIND_ANNOTATIONS));
    if (volume != null && action(volume) == PvAction.MOVE) {
      // It keeps spec.volumeName, so it binds to the moved PV (restored with it) by name.
      return ops.isEmpty() ? TransformResult.none() : TransformResult.patches(ops);
    }
    if (volume != null && action(volume) == PvAction.COPY) {
      // CopyVolumeData created it (with the data) before the restore; restoring it again would
      // only find it changed and warn.
      return TransformResult.drop("created on the destination by the volume copy, with its data");
    }
    JsonNode spec = object.path("spec");
    if (spec.has("volumeName")) {
      ops.add(JsonPatchOps.remove("/spec/volumeName"));
    }
    if (volume != null && volume.getSelection() != null) {
      String storageClass = volume.getSelection().getStorageClass();
      if (storageClass != null && !storageClass.isBlank()) {
        ops.add(JsonPatchOps.add("/spec/storageClassName", storageClass));
      }
      String accessMode = volume.getSelection().getAccessMode();
      if (accessMode != null && !accessMode.isBlank()) {
        ops.add(JsonPatchOps.add("/spec/accessModes",
            JsonNodeFactory.instance.arrayNode().add(accessMode)));
      }
    }
    return TransformResult.patches(ops);
  }

  private static List<JsonNode> removeAnnotations(ObjectNode object, List<String> names) {
    JsonNode annotations = object.path("metadata").path("annotations");
    List<JsonNode> ops = new ArrayList<>();
    for (String annotation : names) {
      if (annotations.has(annotation)) {
        ops.add(JsonPatchOps.remove(JsonPatchOps.pointer("metadata", "annotations", annotation)));
      }
    }
    return ops;
  }

  private static PvAction action(PlanVolume volume) {
    return volume.getSelection() == null || volume.getSelection().getAction() == null ? PvAction.COPY
        : volume.getSelection().getAction();
  }
}
