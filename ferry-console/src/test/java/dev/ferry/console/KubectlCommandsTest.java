package dev.ferry.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KubectlCommandsTest {
  @Test
  void describeWithTheContextOfTheCluster() {
    assertThat(KubectlCommands.describe("kubectl", "migmigrations.migration.openshift.io", "openshift-migration",
        "m1", "destination")).isEqualTo(
        "kubectl describe migmigrations.migration.openshift.io m1 -n openshift-migration --context destination");
    assertThat(KubectlCommands.describe("oc", "pods", "shop", "p", null)).isEqualTo("oc describe pods p -n shop");
    assertThat(KubectlCommands.describe("kubectl", "pods", "shop", "p", "my ctx")).endsWith("--context 'my ctx'");
  }

  @Test
  void logsForPodsAndJobsOnly() {
    assertThat(KubectlCommands.logs("kubectl", "Pod", "shop", "p", "source"))
        .isEqualTo("kubectl logs p -n shop --all-containers --context source");
    assertThat(KubectlCommands.logs("oc", "Job", "shop", "hook", null))
        .isEqualTo("oc logs job/hook -n shop --all-containers");
    assertThat(KubectlCommands.logs("kubectl", "MigPlan", "openshift-migration", "p", null)).isNull();
  }

  @Test
  void contextsByClusterUrl() {
    Map<String, String> servers = new LinkedHashMap<>();
    servers.put("source", "https://127.0.0.1:6443/");
    servers.put("destination", "https://127.0.0.1:7443");
    KubeconfigContexts contexts = new KubeconfigContexts("destination", servers);
    assertThat(contexts.forCluster(true, null)).isEqualTo("destination");
    assertThat(contexts.forCluster(false, "https://127.0.0.1:6443")).isEqualTo("source");
    assertThat(contexts.forCluster(false, "https://elsewhere:6443")).isNull();
  }
}
