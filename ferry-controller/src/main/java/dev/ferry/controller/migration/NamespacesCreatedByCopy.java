package dev.ferry.controller.migration;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.backup.model.ItemKey;
import dev.ferry.backup.restore.transform.RestoreTransform;
import dev.ferry.backup.restore.transform.TransformContext;
import dev.ferry.backup.restore.transform.TransformResult;
import java.util.Set;

/**
 * Leaves out of the restore the namespaces the volume copy already created on the destination
 * (with the source namespace's labels and annotations): restoring them again would only find
 * them different — another migration's label — and warn.
 */
final class NamespacesCreatedByCopy implements RestoreTransform {
  private final Set<String> sourceNamespaces;

  /** {@code sourceNamespaces}: the plan namespaces whose destination namespace the copy created. */
  NamespacesCreatedByCopy(Set<String> sourceNamespaces) {
    this.sourceNamespaces = sourceNamespaces;
  }

  @Override
  public String name() {
    return "NamespacesCreatedByCopy";
  }

  @Override
  public TransformResult apply(ItemKey key, ObjectNode object, TransformContext context) {
    if (key.groupResource().group().isEmpty() && key.groupResource().resource().equals("namespaces")
        && sourceNamespaces.contains(key.name())) {
      return TransformResult.drop("created on the destination by the volume copy");
    }
    return TransformResult.none();
  }
}
