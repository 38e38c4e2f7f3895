package dev.ferry.controller.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class RequestKindsTest {
  private static String kind(String method, String path) {
    return RequestKinds.of(method, URI.create("https://api.example.com:6443" + path));
  }

  @Test
  void readsOfCollectionsAreLists() {
    assertThat(kind("GET", "/api/v1/namespaces")).isEqualTo("List");
    assertThat(kind("GET", "/api/v1/namespaces/shop/secrets")).isEqualTo("List");
    assertThat(kind("GET", "/apis/apps/v1/namespaces/shop/deployments?watch=true&resourceVersion=5"))
        .isEqualTo("List");
    assertThat(kind("GET", "/apis/migration.openshift.io/v1alpha1/migplans")).isEqualTo("List");
    assertThat(kind("GET", "/api/v1/watch/namespaces/shop/pods")).isEqualTo("List");
  }

  @Test
  void requestsOnObjectsAreTheirKind() {
    assertThat(kind("GET", "/api/v1/namespaces/shop")).isEqualTo("Namespace");
    assertThat(kind("GET", "/api/v1/namespaces/shop/configmaps/settings")).isEqualTo("ConfigMap");
    assertThat(kind("GET", "/api/v1/namespaces/openshift-migration/secrets/host")).isEqualTo("Secret");
    assertThat(kind("PUT", "/apis/apps/v1/namespaces/shop/deployments/web")).isEqualTo("Deployment");
    assertThat(kind("DELETE", "/apis/batch/v1/namespaces/shop/jobs/j")).isEqualTo("Job");
    assertThat(kind("GET", "/apis/rbac.authorization.k8s.io/v1/clusterroles/admin")).isEqualTo("ClusterRole");
    assertThat(kind("GET", "/api/v1/persistentvolumes/pv-1")).isEqualTo("PersistentVolume");
    assertThat(kind("GET", "/apis/velero.io/v1/namespaces/openshift-migration/backups/b-1")).isEqualTo("Backup");
    assertThat(kind("GET", "/apis/coordination.k8s.io/v1/namespaces/openshift-migration/leases/ferry"))
        .isEqualTo("Lease");
  }

  @Test
  void createsAndCollectionDeletesAreTheKindCreatedOrDeleted() {
    assertThat(kind("POST", "/api/v1/namespaces/shop/secrets")).isEqualTo("Secret");
    assertThat(kind("POST", "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews"))
        .isEqualTo("SelfSubjectAccessReview");
    assertThat(kind("DELETE", "/api/v1/namespaces/shop/pods")).isEqualTo("Pod");
  }

  @Test
  void subresourcesCountAsTheirResource() {
    assertThat(kind("PATCH", "/apis/migration.openshift.io/v1alpha1/namespaces/openshift-migration/migmigrations/m/status"))
        .isEqualTo("MigMigration");
    assertThat(kind("GET", "/api/v1/namespaces/shop/pods/web-1/log")).isEqualTo("Pod");
    assertThat(kind("PUT", "/api/v1/namespaces/shop/finalize")).isEqualTo("Namespace");
    assertThat(kind("PUT", "/api/v1/namespaces/shop/status")).isEqualTo("Namespace");
  }

  @Test
  void unknownResourcesAreMadeSingularAndCapitalized() {
    assertThat(kind("GET", "/apis/example.com/v1/namespaces/shop/widgets/w")).isEqualTo("Widget");
    assertThat(kind("GET", "/apis/example.com/v1/policies/p")).isEqualTo("Policy");
    assertThat(kind("GET", "/apis/example.com/v1/ingressclasses/c")).isEqualTo("Ingressclass");
    assertThat(RequestKinds.kindOf("MigPlans")).isEqualTo("MigPlan");
  }

  @Test
  void discoveryAndOtherPaths() {
    assertThat(kind("GET", "/api")).isEqualTo("APIVersions");
    assertThat(kind("GET", "/api/v1")).isEqualTo("APIResourceList");
    assertThat(kind("GET", "/apis")).isEqualTo("APIGroupList");
    assertThat(kind("GET", "/apis/apps")).isEqualTo("APIGroup");
    assertThat(kind("GET", "/apis/apps/v1")).isEqualTo("APIResourceList");
    assertThat(kind("GET", "/version")).isEqualTo("Version");
    assertThat(kind("GET", "/openapi/v2")).isEqualTo("NonResource");
    assertThat(kind("GET", "/")).isEqualTo("NonResource");
  }
}
