package dev.ferry.testbed;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenRequest;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * How Ferry reaches a remote cluster, as MTC does: a service account bound to cluster-admin,
 * whose token goes into the Secret a MigCluster's serviceAccountSecretRef names.
 */
public final class RemoteAccess {
  public static final String NAMESPACE = "openshift-migration";
  public static final String SERVICE_ACCOUNT = "migration-controller";

  private RemoteAccess() {
  }

  /** Creates (idempotently) the service account and its binding, and returns a fresh token (24 h). */
  public static String clusterAdminToken(KubernetesClient client) {
    if (client.namespaces().withName(NAMESPACE).get() == null) {
      client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata().build())
          .serverSideApply();
    }
    client.serviceAccounts().inNamespace(NAMESPACE).resource(new ServiceAccountBuilder()
        .withNewMetadata().withName(SERVICE_ACCOUNT).withNamespace(NAMESPACE).endMetadata().build()).serverSideApply();
    client.rbac().clusterRoleBindings().resource(new ClusterRoleBindingBuilder()
        .withNewMetadata().withName(SERVICE_ACCOUNT + "-cluster-admin").endMetadata()
        .withNewRoleRef().withApiGroup("rbac.authorization.k8s.io").withKind("ClusterRole").withName("cluster-admin")
        .endRoleRef()
        .addNewSubject().withKind("ServiceAccount").withName(SERVICE_ACCOUNT).withNamespace(NAMESPACE).endSubject()
        .build()).serverSideApply();
    TokenRequest request = new TokenRequestBuilder().withNewSpec().withExpirationSeconds(86_400L).endSpec().build();
    return client.serviceAccounts().inNamespace(NAMESPACE).withName(SERVICE_ACCOUNT).tokenRequest(request)
        .getStatus().getToken();
  }
}
