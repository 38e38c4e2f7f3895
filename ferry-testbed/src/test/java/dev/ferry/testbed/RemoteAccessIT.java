package dev.ferry.testbed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A remote cluster is reached by URL + service-account token, and RBAC is really enforced. */
@ExtendWith(TestbedExtension.class)
class RemoteAccessIT {

  @Test
  void serviceAccountTokenReachesTheClusterAsClusterAdmin(Testbed testbed) {
    LocalCluster destination = testbed.destination();
    String token = RemoteAccess.clusterAdminToken(destination.client());
    try (KubernetesClient remote = new KubernetesClientBuilder().withConfig(new ConfigBuilder(destination.adminConfig())
        .withOauthToken(token).build()).build()) {
      assertThat(remote.namespaces().list().getItems()).isNotEmpty();
      assertThat(remote.authorization().v1().selfSubjectAccessReview().create(
          new io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder().withNewSpec()
              .withNewResourceAttributes().withVerb("create").withResource("customresourcedefinitions")
              .withGroup("apiextensions.k8s.io").endResourceAttributes().endSpec().build())
          .getStatus().getAllowed()).isTrue();
    }
    try (KubernetesClient bad = new KubernetesClientBuilder().withConfig(new ConfigBuilder(destination.adminConfig())
        .withOauthToken("not-a-token").withRequestRetryBackoffLimit(0)
        // Over HTTP/2 the API server answers an unauthenticated client with GOAWAY (its HTTP/2
        // DoS mitigation), which the JDK client reports as an I/O error instead of a 401.
        .withHttp2Disable(true).build()).build()) {
      assertThatThrownBy(() -> bad.namespaces().list()).isInstanceOf(KubernetesClientException.class)
          .satisfies(e -> assertThat(((KubernetesClientException) e).getCode()).isEqualTo(401));
    }
  }
}
