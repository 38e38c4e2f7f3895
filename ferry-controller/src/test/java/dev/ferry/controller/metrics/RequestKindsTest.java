package dev.ferry.controller.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestKindsTest {

  /** Each row: a request's method and path on the API server, then the kind it is counted under. */
  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource(delimiter = '|', textBlock = """
      # Reads of collections are lists.
      GET    | /api/v1/namespaces                                                        | List
      GET    | /api/v1/namespaces/shop/secrets                                           | List
      GET    | /apis/apps/v1/namespaces/shop/deployments?watch=true&resourceVersion=5    | List
      GET    | /apis/migration.openshift.io/v1alpha1/migplans                            | List
      GET    | /api/v1/watch/namespaces/shop/pods                                        | List
      # Requests on objects are their kind.
      GET    | /api/v1/namespaces/shop                                                   | Namespace
      GET    | /api/v1/namespaces/shop/configmaps/settings                               | ConfigMap
      GET    | /api/v1/namespaces/openshift-migration/secrets/host                       | Secret
      PUT    | /apis/apps/v1/namespaces/shop/deployments/web                             | Deployment
      DELETE | /apis/batch/v1/namespaces/shop/jobs/j                                     | Job
      GET    | /apis/rbac.authorization.k8s.io/v1/clusterroles/admin                     | ClusterRole
      GET    | /api/v1/persistentvolumes/pv-1                                            | PersistentVolume
      GET    | /apis/velero.io/v1/namespaces/openshift-migration/backups/b-1             | Backup
      GET    | /apis/coordination.k8s.io/v1/namespaces/openshift-migration/leases/ferry  | Lease
      # Creates and collection deletes are the kind created or deleted.
      POST   | /api/v1/namespaces/shop/secrets                                           | Secret
      POST   | /apis/authorization.k8s.io/v1/selfsubjectaccessreviews                    | SelfSubjectAccessReview
      DELETE | /api/v1/namespaces/shop/pods                                              | Pod
      # Subresources count as their resource.
      PATCH  | /apis/migration.openshift.io/v1alpha1/namespaces/openshift-migration/migmigrations/m/status | MigMigration
      GET    | /api/v1/namespaces/shop/pods/web-1/log                                    | Pod
      PUT    | /api/v1/namespaces/shop/finalize                                          | Namespace
      PUT    | /api/v1/namespaces/shop/status                                            | Namespace
      # Unknown resources are made singular and capitalized.
      GET    | /apis/example.com/v1/namespaces/shop/widgets/w                            | Widget
      GET    | /apis/example.com/v1/policies/p                                           | Policy
      GET    | /apis/example.com/v1/ingressclasses/c                                     | Ingressclass
      # Discovery and other paths.
      GET    | /api                                                                      | APIVersions
      GET    | /api/v1                                                                   | APIResourceList
      GET    | /apis                                                                     | APIGroupList
      GET    | /apis/apps                                                                | APIGroup
      GET    | /apis/apps/v1                                                             | APIResourceList
      GET    | /version                                                                  | Version
      GET    | /openapi/v2                                                               | NonResource
      GET    | /                                                                         | NonResource
      """)
  void requestsAreCountedUnderTheKindTheyConcern(String method, String path, String expected) {
    assertThat(RequestKinds.of(method, URI.create("https://api.example.com:6443" + path))).isEqualTo(expected);
  }

  @Test
  void kindsNamedInThePluralAreMadeSingular() {
    assertThat(RequestKinds.kindOf("MigPlans")).isEqualTo("MigPlan");
  }
}
