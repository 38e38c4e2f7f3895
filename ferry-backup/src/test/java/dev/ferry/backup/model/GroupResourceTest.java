package dev.ferry.backup.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class GroupResourceTest {

  @Test
  void qualifiedNameOmitsTheCoreGroup() {
    assertThat(GroupResource.core("pods").qualified()).isEqualTo("pods");
    assertThat(GroupResource.of("apps", "deployments").qualified()).isEqualTo("deployments.apps");
    assertThat(GroupResource.of(null, "pods")).isEqualTo(GroupResource.core("pods"));
  }

  @Test
  void parseSplitsAtTheFirstDot() {
    assertThat(GroupResource.parse("deployments.apps"))
        .isEqualTo(GroupResource.of("apps", "deployments"));
    assertThat(GroupResource.parse("roles.rbac.authorization.k8s.io"))
        .isEqualTo(GroupResource.of("rbac.authorization.k8s.io", "roles"));
    assertThat(GroupResource.parse("namespaces")).isEqualTo(GroupResource.core("namespaces"));
    assertThat(GroupResource.parse("deployments.apps").toString()).isEqualTo("deployments.apps");
  }

  @Test
  void rejectsInvalidResourceNames() {
    assertThatThrownBy(() -> GroupResource.parse(".apps"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> GroupResource.core("a/b"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void ordersByQualifiedName() {
    List<GroupResource> list = new ArrayList<>(List.of(
        GroupResource.parse("services"),
        GroupResource.parse("deployments.apps"),
        GroupResource.parse("configmaps"),
        GroupResource.parse("routes.route.openshift.io")));
    Collections.sort(list);
    assertThat(list).extracting(GroupResource::qualified)
        .containsExactly("configmaps", "deployments.apps", "routes.route.openshift.io", "services");
  }

  @Test
  void itemKeyFromObjectJson() {
    ItemKey key = ItemKey.of(GroupResource.parse("deployments.apps"), Json.parseObject("""
        {"apiVersion": "apps/v1", "kind": "Deployment",
         "metadata": {"name": "web", "namespace": "shop"}}
        """));
    assertThat(key).isEqualTo(
        new ItemKey(GroupResource.of("apps", "deployments"), "v1", "shop", "web"));
    assertThat(key.namespacedName()).isEqualTo("shop/web");

    ItemKey ns = ItemKey.of(GroupResource.core("namespaces"), Json.parseObject("""
        {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "shop"}}
        """));
    assertThat(ns.version()).isEqualTo("v1");
    assertThat(ns.isClusterScoped()).isTrue();
    assertThat(ns.namespacedName()).isEqualTo("shop");
    assertThat(new ItemKey(GroupResource.core("namespaces"), "v1", "", "shop")).isEqualTo(ns);
  }
}
