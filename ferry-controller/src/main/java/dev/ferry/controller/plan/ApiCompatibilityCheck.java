package dev.ferry.controller.plan;

import dev.ferry.api.migration.plan.IncompatibleGvk;
import dev.ferry.api.migration.plan.IncompatibleNamespace;
import dev.ferry.backup.discovery.ApiDiscovery;
import dev.ferry.backup.discovery.ApiResource;
import dev.ferry.backup.model.GroupResource;
import dev.ferry.controller.plan.model.GvkCompatibility;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds resources in the plan's namespaces whose group/version the destination does not serve
 * (GVKsIncompatible): discovery of both clusters, then a one-item listing of each candidate.
 */
final class ApiCompatibilityCheck {
  private final ApiDiscoveryCache cache;

  ApiCompatibilityCheck(Clock clock) {
    this.cache = new ApiDiscoveryCache(clock);
  }

  List<IncompatibleNamespace> find(KubernetesClient source, String sourceKey, KubernetesClient destination,
                                   String destinationKey, List<String> namespaces, Set<GroupResource> excluded) {
    ApiDiscovery src = cache.preferred(sourceKey, source);
    ApiDiscovery dest = cache.preferred(destinationKey, destination);
    List<ApiResource> candidates = GvkCompatibility.candidates(src.namespaced(), r -> {
      var there = dest.find(r.groupResource());
      if (there.isPresent() && there.get().version().equals(r.version())) {
        return true;
      }
      return cache.served(destinationKey, destination, r.apiVersion()).contains(r.resource());
    }, excluded);
    List<IncompatibleNamespace> found = new ArrayList<>();
    for (String namespace : namespaces) {
      List<IncompatibleGvk> gvks = new ArrayList<>();
      for (ApiResource r : candidates) {
        boolean used = !source.genericKubernetesResources(r.context()).inNamespace(namespace)
            .list(new ListOptionsBuilder().withLimit(1L).build()).getItems().isEmpty();
        if (used) {
          IncompatibleGvk gvk = new IncompatibleGvk();
          gvk.setGroup(r.group());
          gvk.setVersion(r.version());
          gvk.setKind(r.resource());
          gvks.add(gvk);
        }
      }
      if (!gvks.isEmpty()) {
        IncompatibleNamespace ns = new IncompatibleNamespace();
        ns.setName(namespace);
        ns.setGvks(gvks);
        found.add(ns);
      }
    }
    return found;
  }
}
