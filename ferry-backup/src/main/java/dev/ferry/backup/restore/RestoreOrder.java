package dev.ferry.backup.restore;

import static dev.ferry.backup.model.KnownResources.CLUSTER_ROLES;
import static dev.ferry.backup.model.KnownResources.CLUSTER_ROLE_BINDINGS;
import static dev.ferry.backup.model.KnownResources.CONFIG_MAPS;
import static dev.ferry.backup.model.KnownResources.CUSTOM_RESOURCE_DEFINITIONS;
import static dev.ferry.backup.model.KnownResources.ENDPOINTS;
import static dev.ferry.backup.model.KnownResources.LIMIT_RANGES;
import static dev.ferry.backup.model.KnownResources.NAMESPACES;
import static dev.ferry.backup.model.KnownResources.PERSISTENT_VOLUMES;
import static dev.ferry.backup.model.KnownResources.PERSISTENT_VOLUME_CLAIMS;
import static dev.ferry.backup.model.KnownResources.PODS;
import static dev.ferry.backup.model.KnownResources.PRIORITY_CLASSES;
import static dev.ferry.backup.model.KnownResources.REPLICA_SETS;
import static dev.ferry.backup.model.KnownResources.ROLES;
import static dev.ferry.backup.model.KnownResources.ROLE_BINDINGS;
import static dev.ferry.backup.model.KnownResources.SECRETS;
import static dev.ferry.backup.model.KnownResources.SERVICES;
import static dev.ferry.backup.model.KnownResources.SERVICE_ACCOUNTS;
import static dev.ferry.backup.model.KnownResources.STORAGE_CLASSES;

import dev.ferry.backup.model.GroupResource;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The order resources are restored in (SPEC §2): what others depend on first — definitions,
 * namespaces, storage, RBAC, configuration — then pods, replica sets, endpoints and services, then
 * everything else alphabetically by qualified name.
 */
public final class RestoreOrder {

  public static final List<GroupResource> PRIORITIES = List.of(
      CUSTOM_RESOURCE_DEFINITIONS, NAMESPACES, STORAGE_CLASSES, PERSISTENT_VOLUMES,
      PERSISTENT_VOLUME_CLAIMS, CLUSTER_ROLES, ROLES, SERVICE_ACCOUNTS, CLUSTER_ROLE_BINDINGS,
      ROLE_BINDINGS, SECRETS, CONFIG_MAPS, LIMIT_RANGES, PRIORITY_CLASSES, PODS, REPLICA_SETS,
      ENDPOINTS, SERVICES);

  private static final Map<GroupResource, Integer> RANK = new HashMap<>();

  static {
    for (int i = 0; i < PRIORITIES.size(); i++) {
      RANK.put(PRIORITIES.get(i), i);
    }
  }

  /** Priority resources in list order, then the rest by qualified name. */
  public static final Comparator<GroupResource> COMPARATOR = Comparator
      .comparingInt((GroupResource gr) -> RANK.getOrDefault(gr, PRIORITIES.size()))
      .thenComparing(GroupResource::qualified);

  private RestoreOrder() {
  }

  public static Comparator<GroupResource> comparator() {
    return COMPARATOR;
  }

  /** A new list of {@code resources} (duplicates removed) in restore order. */
  public static List<GroupResource> sort(Collection<GroupResource> resources) {
    return resources.stream().distinct().sorted(COMPARATOR).toList();
  }
}
