package dev.ferry.backup.restore.transform;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.backup.model.DefaultExclusions;
import dev.ferry.backup.model.GroupResource;
import dev.ferry.backup.model.ItemKey;
import java.util.Set;

/**
 * Drops objects of resources that are never restored: nodes, events, Velero's own objects, the
 * default backup exclusions (SPEC §2) — even if a (Velero-made) backup contains them.
 */
public final class DropExcluded implements RestoreTransform {

  private final Set<GroupResource> excluded;

  public DropExcluded() {
    this(DefaultExclusions.NEVER_RESTORE);
  }

  public DropExcluded(Set<GroupResource> excluded) {
    this.excluded = Set.copyOf(excluded);
  }

  @Override
  public String name() {
    return "DropExcluded";
  }

  @Override
  public TransformResult apply(ItemKey key, ObjectNode object, TransformContext context) {
    if (excluded.contains(key.groupResource())) {
      return TransformResult.drop(key.groupResource().qualified() + " are never restored");
    }
    if (key.groupResource().group().isEmpty() && key.groupResource().resource().equals("configmaps")
        && GENERATED_CONFIG_MAPS.contains(key.name())) {
      return TransformResult.drop("the destination cluster publishes its own " + key.name());
    }
    if (key.groupResource().group().equals("discovery.k8s.io") && key.groupResource().resource().equals("endpointslices")
        && SLICE_CONTROLLER.equals(object.path("metadata").path("labels").path(SLICE_MANAGED_BY).asText())) {
      return TransformResult.drop("the destination's endpointslice controller recreates it from its Service");
    }
    return TransformResult.none();
  }

  static final String SLICE_MANAGED_BY = "endpointslice.kubernetes.io/managed-by";
  static final String SLICE_CONTROLLER = "endpointslice-controller.k8s.io";

  /** Config maps every cluster writes into every namespace (its CA bundles); the destination has its own. */
  static final java.util.Set<String> GENERATED_CONFIG_MAPS = java.util.Set.of("kube-root-ca.crt",
      "openshift-service-ca.crt");
}
