package dev.ferry.controller.tenancy;

import dev.ferry.controller.cluster.ControllerHttpClients;
import io.fabric8.kubernetes.api.model.authentication.TokenReview;
import io.fabric8.kubernetes.api.model.authentication.TokenReviewBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * A tenant on one cluster: their identity, proven by a TokenReview of the token they supplied
 * (made with the controller's own client for that cluster), and a client that carries that token,
 * so every request of the migration is the tenant's and the API server's RBAC decides. The
 * controller's client is used only to ask the API server questions about the tenant (TokenReview,
 * SubjectAccessReview) — never to read or write the tenant's objects.
 */
public final class TenantSession implements AutoCloseable {
  private final String cluster;
  private final KubernetesClient controller;
  private final TenantIdentity identity;
  private final KubernetesClient client;

  private TenantSession(String cluster, KubernetesClient controller, TenantIdentity identity, KubernetesClient client) {
    this.cluster = cluster;
    this.controller = controller;
    this.identity = identity;
    this.client = client;
  }

  /**
   * @param cluster    "source" or "destination", for messages
   * @param controller the controller's client for that cluster
   * @param token      the tenant's token (never logged)
   * @param secretName where the token came from, for messages
   * @throws TenantAccessException when the cluster does not authenticate the token
   */
  public static TenantSession open(String cluster, KubernetesClient controller, String token, String secretName) {
    TokenReview review = controller.resource(new TokenReviewBuilder().withNewSpec().withToken(token).endSpec()
        .build()).create();
    if (review.getStatus() == null || !Boolean.TRUE.equals(review.getStatus().getAuthenticated())
        || review.getStatus().getUser() == null) {
      String why = review.getStatus() == null || review.getStatus().getError() == null ? "not authenticated"
          : review.getStatus().getError();
      throw new TenantAccessException("TokenInvalid", "the token in Secret " + secretName + " is not valid on the "
          + cluster + " cluster (" + why + "); put a current token of yours there under key token");
    }
    var user = review.getStatus().getUser();
    TenantIdentity identity = new TenantIdentity(user.getUsername(), user.getUid(), user.getGroups());
    return new TenantSession(cluster, controller, identity, ControllerHttpClients.builder()
        .withConfig(asTenant(controller.getConfiguration(), token)).build());
  }

  /** The controller's connection to the cluster (address, CA) with the tenant's token and nothing else. */
  static Config asTenant(Config controller, String token) {
    return new ConfigBuilder(Config.empty())
        .withMasterUrl(controller.getMasterUrl())
        .withCaCertData(controller.getCaCertData())
        .withCaCertFile(controller.getCaCertFile())
        .withTrustCerts(controller.isTrustCerts())
        .withDisableHostnameVerification(controller.isDisableHostnameVerification())
        .withOauthToken(token)
        .withHttp2Disable(true)
        .withRequestRetryBackoffLimit(2)
        .withConnectionTimeout(10_000)
        .withRequestTimeout(30_000)
        .build();
  }

  public TenantIdentity identity() {
    return identity;
  }

  /** The client that acts as the tenant. */
  public KubernetesClient client() {
    return client;
  }

  public String cluster() {
    return cluster;
  }

  /** Whether the tenant may {@code verb} the resource, asked of the API server (SubjectAccessReview). */
  public boolean can(String verb, String group, String resource, String namespace, String name) {
    SubjectAccessReview review = controller.resource(new SubjectAccessReviewBuilder().withNewSpec()
        .withUser(identity.username()).withUid(identity.uid()).withGroups(identity.groups())
        .withNewResourceAttributes().withVerb(verb).withGroup(group).withResource(resource)
        .withNamespace(namespace).withName(name).endResourceAttributes()
        .endSpec().build()).create();
    return review.getStatus() != null && Boolean.TRUE.equals(review.getStatus().getAllowed());
  }

  @Override
  public void close() {
    client.close();
  }
}
