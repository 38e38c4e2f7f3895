package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.testbed.LocalCluster;
import dev.ferry.testbed.RealNode;
import dev.ferry.testbed.Testbed;
import dev.ferry.testbed.TestbedExtension;
import dev.ferry.testsupport.PlanFixture;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code oc adm must-gather --image=<ferry image>} as it runs: a pod of Ferry's image on the source
 * cluster's real node runs the image's {@code /usr/bin/gather} as a ServiceAccount bound to
 * cluster-admin, writing into {@code /must-gather} (here a host directory, where oc would copy it
 * from). The archive holds the plan's CRs and none of its Secret values. As in ControllerImageIT,
 * the pod uses the host's network and the API server's loopback address (the testbed has no
 * kube-proxy).
 */
@ExtendWith(TestbedExtension.class)
class MustGatherImageIT {

  @Test
  @Timeout(value = 8, unit = TimeUnit.MINUTES)
  void theImagesGatherEntrypointWritesTheArchiveWithoutSecrets(Testbed testbed, @TempDir Path dir) throws Exception {
    RealNode node = testbed.realNodesOrSkip().get(0);
    String image = node.ferryImage();
    LocalCluster source = testbed.source();
    KubernetesClient host = source.client();
    new CrdInstaller(host).install(dev.ferry.api.Crds.definitions(), 60);
    host.namespaces().resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder().withNewMetadata()
        .withName(PlanFixture.NS).endMetadata().build()).serverSideApply();
    String s = UUID.randomUUID().toString().substring(0, 6);
    String app = "gather-" + s;
    PlanFixture.apply(host, """
        apiVersion: v1
        kind: Namespace
        metadata: {name: %1$s}
        ---
        apiVersion: v1
        kind: Secret
        metadata: {name: db, namespace: %1$s}
        stringData: {password: pw-%2$s-secret}
        """.formatted(app, s));
    PlanFixture.declare(host, testbed.destination(), s, dir.resolve("repository"), app, "");
    String token = new String(java.util.Base64.getDecoder().decode(host.secrets().inNamespace(PlanFixture.NS)
        .withName("dest-" + s).get().getData().get(PlanFixture.TOKEN_KEY)), StandardCharsets.UTF_8);

    // What oc adm must-gather sets up: a namespace, a ServiceAccount bound to cluster-admin, the pod.
    String gatherNs = "must-gather-" + s;
    host.namespaces().resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder().withNewMetadata()
        .withName(gatherNs).endMetadata().build()).create();
    host.serviceAccounts().inNamespace(gatherNs).resource(new ServiceAccountBuilder().withNewMetadata()
        .withName("gather").endMetadata().build()).create();
    host.rbac().clusterRoleBindings().resource(new ClusterRoleBindingBuilder().withNewMetadata()
        .withName(gatherNs).endMetadata().withNewRoleRef().withApiGroup("rbac.authorization.k8s.io")
        .withKind("ClusterRole").withName("cluster-admin").endRoleRef().addNewSubject().withKind("ServiceAccount")
        .withName("gather").withNamespace(gatherNs).endSubject().build()).create();
    Path out = Files.createDirectories(dir.resolve("must-gather"));
    Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxrwxrwx"));
    URI api = URI.create(source.url());
    Pod pod = new PodBuilder().withNewMetadata().withName("gather").withNamespace(gatherNs).endMetadata()
        .withNewSpec().withServiceAccountName("gather").withRestartPolicy("Never").withHostNetwork(true)
        .withNodeSelector(RealNode.nodeSelector())
        .withTolerations(new TolerationBuilder().withKey(RealNode.TAINT).withOperator("Exists")
            .withEffect("NoSchedule").build())
        .addNewContainer().withName("gather").withImage(image).withImagePullPolicy("Never")
        .withCommand("/usr/bin/gather", "plan-" + s, "--since", "1h")
        .addNewEnv().withName("KUBERNETES_SERVICE_HOST").withValue(api.getHost()).endEnv()
        .addNewEnv().withName("KUBERNETES_SERVICE_PORT").withValue(Integer.toString(api.getPort())).endEnv()
        .addNewVolumeMount().withName("must-gather").withMountPath("/must-gather").endVolumeMount()
        .endContainer()
        .addNewVolume().withName("must-gather").withNewHostPath().withPath(out.toString()).endHostPath().endVolume()
        .endSpec().build();
    try {
      host.pods().inNamespace(gatherNs).resource(pod).create();
      Pod ended = host.pods().inNamespace(gatherNs).withName("gather").waitUntilCondition(p -> p != null
          && p.getStatus() != null && Set.of("Succeeded", "Failed").contains(p.getStatus().getPhase()),
          5, TimeUnit.MINUTES);
      String log = host.pods().inNamespace(gatherNs).withName("gather").getLog();
      assertThat(ended.getStatus().getPhase()).as(log).isEqualTo("Succeeded");
      assertThat(log).contains("wrote /must-gather/must-gather.tar.gz");

      Map<String, String> archive = untar(out.resolve("must-gather.tar.gz"));
      assertThat(archive.keySet()).anyMatch(k -> k.endsWith("/migplans.migration.openshift.io/" + PlanFixture.NS
          + "/plan-" + s + ".yaml")).anyMatch(k -> k.endsWith("/version.yaml"))
          .anyMatch(k -> k.contains("namespaces/" + app + "/"));
      String everything = String.join("\n", archive.values());
      for (String secret : List.of("pw-" + s + "-secret", token)) {
        assertThat(everything).as("must-gather archive").doesNotContain(secret);
      }
    } finally {
      host.namespaces().withName(gatherNs).delete();
      host.rbac().clusterRoleBindings().withName(gatherNs).delete();
      host.namespaces().withName(app).delete();
    }
  }

  private static Map<String, String> untar(Path file) throws Exception {
    Map<String, String> files = new LinkedHashMap<>();
    try (InputStream in = Files.newInputStream(file);
         TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(in))) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        tar.transferTo(bytes);
        files.put(entry.getName(), bytes.toString(StandardCharsets.UTF_8));
      }
    }
    return files;
  }
}
