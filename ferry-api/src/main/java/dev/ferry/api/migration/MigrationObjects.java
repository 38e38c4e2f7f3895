package dev.ferry.api.migration;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectReference;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parts every new migration.openshift.io object is built from, the way MTC's own manifests
 * write them; the CLI and the console create the same objects with them.
 */
public final class MigrationObjects {

  /** The label MTC puts on the objects it creates. */
  public static final Map<String, String> LABELS = Map.of("controller-tools.k8s.io", "1.0");

  private MigrationObjects() {
  }

  /** Metadata of a new object: name, namespace and {@link #LABELS} (a mutable copy). */
  public static ObjectMeta metadata(String name, String namespace) {
    ObjectMeta metadata = new ObjectMeta();
    metadata.setName(name);
    metadata.setNamespace(namespace);
    metadata.setLabels(new LinkedHashMap<>(LABELS));
    return metadata;
  }

  /** A reference by name and namespace, as one object of a migration names another (or a Secret). */
  public static ObjectReference ref(String name, String namespace) {
    ObjectReference ref = new ObjectReference();
    ref.setName(name);
    ref.setNamespace(namespace);
    return ref;
  }
}
