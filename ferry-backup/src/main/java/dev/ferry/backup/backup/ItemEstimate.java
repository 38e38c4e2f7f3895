package dev.ferry.backup.backup;

import dev.ferry.backup.discovery.ApiResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.List;

/**
 * How many namespaced objects a backup is about to write, before it writes them, so its
 * {@code status.progress.totalItems} means something while it runs (Velero's "estimated total"),
 * not only once it ends. One list call of a single item per resource and namespace: the API
 * server tells how many more there are ({@code metadata.remainingItemCount}). Where it does not
 * (a label selector is set) the matching objects are paged through and counted. Cluster-scoped
 * dependencies are not counted; the backup's own count overtakes the estimate for them. A
 * resource that cannot be listed counts 0 (the backup itself reports the error).
 */
final class ItemEstimate {
  private static final long COUNT_PAGE = 500;

  private ItemEstimate() {
  }

  static long count(KubernetesClient client, List<ApiResource> resources, List<String> namespaces,
                    String labelSelector) {
    long total = 0;
    for (String namespace : namespaces) {
      for (ApiResource resource : resources) {
        total += count(client, resource, namespace, labelSelector);
      }
    }
    return total;
  }

  private static long count(KubernetesClient client, ApiResource resource, String namespace, String labelSelector) {
    long count = 0;
    String continueToken = null;
    long limit = labelSelector == null ? 1 : COUNT_PAGE;
    try {
      do {
        var options = new ListOptionsBuilder().withLimit(limit).withContinue(continueToken);
        if (labelSelector != null) {
          options.withLabelSelector(labelSelector);
        }
        GenericKubernetesResourceList page = client.genericKubernetesResources(resource.context())
            .inNamespace(namespace).list(options.build());
        count += page.getItems().size();
        continueToken = page.getMetadata() == null ? null : page.getMetadata().getContinue();
        Long remaining = page.getMetadata() == null ? null : page.getMetadata().getRemainingItemCount();
        if (continueToken != null && !continueToken.isEmpty() && remaining != null) {
          return count + remaining;
        }
      } while (continueToken != null && !continueToken.isEmpty());
    } catch (KubernetesClientException e) {
      return count;
    }
    return count;
  }
}
