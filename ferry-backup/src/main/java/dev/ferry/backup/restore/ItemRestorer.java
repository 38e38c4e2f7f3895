package dev.ferry.backup.restore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.api.velero.restore.ExistingResourcePolicy;
import dev.ferry.api.velero.restore.Restore;
import dev.ferry.api.velero.restore.RestoreSpec;
import dev.ferry.backup.discovery.ApiDiscovery;
import dev.ferry.backup.format.BackupFormatException;
import dev.ferry.backup.format.ExtractedBackup;
import dev.ferry.backup.format.ItemRef;
import dev.ferry.backup.model.GroupResource;
import dev.ferry.backup.model.ItemKey;
import dev.ferry.backup.restore.transform.RestoreTransform;
import dev.ferry.backup.restore.transform.TransformContext;
import dev.ferry.backup.restore.transform.TransformPipeline;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Restores one backup item: checks it against its entry, pins its namespace to the entry's,
 * transforms it, labels it and creates it — or, if it exists, skips it when equal, warns or
 * updates when different. Every outcome goes to the {@link RestoreJournal}; nothing here ends the
 * restore. Thread-safe: the items of one resource run in parallel.
 */
final class ItemRestorer {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final GroupResource NAMESPACES = new GroupResource("", "namespaces");

  private final KubernetesClient client;
  private final Restore restore;
  private final ExtractedBackup backup;
  private final RestoreJournal journal;
  private final TransformPipeline pipeline;
  private final TransformContext context;
  private final Map<String, String> labels;
  private final PrivilegedWrites privileged;
  private final Set<String> knownNamespaces = ConcurrentHashMap.newKeySet();

  ItemRestorer(KubernetesClient client, Restore restore, ExtractedBackup backup, RestoreJournal journal,
      TransformPipeline pipeline, TransformContext context, Map<String, String> labels,
      PrivilegedWrites privileged) {
    this.client = client;
    this.privileged = privileged;
    this.restore = restore;
    this.backup = backup;
    this.journal = journal;
    this.pipeline = pipeline;
    this.context = context;
    this.labels = Map.copyOf(labels);
  }

  /**
   * The item restorer of one Restore: its namespace mapping, registries and restoreStatus
   * selection, the default transforms and the caller's, and the labels every restored object gets
   * (Velero's backup and restore names, and the caller's).
   */
  static ItemRestorer forRestore(KubernetesClient client, RestoreOptions options, Restore restore,
                                 ExtractedBackup backup, RestoreJournal journal) {
    RestoreSpec spec = restore.getSpec();
    TransformContext context = new TransformContext(
        spec.getNamespaceMapping() == null ? Map.of() : spec.getNamespaceMapping(),
        options.sourceRegistry(), options.destinationRegistry(),
        false,
        restoreStatusFor(spec),
        Boolean.TRUE.equals(spec.getPreserveNodePorts()));
    List<RestoreTransform> transforms = new ArrayList<>(TransformPipeline.defaults().transforms());
    transforms.addAll(options.extraTransforms());
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("velero.io/backup-name", spec.getBackupName());
    labels.put("velero.io/restore-name", restore.getMetadata().getName());
    labels.putAll(options.extraLabels());
    return new ItemRestorer(client, restore, backup, journal, new TransformPipeline(transforms), context, labels,
        options.privilegedWrites());
  }

  private static Set<GroupResource> restoreStatusFor(RestoreSpec spec) {
    Set<GroupResource> result = new HashSet<>();
    if (spec.getRestoreStatus() != null && spec.getRestoreStatus().getIncludedResources() != null) {
      spec.getRestoreStatus().getIncludedResources().forEach(r -> result.add(GroupResource.parse(r)));
    }
    return result;
  }

  /** Returns true if the object was created or updated. */
  boolean restore(ItemRef ref, ApiDiscovery discovery) {
    String target = ref.isClusterScoped() ? null : context.mapNamespace(ref.namespace());
    ItemKey key = ref.key();
    ObjectNode original;
    try {
      original = backup.read(ref);
    } catch (BackupFormatException e) {
      // Pre-flight decoded every item, so only a changed file gets here; still never create it.
      journal.error(target, "error restoring " + id(key, target) + ": " + e.getMessage());
      return false;
    }
    String problem = EntryAgreement.disagreement(ref, backup.entryName(ref), original,
        discovery.find(ref.groupResource()));
    if (problem != null) {
      journal.error(target, "error restoring " + id(key, target) + ": " + problem);
      return false;
    }
    pinNamespace(original, ref);
    var outcome = pipeline.apply(key, original, context);
    if (outcome.dropReason() != null) {
      journal.info("Skipping " + id(key, target) + ": " + outcome.dropReason());
      return false;
    }
    ObjectNode object = outcome.result();
    String namespace = object.path("metadata").path("namespace").asText(null);
    if (!Objects.equals(namespace, target)) {
      // A transform moved it: the entry's path (then the mapping) is the only authority.
      journal.error(target, "error restoring " + id(key, target) + ": a restore transform moved it to namespace "
          + namespace + "; not restored");
      return false;
    }
    return create(key, object, namespace);
  }

