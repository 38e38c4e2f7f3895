package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.api.common.Condition;
import dev.ferry.api.migration.migration.MigMigration;
import dev.ferry.api.migration.plan.MigPlan;
import dev.ferry.testbed.LocalCluster;
import dev.ferry.testbed.RealNode;
import dev.ferry.testbed.Testbed;
import dev.ferry.testbed.TestbedExtension;
import dev.ferry.testsupport.PlanFixture;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Ferry's image running for real as the controller Deployment of {@code deploy/}, on the source
 * cluster's real node: it becomes Ready (its {@code /healthz}), makes a plan Ready and completes a
 * cutover, acting as its ServiceAccount with deploy/'s RBAC. The testbed's API server listens on
 * 127.0.0.1 and has no kube-proxy to route the {@code kubernetes} Service, so the pod uses the
 * host's network and is pointed at the API server's loopback address — the only changes made to
 * the Deployment besides the node placement and {@code imagePullPolicy: Never}.
 */
@ExtendWith(TestbedExtension.class)
class ControllerImageIT {
  private static final String NS = PlanFixture.NS;
  private static final String NAME = "migration-controller";
  private static final String REPOSITORY = "/repository";

  @Test
  @Timeout(value = 14, unit = TimeUnit.MINUTES)
  void theImageRunsAsTheControllerDeploymentAndReconcilesAPlan(Testbed testbed) throws Exception {
    RealNode node = testbed.realNodesOrSkip().get(0);
    String image = node.ferryImage();
    LocalCluster source = testbed.source();
    KubernetesClient host = source.client();
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    URI api = URI.create(source.url());
    String metrics = ":" + port;
    apply(host, Path.of(System.getProperty("ferry.repo.root", "..")).resolve("deploy"), d -> {
      var pod = d.getSpec().getTemplate().getSpec();
      pod.setHostNetwork(true);
      pod.setNodeSelector(RealNode.nodeSelector());
      pod.setTolerations(List.of(new TolerationBuilder().withKey(RealNode.TAINT).withOperator("Exists")
          .withEffect("NoSchedule").build()));
      var container = pod.getContainers().get(0);
      assertThat(container.getImage()).isEqualTo(image);
      container.setImagePullPolicy("Never");
      List<String> args = new ArrayList<>(container.getArgs());
      args.addAll(List.of("--metrics-bind-address", metrics));
      container.setArgs(args);
      container.setEnv(List.of(new EnvVar("KUBERNETES_SERVICE_HOST", api.getHost(), null),
          new EnvVar("KUBERNETES_SERVICE_PORT", Integer.toString(api.getPort()), null)));
      container.setReadinessProbe(new ProbeBuilder().withNewHttpGet().withPath("/healthz")
          .withPort(new IntOrString(port)).endHttpGet().withPeriodSeconds(2).build());
      container.setPorts(List.of());
      // The plan's filesystem MigStorage is a directory of the controller's own container.
      container.setVolumeMounts(List.of(new io.fabric8.kubernetes.api.model.VolumeMountBuilder()
          .withName("repository").withMountPath(REPOSITORY).build()));
      pod.setVolumes(List.of(new io.fabric8.kubernetes.api.model.VolumeBuilder().withName("repository")
          .withNewEmptyDir().endEmptyDir().build()));
    });
    String s = UUID.randomUUID().toString().substring(0, 6);
    String app = "image-" + s;
    try {
      Deployment ready;
      try {
        ready = host.apps().deployments().inNamespace(NS).withName(NAME).waitUntilCondition(d -> d.getStatus() != null
            && Integer.valueOf(1).equals(d.getStatus().getReadyReplicas()), 4, TimeUnit.MINUTES);
      } catch (RuntimeException e) {
        for (Pod p : host.pods().inNamespace(NS).withLabel("app", NAME).list().getItems()) {
          System.out.println("== controller pod " + p.getMetadata().getName() + ": " + p.getStatus());
          try {
            System.out.println(host.pods().inNamespace(NS).withName(p.getMetadata().getName()).terminated().getLog());
          } catch (RuntimeException none) {
            System.out.println(host.pods().inNamespace(NS).withName(p.getMetadata().getName()).getLog());
          }
        }
        throw e;
      }
      assertThat(ready.getStatus().getReadyReplicas()).isEqualTo(1);
      Pod pod = host.pods().inNamespace(NS).withLabel("app", NAME).list().getItems().stream()
          .filter(p -> p.getMetadata().getDeletionTimestamp() == null).findFirst().orElseThrow();
      assertThat(pod.getSpec().getNodeName()).isEqualTo(node.name());

      PlanFixture.apply(host, """
          apiVersion: v1
          kind: Namespace
          metadata: {name: %1$s}
          ---
          apiVersion: v1
          kind: ConfigMap
          metadata: {name: settings, namespace: %1$s}
          data: {currency: EUR}
          """.formatted(app));
      PlanFixture.declare(host, testbed.destination(), s, Path.of(REPOSITORY), app, "");
      MigPlan plan;
      try {
        plan = host.resources(MigPlan.class).inNamespace(NS).withName("plan-" + s).waitUntilCondition(p ->
            p != null && p.getStatus() != null && p.getStatus().getConditions() != null && p.getStatus()
                .getConditions().stream().anyMatch(c -> Condition.READY.equals(c.getType())
                    && "True".equals(c.getStatus())), 5, TimeUnit.MINUTES);
      } catch (RuntimeException e) {
        MigPlan notReady = host.resources(MigPlan.class).inNamespace(NS).withName("plan-" + s).get();
        System.out.println("== plan not Ready: " + (notReady.getStatus() == null ? null
            : notReady.getStatus().getConditions()));
        System.out.println(host.pods().inNamespace(NS).withName(pod.getMetadata().getName()).tailingLines(40)
            .getLog());
        throw e;
      }
      assertThat(plan.getStatus().getConditions()).extracting(Condition::getType).contains(Condition.READY);
      host.resource(Serialization.unmarshal("""
          apiVersion: migration.openshift.io/v1alpha1
          kind: MigMigration
          metadata: {name: cutover-%1$s, namespace: %2$s}
          spec: {stage: false, quiescePods: false, migPlanRef: {name: plan-%1$s, namespace: %2$s}}
          """.formatted(s, NS), MigMigration.class)).create();
      MigMigration cutover = host.resources(MigMigration.class).inNamespace(NS).withName("cutover-" + s)
          .waitUntilCondition(m -> m.getStatus() != null && Set.of("Completed", "Failed", "Canceled")
              .contains(m.getStatus().getPhase()), 4, TimeUnit.MINUTES);
      assertThat(cutover.getStatus().getPhase()).as("%s", cutover.getStatus().getErrors()).isEqualTo("Completed");
      assertThat(testbed.destination().client().configMaps().inNamespace(app).withName("settings").get().getData())
          .containsEntry("currency", "EUR");
      assertThat(host.pods().inNamespace(NS).withName(pod.getMetadata().getName()).getLog())
          .contains("ferry controller ready");
    } finally {
      // Other tests of this JVM run their own controllers on this cluster: this one must be gone.
      host.apps().deployments().inNamespace(NS).withName(NAME).scale(0);
      host.pods().inNamespace(NS).withLabel("app", NAME).informOnCondition(List::isEmpty).get(2, TimeUnit.MINUTES);
      host.resources(MigMigration.class).inNamespace(NS).withName("cutover-" + s).delete();
      host.resources(MigPlan.class).inNamespace(NS).withName("plan-" + s).delete();
      host.namespaces().withName(app).delete();
      testbed.destination().client().namespaces().withName(app).delete();
    }
  }

