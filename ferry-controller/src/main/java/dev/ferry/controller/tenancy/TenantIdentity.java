package dev.ferry.controller.tenancy;

import java.util.List;

/** Who a tenant is on one cluster, as that cluster's API server vouched for their token (TokenReview). */
public record TenantIdentity(String username, String uid, List<String> groups) {
  public TenantIdentity {
    groups = groups == null ? List.of() : List.copyOf(groups);
  }
}
