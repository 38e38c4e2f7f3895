package dev.ferry.testsupport;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;

/** Multi-document YAML, as a user would {@code kubectl create -f} it. */
public final class Manifests {
  private Manifests() {
  }

  /** Creates every document of {@code manifests} (documents separated by {@code ---} lines). */
  public static void create(KubernetesClient client, String manifests) {
    for (String doc : manifests.split("(?m)^---$")) {
      if (!doc.isBlank()) {
        client.resource((HasMetadata) Serialization.unmarshal(doc)).create();
      }
    }
  }
}
