package dev.ferry.cli.demo;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaPropsBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import java.util.List;
import java.util.Map;

/**
 * The demo's application, a small shop in one namespace: a web Deployment, a database
 * StatefulSet with a volume claim template, two Services, a ConfigMap, a Secret and a custom
 * resource of the demo's own CRD ({@code shops.demo.ferry.dev}). Model only.
 */
public final class DemoApplication {
  static final String NAMESPACE = "shop";
  static final String TARGET_NAMESPACE = "shop-prod";
  static final String DATABASE = "shop-db";
  /** The claim the StatefulSet controller makes from the template "data" for pod shop-db-0. */
  static final String CLAIM = "data-" + DATABASE + "-0";
  static final String CR_GROUP = "demo.ferry.dev";
  static final String CR_KIND = "Shop";
  static final String CR_PLURAL = "shops";

  private DemoApplication() {
  }

  /** The demo CRD; installed on both clusters, as an operator's CRDs would be. */
  static CustomResourceDefinition crd() {
    return new CustomResourceDefinitionBuilder().withNewMetadata().withName(CR_PLURAL + "." + CR_GROUP).endMetadata()
        .withNewSpec().withGroup(CR_GROUP).withScope("Namespaced")
        .withNewNames().withKind(CR_KIND).withPlural(CR_PLURAL).withSingular("shop").withListKind("ShopList")
        .endNames()
        .addNewVersion().withName("v1").withServed(true).withStorage(true)
        .withNewSchema().withOpenAPIV3Schema(new JSONSchemaPropsBuilder().withType("object")
            .addToProperties("spec", new JSONSchemaPropsBuilder().withType("object")
                .withXKubernetesPreserveUnknownFields(true).build())
            .build()).endSchema()
        .endVersion().endSpec().build();
  }

  /** The shop's objects; its web Deployment runs {@code webImage} (the storefront, from the source registry). */
  static List<HasMetadata> objects(String webImage) {
    Map<String, String> web = Map.of("app", "shop");
    Map<String, String> db = Map.of("app", DATABASE);
    return List.of(
        new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).addToLabels("app.kubernetes.io/part-of", "shop")
            .endMetadata().build(),
        new ConfigMapBuilder().withNewMetadata().withName("shop-config").withNamespace(NAMESPACE).endMetadata()
            .addToData("GREETING", "hello from the source cluster").addToData("CURRENCY", "EUR").build(),
        new SecretBuilder().withNewMetadata().withName("shop-db").withNamespace(NAMESPACE).endMetadata()
            .addToStringData("password", "demo-only-password").build(),
        new ServiceBuilder().withNewMetadata().withName("shop").withNamespace(NAMESPACE).endMetadata()
            .withNewSpec().withSelector(web).addNewPort().withPort(80)
            .withTargetPort(new IntOrString(8080)).endPort().endSpec().build(),
        new ServiceBuilder().withNewMetadata().withName(DATABASE).withNamespace(NAMESPACE).endMetadata()
            .withNewSpec().withClusterIP("None").withSelector(db).addNewPort().withPort(5432).endPort().endSpec()
            .build(),
        new DeploymentBuilder().withNewMetadata().withName("shop").withNamespace(NAMESPACE).endMetadata()
            .withNewSpec().withReplicas(2)
            .withNewSelector().withMatchLabels(web).endSelector()
            .withNewTemplate().withNewMetadata().withLabels(web).endMetadata()
            .withNewSpec().addNewContainer().withName("shop").withImage(webImage)
            .addNewEnvFrom().withNewConfigMapRef().withName("shop-config").endConfigMapRef().endEnvFrom()
            .endContainer().endSpec().endTemplate().endSpec().build(),
        new StatefulSetBuilder().withNewMetadata().withName(DATABASE).withNamespace(NAMESPACE).endMetadata()
            .withNewSpec().withReplicas(1).withServiceName(DATABASE)
            .withNewSelector().withMatchLabels(db).endSelector()
            .withNewTemplate().withNewMetadata().withLabels(db).endMetadata()
            .withNewSpec().addNewContainer().withName("db").withImage("quay.io/ferry-demo/db:1.0")
            .addNewEnv().withName("PASSWORD").withNewValueFrom().withNewSecretKeyRef("password", "shop-db", false)
            .endValueFrom().endEnv()
            .addNewVolumeMount().withName("data").withMountPath("/var/lib/db").endVolumeMount()
            .endContainer().endSpec().endTemplate()
            .addNewVolumeClaimTemplate().withNewMetadata().withName("data").endMetadata()
            .withNewSpec().withAccessModes("ReadWriteOnce")
            .withNewResources().addToRequests("storage", new Quantity("1Gi")).endResources().endSpec()
            .endVolumeClaimTemplate()
            .endSpec().build(),
        shop());
  }

  /** The shop itself, as its operator would read it. */
  static GenericKubernetesResource shop() {
    return new GenericKubernetesResourceBuilder().withApiVersion(CR_GROUP + "/v1").withKind(CR_KIND)
        .withNewMetadata().withName("kayaks").withNamespace(NAMESPACE).endMetadata()
        .addToAdditionalProperties("spec", Map.of("displayName", "Ferry kayak shop", "currency", "EUR",
            "database", DATABASE))
        .build();
  }

  /** The sample data the database "writes" (KWOK runs no containers, so the demo writes it). */
  static Map<String, String> initialData() {
    return Map.of(
        "orders.csv", "id,item,quantity\n1,kayak,1\n2,paddle,2\n3,life-vest,2\n",
        "customers.csv", "id,name\n1,Ada\n2,Grace\n",
        "schema/VERSION", "3\n");
  }

  /** What changes between the stage and the cutover: a new order, and a new file. */
  static Map<String, String> laterData() {
    return Map.of(
        "orders.csv", "id,item,quantity\n1,kayak,1\n2,paddle,2\n3,life-vest,2\n4,dry-bag,1\n",
        "wal/000001.log", "insert order 4\n");
  }
}
