package dev.ferry.controller;

import dev.ferry.api.Crds;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.concurrent.TimeUnit;

/** Installs Ferry's CRDs and the controller namespace into a test cluster (idempotent). */
public final class FerryCrds {
  private FerryCrds() {
  }

  public static void install(KubernetesClient client) {
    for (CustomResourceDefinition crd : Crds.definitions()) {
      client.apiextensions().v1().customResourceDefinitions().resource(crd).fieldManager("ferry-test")
          .forceConflicts().serverSideApply();
    }
    for (CustomResourceDefinition crd : Crds.definitions()) {
      client.apiextensions().v1().customResourceDefinitions().withName(crd.getMetadata().getName())
          .waitUntilCondition(c -> c != null && c.getStatus() != null && c.getStatus().getConditions() != null
              && c.getStatus().getConditions().stream()
                  .anyMatch(x -> "Established".equals(x.getType()) && "True".equals(x.getStatus())), 60, TimeUnit.SECONDS);
    }
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(FerryOperator.DEFAULT_NAMESPACE)
        .endMetadata().build()).fieldManager("ferry-test").serverSideApply();
  }
}
