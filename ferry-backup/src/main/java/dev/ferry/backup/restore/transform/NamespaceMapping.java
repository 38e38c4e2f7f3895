package dev.ferry.backup.restore.transform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.backup.model.GroupResource;
import dev.ferry.backup.model.ItemKey;
import dev.ferry.backup.model.KnownResources;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Applies the plan's {@code src:dest} namespace mapping to every namespace reference the restore
 * knows of: the object's namespace, the Namespace object's own name, role binding subjects
 * (service accounts by namespace, and the {@code system:serviceaccount(s):<ns>} user and group
 * names), SCC users and groups, and DeploymentConfig image triggers. PV claimRefs are handled by
 * {@link PersistentVolumeReclaim}; a PVC's {@code spec.volumeName} is a cluster-scoped name and is
 * left alone.
 */
public final class NamespaceMapping implements RestoreTransform {

  static final String NAME_LABEL = "kubernetes.io/metadata.name";

  private static final Set<GroupResource> BINDINGS = Set.of(
      KnownResources.ROLE_BINDINGS, KnownResources.CLUSTER_ROLE_BINDINGS,
      KnownResources.OPENSHIFT_ROLE_BINDINGS, KnownResources.OPENSHIFT_CLUSTER_ROLE_BINDINGS);

  @Override
  public String name() {
    return "NamespaceMapping";
  }

  @Override
  public TransformResult apply(ItemKey key, ObjectNode object, TransformContext context) {
    if (context.namespaceMapping().isEmpty()) {
      return TransformResult.none();
    }
    List<JsonNode> ops = new ArrayList<>();
    JsonNode metadata = object.path("metadata");
    String namespace = ObjectPaths.text(metadata, "namespace");
    if (context.remaps(namespace)) {
      ops.add(JsonPatchOps.replace("/metadata/namespace", context.mapNamespace(namespace)));
    }
    GroupResource gr = key.groupResource();
    if (KnownResources.NAMESPACES.equals(gr)) {
      renameNamespace(metadata, context, ops);
    } else if (BINDINGS.contains(gr)) {
      mapSubjects(object, context, ops);
      mapNames(object, "userNames", context, ops);
      mapNames(object, "groupNames", context, ops);
      String roleNamespace = ObjectPaths.text(object, "roleRef", "namespace");
      if (context.remaps(roleNamespace)) {
        ops.add(JsonPatchOps.replace("/roleRef/namespace", context.mapNamespace(roleNamespace)));
      }
    } else if (KnownResources.SECURITY_CONTEXT_CONSTRAINTS.equals(gr)) {
      mapNames(object, "users", context, ops);
      mapNames(object, "groups", context, ops);
    } else if (KnownResources.DEPLOYMENT_CONFIGS.equals(gr)) {
      mapTriggers(object, context, ops);
    }
    return TransformResult.patches(ops);
  }

  private static void renameNamespace(JsonNode metadata, TransformContext context,
      List<JsonNode> ops) {
    String name = ObjectPaths.text(metadata, "name");
    if (!context.remaps(name)) {
      return;
    }
    String mapped = context.mapNamespace(name);
    ops.add(JsonPatchOps.replace("/metadata/name", mapped));
    // The API server sets this label to the name; keep a restored copy consistent with it.
    if (name.equals(ObjectPaths.text(metadata, "labels", NAME_LABEL))) {
      ops.add(JsonPatchOps.replace(JsonPatchOps.pointer("metadata", "labels", NAME_LABEL), mapped));
    }
  }

  private static void mapSubjects(JsonNode binding, TransformContext context, List<JsonNode> ops) {
    JsonNode subjects = binding.path("subjects");
    for (int i = 0; i < subjects.size(); i++) {
      JsonNode subject = subjects.get(i);
      String namespace = ObjectPaths.text(subject, "namespace");
      if (context.remaps(namespace)) {
        ops.add(JsonPatchOps.replace(JsonPatchOps.pointer("subjects", i, "namespace"),
            context.mapNamespace(namespace)));
      }
      String kind = ObjectPaths.text(subject, "kind");
      if ("User".equals(kind) || "Group".equals(kind) || "SystemUser".equals(kind)
          || "SystemGroup".equals(kind)) {
        String mapped = ServiceAccountNames.map(ObjectPaths.text(subject, "name"), context);
        if (mapped != null) {
          ops.add(JsonPatchOps.replace(JsonPatchOps.pointer("subjects", i, "name"), mapped));
        }
      }
    }
  }

  /** Maps service-account user/group names in a top-level string array such as SCC users. */
  private static void mapNames(JsonNode object, String field, TransformContext context,
      List<JsonNode> ops) {
    JsonNode names = object.path(field);
    for (int i = 0; i < names.size(); i++) {
      String mapped = ServiceAccountNames.map(names.get(i).asText(null), context);
      if (mapped != null) {
        ops.add(JsonPatchOps.replace(JsonPatchOps.pointer(field, i), mapped));
      }
    }
  }

  /** ImageStreamTag triggers name the namespace of the image stream they watch. */
  private static void mapTriggers(JsonNode dc, TransformContext context, List<JsonNode> ops) {
    JsonNode triggers = dc.path("spec").path("triggers");
    for (int i = 0; i < triggers.size(); i++) {
      String namespace = ObjectPaths.text(triggers.get(i), "imageChangeParams", "from", "namespace");
      if (context.remaps(namespace)) {
        ops.add(JsonPatchOps.replace(JsonPatchOps.pointer("spec", "triggers", i,
            "imageChangeParams", "from", "namespace"), context.mapNamespace(namespace)));
      }
    }
  }
}
