package dev.ferry.backup.restore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.backup.model.GroupResource;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class RestoreOrderTest {

  @Test
  void prioritiesFirstThenAlphabetical() {
    List<GroupResource> shuffled = Stream.of(
        "services", "routes.route.openshift.io", "deployments.apps", "pods", "configmaps",
        "namespaces", "widgets.example.com", "customresourcedefinitions.apiextensions.k8s.io",
        "persistentvolumeclaims", "persistentvolumes", "secrets", "serviceaccounts",
        "rolebindings.rbac.authorization.k8s.io", "roles.rbac.authorization.k8s.io",
        "clusterroles.rbac.authorization.k8s.io", "clusterrolebindings.rbac.authorization.k8s.io",
        "limitranges", "priorityclasses.scheduling.k8s.io", "replicasets.apps", "endpoints",
        "storageclasses.storage.k8s.io", "cronjobs.batch", "statefulsets.apps", "deployments.apps")
        .map(GroupResource::parse).toList();

    assertThat(RestoreOrder.sort(shuffled)).extracting(GroupResource::qualified).containsExactly(
        "customresourcedefinitions.apiextensions.k8s.io", "namespaces",
        "storageclasses.storage.k8s.io", "persistentvolumes", "persistentvolumeclaims",
        "clusterroles.rbac.authorization.k8s.io", "roles.rbac.authorization.k8s.io",
        "serviceaccounts", "clusterrolebindings.rbac.authorization.k8s.io",
        "rolebindings.rbac.authorization.k8s.io", "secrets", "configmaps", "limitranges",
        "priorityclasses.scheduling.k8s.io", "pods", "replicasets.apps", "endpoints", "services",
        "cronjobs.batch", "deployments.apps", "routes.route.openshift.io", "statefulsets.apps",
        "widgets.example.com");
  }

  @Test
  void sameNameInAnotherGroupIsNotAPriority() {
    GroupResource openshiftRoles = GroupResource.parse("roles.authorization.openshift.io");
    GroupResource rbacRoles = GroupResource.parse("roles.rbac.authorization.k8s.io");
    GroupResource apps = GroupResource.parse("deployments.apps");
    assertThat(RestoreOrder.sort(List.of(openshiftRoles, apps, rbacRoles)))
        .containsExactly(rbacRoles, apps, openshiftRoles);
    assertThat(RestoreOrder.comparator().compare(rbacRoles, openshiftRoles)).isNegative();
  }
}
