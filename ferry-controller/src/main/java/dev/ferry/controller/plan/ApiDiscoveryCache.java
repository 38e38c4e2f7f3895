package dev.ferry.controller.plan;

import dev.ferry.backup.discovery.ApiDiscovery;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Discovery results per cluster, kept a few minutes: APIs change rarely, and every plan on a pair
 * of clusters would otherwise read all of discovery on every validation.
 */
final class ApiDiscoveryCache {
  private static final Duration TTL = Duration.ofMinutes(5);
  private final Clock clock;
  private final Map<String, Entry<?>> entries = new ConcurrentHashMap<>();

  private record Entry<T>(T value, Instant at) {
  }

  ApiDiscoveryCache(Clock clock) {
    this.clock = clock;
  }

  /** The cluster's resources at preferred versions; {@code clusterKey} changes when the MigCluster does. */
  ApiDiscovery preferred(String clusterKey, KubernetesClient client) {
    return get(clusterKey + "|preferred", () -> ApiDiscovery.of(client));
  }

  /** The resources the cluster serves at one group/version ({@code v1} or {@code apps/v1}); empty if none. */
  Set<String> served(String clusterKey, KubernetesClient client, String groupVersion) {
    return get(clusterKey + "|" + groupVersion, () -> {
      try {
        APIResourceList list = client.getApiResources(groupVersion);
        return list == null ? Set.<String>of()
            : list.getResources().stream().map(r -> r.getName()).collect(Collectors.toUnmodifiableSet());
      } catch (KubernetesClientException e) {
        if (e.getCode() == 404 || e.getCode() == 503) {
          return Set.<String>of();
        }
        throw e;
      }
    });
  }

  @SuppressWarnings("unchecked")
  private <T> T get(String key, Supplier<T> load) {
    Instant now = clock.instant();
    Entry<?> e = entries.get(key);
    if (e != null && e.at().plus(TTL).isAfter(now)) {
      return (T) e.value();
    }
    T value = load.get();
    entries.put(key, new Entry<>(value, now));
    return value;
  }
}
