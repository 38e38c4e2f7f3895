package dev.ferry.console;

import dev.ferry.api.migration.MigrationObjects;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The Secrets the cluster and repository forms write (a remote cluster's token, a repository's
 * credentials). The Secrets' data never leaves this class: callers get names and references.
 */
record FormSecrets(FerryObjects objects) {

  /**
   * Creates a new object of a form and, before it, the Secret it references ({@code secret}, null:
   * none; {@code use} points the object at the created Secret). A taken name is refused first, so
   * it leaves no orphan Secret behind.
   */
  <T extends HasMetadata> T createWith(T object, Secret secret, BiConsumer<T, Secret> use) {
    objects.refuseExisting(object.getClass(), object.getMetadata().getName());
    if (secret != null) {
      use.accept(object, create(secret));
    }
    return objects.create(object);
  }

  /** Creates the Secret (and its namespace when missing); returns only its metadata. */
  Secret create(Secret secret) {
    KubernetesClient host = objects.host();
    String ns = secret.getMetadata().getNamespace();
    if (host.namespaces().withName(ns).get() == null) {
      host.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build()).create();
    }
    Secret created = host.resource(secret).create();
    // Only the name goes on; the created object (with the data) is dropped here.
    Secret nameOnly = new Secret();
    nameOnly.setMetadata(created.getMetadata());
    return nameOnly;
  }

  /**
   * Puts the new keys into the referenced Secret (other keys stay), or creates the Secret when
   * there is none; returns the reference to use.
   */
  ObjectReference write(ObjectReference existing, Secret values) {
    if (existing != null && existing.getName() != null) {
      String ns = existing.getNamespace() == null ? objects.namespace() : existing.getNamespace();
      var secret = objects.host().secrets().inNamespace(ns).withName(existing.getName());
      if (secret.get() != null) {
        secret.edit(s -> {
          Map<String, String> data = new LinkedHashMap<>(s.getData() == null ? Map.of() : s.getData());
          values.getStringData().forEach((k, v) -> data.put(k,
              Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))));
          s.setData(data);
          return s;
        });
        return existing;
      }
    }
    return MigrationObjects.ref(create(values).getMetadata().getName(), ConsoleManifests.CONFIG_NAMESPACE);
  }
}