  /** The path decides: the content's namespace (equal or absent, as checked) is replaced by it. */
  private static void pinNamespace(ObjectNode object, ItemRef ref) {
    ObjectNode metadata = (ObjectNode) object.get("metadata");
    if (ref.isClusterScoped()) {
      metadata.remove("namespace");
    } else {
      metadata.put("namespace", ref.namespace());
    }
  }

  private boolean create(ItemKey key, ObjectNode object, String namespace) {
    String apiVersion = object.path("apiVersion").asText();
    String kind = object.path("kind").asText();
    String name = object.path("metadata").path("name").asText();
    String id = id(key, namespace);
    ObjectNode objectLabels = object.with("metadata").with("labels");
    labels.forEach(objectLabels::put);
    try {
      if (namespace != null) {
        ensureNamespace(namespace);
      }
      GenericKubernetesResource resource = JSON.treeToValue(object, GenericKubernetesResource.class);
      KubernetesClient writer = privileged != null && privileged.covers(key.groupResource(), namespace == null)
          ? privileged.client() : client;
      var all = writer.genericKubernetesResources(new ResourceDefinitionContext.Builder()
          .withGroup(key.groupResource().group())
          .withVersion(apiVersion.contains("/") ? apiVersion.substring(apiVersion.indexOf('/') + 1) : apiVersion)
          .withPlural(key.groupResource().resource()).withKind(kind).withNamespaced(namespace != null).build());
      var op = namespace != null ? all.inNamespace(namespace) : all;
      try {
        op.resource(resource).create();
        journal.record(apiVersion, kind, namespace, name, "created");
        journal.info("Restored " + id);
        if (key.groupResource().equals(NAMESPACES)) {
          knownNamespaces.add(name);
        }
        return true;
      } catch (KubernetesClientException e) {
        if (e.getCode() != 409) {
          throw e;
        }
      }
      GenericKubernetesResource existing = op.withName(name).get();
      JsonNode existingJson = JSON.valueToTree(existing);
      if (ExistingObjects.sameAsDesired(object, existingJson)) {
        journal.record(apiVersion, kind, namespace, name, "skipped");
        journal.info(id + " already exists and is unchanged; skipping");
        return false;
      }
      if (restore.getSpec().getExistingResourcePolicy() == ExistingResourcePolicy.UPDATE) {
        resource.getMetadata().setResourceVersion(existing.getMetadata().getResourceVersion());
        op.resource(resource).update();
        journal.record(apiVersion, kind, namespace, name, "updated");
        journal.info("Updated " + id + " to the backed-up version");
        return true;
      }
      journal.record(apiVersion, kind, namespace, name, "skipped");
      journal.warn(namespace, "could not restore, " + kind + " \"" + name
          + "\" already exists. Warning: the in-cluster version is different than the backed-up version.");
      return false;
    } catch (KubernetesClientException e) {
      journal.record(apiVersion, kind, namespace, name, "failed");
      journal.error(namespace, "error restoring " + id + ": " + Restorer.reason(e));
      return false;
    } catch (IOException e) {
      journal.error(namespace, "error restoring " + id + ": " + e.getMessage());
      return false;
    }
  }

  private void ensureNamespace(String namespace) {
    if (knownNamespaces.contains(namespace)) {
      return;
    }
    if (client.namespaces().withName(namespace).get() == null) {
      // The backup did not carry the namespace object (e.g. a label-selected backup): create it bare.
      try {
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace)
            .addToLabels(labels).endMetadata().build()).create();
        journal.info("Created namespace " + namespace);
      } catch (KubernetesClientException e) {
        if (e.getCode() != 409) { // another worker created it first
          throw e;
        }
      }
    }
    knownNamespaces.add(namespace);
  }

  /** Velero's item id: {@code <resource.group>/<namespace>/<name>} or {@code <resource.group>/<name>}. */
  static String id(ItemKey key, String namespace) {
    return key.groupResource().qualified() + "/" + (namespace == null ? "" : namespace + "/") + key.name();
  }
}
