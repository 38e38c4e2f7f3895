package dev.ferry.cli.backup;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The small application the Velero interop tests back up and restore: two claims bound by the
 * testbed's provisioner, a ConfigMap, a Secret, and two resources of a CRD of their own.
 */
final class InteropApp {
  static final String CRD = "widgets.interop.ferry.dev";
  static final ResourceDefinitionContext WIDGETS = new ResourceDefinitionContext.Builder()
      .withGroup("interop.ferry.dev").withVersion("v1").withKind("Widget").withPlural("widgets")
      .withNamespaced(true).build();
  static final List<String> CLAIMS = List.of("data", "logs");

  private InteropApp() {
  }

  /** The application's CRD, created once per cluster. */
  static void createCrd(KubernetesClient client) {
    if (client.apiextensions().v1().customResourceDefinitions().withName(CRD).get() == null) {
      client.resource(Serialization.unmarshal("""
          apiVersion: apiextensions.k8s.io/v1
          kind: CustomResourceDefinition
          metadata: {name: %s}
          spec:
            group: interop.ferry.dev
            scope: Namespaced
            names: {plural: widgets, singular: widget, kind: Widget}
            versions:
            - name: v1
              served: true
              storage: true
              schema:
                openAPIV3Schema:
                  type: object
                  properties:
                    spec: {type: object, properties: {color: {type: string}}}
          """.formatted(CRD), CustomResourceDefinition.class)).create();
      client.apiextensions().v1().customResourceDefinitions().withName(CRD).waitUntilCondition(c ->
          c.getStatus() != null && c.getStatus().getConditions() != null && c.getStatus().getConditions().stream()
              .anyMatch(x -> "Established".equals(x.getType()) && "True".equals(x.getStatus())), 30, TimeUnit.SECONDS);
    }
  }

  static void create(KubernetesClient client, String namespace) {
    createCrd(client);
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace)
        .addToLabels("ferry.dev/test", "true").endMetadata().build()).create();
    client.configMaps().inNamespace(namespace).resource(new ConfigMapBuilder().withNewMetadata().withName("settings")
        .endMetadata().addToData("currency", "EUR").build()).create();
    client.secrets().inNamespace(namespace).resource(new SecretBuilder().withNewMetadata().withName("token")
        .endMetadata().addToStringData("token", "s3cr3t").build()).create();
    for (String claim : CLAIMS) {
      client.persistentVolumeClaims().inNamespace(namespace).resource(new PersistentVolumeClaimBuilder()
          .withNewMetadata().withName(claim).endMetadata()
          .withNewSpec().withAccessModes("ReadWriteOnce")
          .withNewResources().addToRequests("storage", new Quantity("1Mi")).endResources().endSpec().build()).create();
    }
    for (String color : List.of("blue", "green")) {
      client.genericKubernetesResources(WIDGETS).inNamespace(namespace).resource(Serialization.unmarshal("""
          {"apiVersion": "interop.ferry.dev/v1", "kind": "Widget", "metadata": {"name": "%s"},
           "spec": {"color": "%s"}}""".formatted(color, color), GenericKubernetesResource.class)).create();
    }
    for (String claim : CLAIMS) {
      client.persistentVolumeClaims().inNamespace(namespace).withName(claim)
          .waitUntilCondition(VeleroInteropIT::bound, 60, TimeUnit.SECONDS);
    }
  }

  /** Every object of the application is in {@code namespace}, its claims Bound. */
  static void assertRestored(KubernetesClient client, String namespace) {
    assertThat(client.configMaps().inNamespace(namespace).withName("settings").get().getData())
        .containsEntry("currency", "EUR");
    assertThat(client.secrets().inNamespace(namespace).withName("token").get().getData()).containsKey("token");
    assertThat(client.apiextensions().v1().customResourceDefinitions().withName(CRD).get()).isNotNull();
    assertThat(client.genericKubernetesResources(WIDGETS).inNamespace(namespace).list().getItems())
        .extracting(w -> w.getMetadata().getName()).containsExactlyInAnyOrder("blue", "green");
    for (String claim : CLAIMS) {
      PersistentVolumeClaim bound = client.persistentVolumeClaims().inNamespace(namespace).withName(claim)
          .waitUntilCondition(c -> c == null || VeleroInteropIT.bound(c) || "Lost".equals(c.getStatus().getPhase()),
              60, TimeUnit.SECONDS);
      assertThat(bound).as("claim " + namespace + "/" + claim).isNotNull();
      assertThat(bound.getStatus().getPhase()).as("claim " + namespace + "/" + claim).isEqualTo("Bound");
    }
  }
}
