package dev.ferry.cli;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Applies CRDs with server-side apply and waits until the API server serves them. */
final class CrdInstaller {
  static final String FIELD_MANAGER = "ferry";
  private final KubernetesClient client;

  CrdInstaller(KubernetesClient client) {
    this.client = client;
  }

  List<CustomResourceDefinition> install(List<CustomResourceDefinition> crds, int timeoutSeconds) {
    List<CustomResourceDefinition> applied = new ArrayList<>();
    for (CustomResourceDefinition crd : crds) {
      applied.add(client.apiextensions().v1().customResourceDefinitions().resource(crd)
          .fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply());
    }
    for (CustomResourceDefinition crd : applied) {
      try {
        client.apiextensions().v1().customResourceDefinitions().withName(crd.getMetadata().getName())
            .waitUntilCondition(CrdInstaller::established, timeoutSeconds, TimeUnit.SECONDS);
      } catch (io.fabric8.kubernetes.client.KubernetesClientTimeoutException e) {
        throw new UserError("CRD " + crd.getMetadata().getName() + " was applied but not established within "
            + timeoutSeconds + "s; check 'kubectl describe crd " + crd.getMetadata().getName() + "'");
      }
    }
    return applied;
  }

  static boolean established(CustomResourceDefinition crd) {
    return crd != null && crd.getStatus() != null && crd.getStatus().getConditions() != null
        && crd.getStatus().getConditions().stream()
            .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
  }
}
