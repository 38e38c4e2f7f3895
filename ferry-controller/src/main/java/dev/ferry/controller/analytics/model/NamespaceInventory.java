package dev.ferry.controller.analytics.model;

import io.fabric8.kubernetes.api.model.Quantity;
import java.util.List;

/**
 * What one namespace of a plan holds on the source, as read from the cluster: the input of
 * {@link AnalyticsReport}, kept free of clients so the report is plain arithmetic.
 *
 * @param resources every namespaced resource the source serves with at least one object here
 * @param volumes   the namespace's claims
 * @param images    the internal images its image streams reference
 */
public record NamespaceInventory(String namespace, List<ResourceCount> resources, List<Volume> volumes,
                                 List<Image> images) {

  /**
   * @param excluded     never migrated (Ferry's and the MigrationController's exclusions)
   * @param incompatible the destination does not serve this group/version (GVKsIncompatible)
   */
  public record ResourceCount(String group, String version, String kind, int count, boolean excluded,
                              boolean incompatible) {
  }

  /** {@code actual} is the bound volume's capacity; null while the claim is unbound. */
  public record Volume(String claim, Quantity requested, Quantity actual) {
  }

  /** {@code name} is {@code stream:tag}; {@code reference} the pullable reference. */
  public record Image(String name, String reference) {
  }
}
