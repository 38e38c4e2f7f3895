package dev.ferry.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bare etcd + kube-apiserver pair starts, serves real API calls and stops without leftovers. */
class ApiServerOnlyIT {

  @Test
  void startsServesAndStopsCleanly(@TempDir Path dir) {
    List<ManagedProcess> processes;
    try (LocalCluster cluster = LocalCluster.start("bare", dir, ClusterOptions.apiServerOnly())) {
      KubernetesClient client = cluster.client();
      assertThat(client.getKubernetesVersion().getGitVersion()).isEqualTo(Binaries.fromCache().kubernetesVersion());
      client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("probe").endMetadata().build())
          .create();
      client.configMaps().inNamespace("probe").resource(new ConfigMapBuilder().withNewMetadata().withName("cm")
          .endMetadata().addToData("k", "v").build()).create();
      assertThat(client.configMaps().inNamespace("probe").withName("cm").get().getData()).containsEntry("k", "v");
      assertThat(Files.readString(cluster.kubeconfig())).contains(cluster.url());
      processes = cluster.processes();
      assertThat(processes).extracting(ManagedProcess::name).containsExactly("bare/etcd", "bare/kube-apiserver");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    assertThat(processes).noneMatch(ManagedProcess::isAlive);
    assertThat(processes).allSatisfy(p -> assertThat(ProcessHandle.of(p.pid()).map(ProcessHandle::isAlive))
        .isNotEqualTo(java.util.Optional.of(true)));
  }
}
