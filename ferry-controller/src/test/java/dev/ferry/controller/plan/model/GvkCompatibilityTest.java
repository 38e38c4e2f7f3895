package dev.ferry.controller.plan.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.backup.discovery.ApiResource;
import dev.ferry.backup.model.GroupResource;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GvkCompatibilityTest {
  private static ApiResource r(String group, String version, String resource, boolean namespaced, String... verbs) {
    return new ApiResource(group, version, resource, resource, namespaced, List.of(verbs));
  }

  @Test
  void onlyListableNamespacedResourcesTheDestinationLacksAndNobodyExcluded() {
    ApiResource cron = r("batch", "v1beta1", "cronjobs", true, "list", "get");
    ApiResource deployments = r("apps", "v1", "deployments", true, "list");
    ApiResource nodes = r("", "v1", "nodes", false, "list");
    ApiResource reviews = r("authorization.k8s.io", "v1", "localsubjectaccessreviews", true, "create");
    ApiResource events = r("", "v1", "events", true, "list");
    ApiResource routes = r("route.openshift.io", "v1", "routes", true, "list");
    Set<GroupResource> excluded = GvkCompatibility.excluded(List.of("routes.route.openshift.io"));
    List<ApiResource> found = GvkCompatibility.candidates(List.of(cron, deployments, nodes, reviews, events, routes),
        res -> res == deployments, excluded);
    assertThat(found).containsExactly(cron);
  }

  @Test
  void excludedCombinesBuiltInsAndSettings() {
    Set<GroupResource> excluded = GvkCompatibility.excluded(List.of("secrets", "imagestreams.image.openshift.io"));
    assertThat(excluded).contains(GroupResource.core("secrets"), GroupResource.of("image.openshift.io", "imagestreams"),
        GroupResource.core("events"));
  }
}