  /** Every document of deploy/, CRDs first, server-side applied. */
  private static void apply(KubernetesClient host, Path deploy, java.util.function.Consumer<Deployment> forTestbed)
      throws IOException {
    host.namespaces().resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder().withNewMetadata()
        .withName("openshift-config").endMetadata().build()).fieldManager("ferry-test").forceConflicts()
        .serverSideApply();
    List<Path> files = new ArrayList<>();
    try (Stream<Path> crds = Files.list(deploy.resolve("crds"))) {
      crds.filter(p -> p.toString().endsWith(".yml")).sorted().forEach(files::add);
    }
    files.addAll(List.of(deploy.resolve("namespace.yaml"), deploy.resolve("rbac.yaml"),
        deploy.resolve("controller.yaml")));
    for (Path file : files) {
      List<HasMetadata> items;
      try (InputStream in = Files.newInputStream(file)) {
        items = host.load(in).items();
      }
      for (HasMetadata item : items) {
        if (item instanceof Deployment deployment) {
          forTestbed.accept(deployment);
        }
        host.resource(item).fieldManager("ferry-test").forceConflicts().serverSideApply();
        if (item instanceof CustomResourceDefinition) {
          host.apiextensions().v1().customResourceDefinitions().withName(item.getMetadata().getName())
              .waitUntilCondition(c -> c != null && c.getStatus() != null && c.getStatus().getConditions() != null
                  && c.getStatus().getConditions().stream()
                      .anyMatch(x -> "Established".equals(x.getType()) && "True".equals(x.getStatus())),
                  60, TimeUnit.SECONDS);
        }
      }
    }
  }
}
