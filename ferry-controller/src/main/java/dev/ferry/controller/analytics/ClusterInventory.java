package dev.ferry.controller.analytics;

import dev.ferry.backup.discovery.ApiDiscovery;
import dev.ferry.backup.discovery.ApiResource;
import dev.ferry.backup.model.DefaultExclusions;
import dev.ferry.controller.analytics.model.NamespaceInventory;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a plan's namespaces on the source for a MigAnalytic: every namespaced resource the source
 * serves (discovery, as the backup does), counted page by page; the claims with their requested
 * and bound capacity; the images the namespace's ImageStreams reference. The destination's
 * discovery says which group/versions it would not accept.
 */
final class ClusterInventory {
  private static final long PAGE = 500;
  private static final String IMAGE_STREAMS = "imagestreams";
  private static final String IMAGE_GROUP = "image.openshift.io";

  private final KubernetesClient source;
  private final ApiDiscovery sourceApis;
  private final ApiDiscovery destinationApis;

  ClusterInventory(KubernetesClient source, KubernetesClient destination) {
    this.source = source;
    this.sourceApis = ApiDiscovery.of(source);
    this.destinationApis = destination == null ? null : ApiDiscovery.of(destination);
  }

  NamespaceInventory read(String namespace) {
    List<NamespaceInventory.ResourceCount> counts = new ArrayList<>();
    for (ApiResource resource : sourceApis.namespaced()) {
      if (!resource.can("list")) {
        continue;
      }
      int count = count(resource, namespace);
      if (count > 0) {
        counts.add(new NamespaceInventory.ResourceCount(resource.group(), resource.version(), resource.kind(), count,
            DefaultExclusions.excludedFromBackup(resource.groupResource()), !servedOnDestination(resource)));
      }
    }
    return new NamespaceInventory(namespace, counts, volumes(namespace), images(namespace));
  }

  private boolean servedOnDestination(ApiResource resource) {
    if (destinationApis == null) {
      return true;
    }
    return destinationApis.find(resource.groupResource()).map(r -> r.version().equals(resource.version()))
        .orElse(false);
  }

  private int count(ApiResource resource, String namespace) {
    int count = 0;
    String next = null;
    try {
      do {
        var page = source.genericKubernetesResources(resource.context()).inNamespace(namespace)
            .list(new ListOptionsBuilder().withLimit(PAGE).withContinue(next).build());
        count += page.getItems().size();
        next = page.getMetadata() == null ? null : page.getMetadata().getContinue();
      } while (next != null && !next.isEmpty());
    } catch (KubernetesClientException e) {
      // Served but not listable here (RBAC, an aggregated API that is down): not counted.
      return 0;
    }
    return count;
  }

  private List<NamespaceInventory.Volume> volumes(String namespace) {
    List<NamespaceInventory.Volume> volumes = new ArrayList<>();
    for (PersistentVolumeClaim claim : source.persistentVolumeClaims().inNamespace(namespace).list().getItems()) {
      Quantity requested = claim.getSpec().getResources() == null || claim.getSpec().getResources().getRequests() == null
          ? null : claim.getSpec().getResources().getRequests().get("storage");
      Map<String, Quantity> capacity = claim.getStatus() == null ? null : claim.getStatus().getCapacity();
      volumes.add(new NamespaceInventory.Volume(claim.getMetadata().getName(), requested,
          capacity == null ? null : capacity.get("storage")));
    }
    return volumes;
  }

  @SuppressWarnings("unchecked")
  private List<NamespaceInventory.Image> images(String namespace) {
    var streams = sourceApis.find(new dev.ferry.backup.model.GroupResource(IMAGE_GROUP, IMAGE_STREAMS));
    if (streams.isEmpty()) {
      return List.of();
    }
    List<NamespaceInventory.Image> images = new ArrayList<>();
    for (GenericKubernetesResource stream : source.genericKubernetesResources(streams.get().context())
        .inNamespace(namespace).list().getItems()) {
      Object status = stream.getAdditionalProperties().get("status");
      if (!(status instanceof Map<?, ?> statusMap) || !(statusMap.get("tags") instanceof List<?> tags)) {
        continue;
      }
      for (Object tag : tags) {
        if (!(tag instanceof Map<?, ?> tagMap) || !(tagMap.get("items") instanceof List<?> items) || items.isEmpty()
            || !(items.get(0) instanceof Map<?, ?> newest)) {
          continue;
        }
        Object reference = ((Map<String, Object>) newest).get("dockerImageReference");
        images.add(new NamespaceInventory.Image(stream.getMetadata().getName() + ":" + tagMap.get("tag"),
            reference == null ? null : reference.toString()));
      }
    }
    return images;
  }
}
