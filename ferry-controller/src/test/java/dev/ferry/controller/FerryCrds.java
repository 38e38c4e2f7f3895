package dev.ferry.controller;

import dev.ferry.api.Crds;
import dev.ferry.testsupport.EstablishedCrds;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;

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
      EstablishedCrds.await(client, crd.getMetadata().getName());
    }
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(FerryOperator.DEFAULT_NAMESPACE)
        .endMetadata().build()).fieldManager("ferry-test").serverSideApply();
  }
}
