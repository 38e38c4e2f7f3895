package dev.ferry.controller.images;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.List;

/** The image streams of namespaces; none on a cluster that does not serve image.openshift.io. */
public final class ImageStreamLister {
  private ImageStreamLister() {
  }

  /** A stream by namespace and name. */
  public record StreamName(String namespace, String name) {
  }

  public static List<StreamName> list(KubernetesClient client, Iterable<String> namespaces, LabelSelector selector) {
    List<StreamName> out = new ArrayList<>();
    for (String ns : namespaces) {
      try {
        var op = client.genericKubernetesResources(ImageStreamMigrator.IMAGE_STREAMS).inNamespace(ns);
        List<GenericKubernetesResource> items = selector == null ? op.list().getItems()
            : op.withLabelSelector(selector).list().getItems();
        items.forEach(i -> out.add(new StreamName(ns, i.getMetadata().getName())));
      } catch (KubernetesClientException e) {
        if (e.getCode() != 404) {
          throw e;
        }
        // No image.openshift.io API: a plain Kubernetes cluster has no image streams.
      }
    }
    return out;
  }
}
