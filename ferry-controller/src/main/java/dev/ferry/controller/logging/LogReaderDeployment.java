package dev.ferry.controller.logging;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.List;
import java.util.Map;

/**
 * The optional {@code migration-log-reader} Deployment (MTC's {@code mig-log-reader}): two
 * containers of Ferry's image following every migration's merged log, {@code color} with
 * colours and {@code plain} without, so {@code kubectl -n openshift-migration logs -f
 * deploy/migration-log-reader -c color} shows what {@code ferry logs -f} shows. Model only.
 */
public final class LogReaderDeployment {
  public static final String NAME = "migration-log-reader";
  public static final Map<String, String> LABELS = Map.of("app", NAME, "app.kubernetes.io/part-of", "ferry");
  /** The image when the controller's environment does not name one (FERRY_IMAGE). */
  public static final String DEFAULT_IMAGE = "ferry:0.1.0";

  private LogReaderDeployment() {
  }

  public static Deployment of(String namespace, String image, String serviceAccount) {
    return new DeploymentBuilder()
        .withNewMetadata().withName(NAME).withNamespace(namespace).withLabels(LABELS).endMetadata()
        .withNewSpec().withReplicas(1)
        .withNewSelector().withMatchLabels(Map.of("app", NAME)).endSelector()
        .withNewTemplate().withNewMetadata().withLabels(LABELS).endMetadata()
        .withNewSpec().withServiceAccountName(serviceAccount)
        .withContainers(container("color", image, namespace, "--color"), container("plain", image, namespace, "--plain"))
        .endSpec().endTemplate().endSpec().build();
  }

  private static Container container(String name, String image, String namespace, String style) {
    return new ContainerBuilder().withName(name).withImage(image)
        .withArgs(List.of("logs", "--follow", style, "--since", "24h", "-n", namespace))
        .withNewResources().addToRequests("cpu", new io.fabric8.kubernetes.api.model.Quantity("10m"))
        .addToRequests("memory", new io.fabric8.kubernetes.api.model.Quantity("128Mi"))
        .addToLimits("memory", new io.fabric8.kubernetes.api.model.Quantity("384Mi")).endResources()
        .withNewSecurityContext().withAllowPrivilegeEscalation(false).withRunAsNonRoot(true)
        .withNewCapabilities().withDrop("ALL").endCapabilities().endSecurityContext()
        .build();
  }
}
