package dev.ferry.controller.cluster;

import dev.ferry.api.migration.settings.MigrationController;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.VersionInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Connects to a cluster for real: GET /version, then one SelfSubjectAccessReview per
 * {@link RequiredPermissions required permission} across all namespaces, then the version of the
 * migration toolkit installed there (its MigrationController), if any.
 */
public final class ClusterConnectionCheck {
  /** What the check found. {@code operatorVersion} is null when no MigrationController says. */
  public record Report(String kubernetesVersion, List<RequiredPermissions.Permission> missing,
                       String operatorVersion) {
  }

  private final String controllerNamespace;

  public ClusterConnectionCheck(String controllerNamespace) {
    this.controllerNamespace = controllerNamespace;
  }

  /** Throws the client's exception when the cluster cannot be reached or rejects the identity. */
  public Report check(KubernetesClient client) {
    VersionInfo version = client.getKubernetesVersion();
    List<RequiredPermissions.Permission> missing = new ArrayList<>();
    for (RequiredPermissions.Permission p : RequiredPermissions.all()) {
      if (!allowed(client, p)) {
        missing.add(p);
      }
    }
    return new Report(version.getGitVersion(), missing, operatorVersion(client));
  }

  private static boolean allowed(KubernetesClient client, RequiredPermissions.Permission p) {
    SelfSubjectAccessReview review = new SelfSubjectAccessReviewBuilder().withNewSpec().withNewResourceAttributes()
        .withVerb(p.verb()).withGroup(p.group()).withResource(p.resource()).withNamespace("")
        .endResourceAttributes().endSpec().build();
    SelfSubjectAccessReview answer = client.authorization().v1().selfSubjectAccessReview().create(review);
    return answer.getStatus() != null && Boolean.TRUE.equals(answer.getStatus().getAllowed());
  }

  /** The {@code version} of the cluster's MigrationController; the CRD may well be absent. */
  private String operatorVersion(KubernetesClient client) {
    try {
      return client.resources(MigrationController.class).inNamespace(controllerNamespace).list().getItems().stream()
          .min(Comparator.comparing(c -> c.getMetadata().getName()))
          .map(c -> c.getSpec() == null ? null : c.getSpec().getVersion())
          .orElse(null);
    } catch (KubernetesClientException e) {
      return null;
    }
  }
}
