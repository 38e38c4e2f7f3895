package dev.ferry.controller.settings;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;

/**
 * {@code spec.refresh: true} is how MTC users ask for a re-validation; the controller answers by
 * validating and setting it back to false. Only that one field is patched (JSON merge patch), so
 * a concurrent edit of the rest of the spec is never overwritten.
 */
public final class SpecRefresh {
  private SpecRefresh() {
  }

  /** Sets {@code spec.refresh} of {@code resource} back to false. */
  public static void reset(KubernetesClient client, HasMetadata resource) {
    client.resources(resource.getClass()).inNamespace(resource.getMetadata().getNamespace())
        .withName(resource.getMetadata().getName())
        .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"refresh\":false}}");
  }
}
