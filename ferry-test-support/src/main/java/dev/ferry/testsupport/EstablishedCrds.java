package dev.ferry.testsupport;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.concurrent.TimeUnit;

/** The wait after creating a CRD: until the API server serves its kind (condition Established). */
public final class EstablishedCrds {
  private EstablishedCrds() {
  }

  /** Waits (60 s at most) until CRD {@code name} is Established on {@code client}'s cluster. */
  public static CustomResourceDefinition await(KubernetesClient client, String name) {
    return client.apiextensions().v1().customResourceDefinitions().withName(name).waitUntilCondition(
        EstablishedCrds::established, 60, TimeUnit.SECONDS);
  }

  public static boolean established(CustomResourceDefinition crd) {
    return crd != null && crd.getStatus() != null && crd.getStatus().getConditions() != null
        && crd.getStatus().getConditions().stream()
            .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
  }
}
