package dev.ferry.cli;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.List;

/** The demo's application: what a small shop looks like in one namespace. Model only. */
final class DemoApplication {
  static final String NAMESPACE = "ferry-demo";

  private DemoApplication() {
  }

  static List<HasMetadata> objects() {
    return List.of(
        new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).addToLabels("app.kubernetes.io/part-of", "shop")
            .endMetadata().build(),
        new ConfigMapBuilder().withNewMetadata().withName("shop-config").withNamespace(NAMESPACE).endMetadata()
            .addToData("GREETING", "hello from the source cluster").build(),
        new SecretBuilder().withNewMetadata().withName("shop-db").withNamespace(NAMESPACE).endMetadata()
            .addToStringData("password", "demo-only-password").build(),
        new PersistentVolumeClaimBuilder().withNewMetadata().withName("shop-data").withNamespace(NAMESPACE).endMetadata()
            .withNewSpec().withAccessModes("ReadWriteOnce")
            .withNewResources().addToRequests("storage", new Quantity("1Gi")).endResources().endSpec().build(),
        new DeploymentBuilder().withNewMetadata().withName("shop").withNamespace(NAMESPACE).endMetadata()
            .withNewSpec().withReplicas(2)
            .withNewSelector().addToMatchLabels("app", "shop").endSelector()
            .withNewTemplate().withNewMetadata().addToLabels("app", "shop").endMetadata()
            .withNewSpec().addNewContainer().withName("shop").withImage("quay.io/ferry-demo/shop:1.0")
            .addNewEnvFrom().withNewConfigMapRef().withName("shop-config").endConfigMapRef().endEnvFrom()
            .addNewVolumeMount().withName("data").withMountPath("/data").endVolumeMount()
            .endContainer()
            .addNewVolume().withName("data").withNewPersistentVolumeClaim().withClaimName("shop-data")
            .endPersistentVolumeClaim().endVolume()
            .endSpec().endTemplate().endSpec().build(),
        new ServiceBuilder().withNewMetadata().withName("shop").withNamespace(NAMESPACE).endMetadata()
            .withNewSpec().addToSelector("app", "shop").addNewPort().withPort(80)
            .withTargetPort(new IntOrString(8080)).endPort().endSpec().build());
  }
}
