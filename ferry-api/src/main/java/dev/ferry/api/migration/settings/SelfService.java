package dev.ferry.api.migration.settings;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import lombok.Data;

/**
 * Ferry: self-service migrations for namespace owners (off unless enabled). A tenant's MigPlan and
 * MigMigration live in the tenant's own namespace; every read and write runs with the tenant's
 * own token. See docs/security.md.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Data
public class SelfService {

  @JsonPropertyDescription("If true, namespace owners may run migrations from their own namespaces, as "
      + "themselves. Default false.")
  private Boolean enabled;

  @JsonPropertyDescription("Cluster-scoped resources (plural or plural.group, e.g. persistentvolumes) that the "
      + "controller creates on a tenant's behalf when a tenant's backup holds them; any other cluster-scoped "
      + "object is created as the tenant, so the API server refuses what the tenant may not create.")
  @JsonProperty("cluster_scoped_allow_list")
  private List<String> clusterScopedAllowList;
}
