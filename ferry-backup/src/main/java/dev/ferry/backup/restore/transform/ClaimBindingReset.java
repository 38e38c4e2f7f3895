package dev.ferry.backup.restore.transform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.backup.model.ItemKey;
import dev.ferry.backup.model.KnownResources;
import java.util.ArrayList;
import java.util.List;

/**
 * A restored claim loses the PV controller's binding annotations
 * ({@code pv.kubernetes.io/bind-completed}, {@code pv.kubernetes.io/bound-by-controller}), so the
 * controller binds it again. With {@code bind-completed} kept, the controller treats the claim as
 * already bound and demands that its volume's claimRef carry the claim's uid — but a restored
 * volume's claimRef has no uid (the new claim has a new one), so the claim went {@code Lost}
 * ("ClaimMisbound: Two claims are bound to the same volume"). Backups Velero writes keep these
 * annotations; Velero's own restore removes them the same way.
 */
public final class ClaimBindingReset implements RestoreTransform {

  static final List<String> BINDING_ANNOTATIONS =
      List.of("pv.kubernetes.io/bind-completed", "pv.kubernetes.io/bound-by-controller");

  @Override
  public String name() {
    return "ClaimBindingReset";
  }

  @Override
  public TransformResult apply(ItemKey key, ObjectNode object, TransformContext context) {
    if (!KnownResources.PERSISTENT_VOLUME_CLAIMS.equals(key.groupResource())) {
      return TransformResult.none();
    }
    List<JsonNode> ops = new ArrayList<>();
    JsonNode annotations = object.path("metadata").path("annotations");
    for (String annotation : BINDING_ANNOTATIONS) {
      ObjectPaths.removeIfPresent(annotations, "/metadata/annotations", annotation, ops);
    }
    return ops.isEmpty() ? TransformResult.none() : TransformResult.patches(ops);
  }
}
