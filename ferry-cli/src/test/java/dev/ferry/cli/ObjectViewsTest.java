package dev.ferry.cli;

import dev.ferry.cli.cluster.ClusterView;
import dev.ferry.cli.hook.HookView;
import dev.ferry.cli.migration.MigrationManifests;
import dev.ferry.cli.storage.StorageView;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.api.common.Category;
import dev.ferry.api.common.Condition;
import dev.ferry.api.migration.cluster.MigCluster;
import dev.ferry.api.migration.cluster.MigClusterStatus;
import dev.ferry.api.migration.hook.MigHook;
import dev.ferry.api.migration.hook.TargetCluster;
import dev.ferry.api.migration.storage.MigStorage;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The get rows and describe texts of clusters, storages and hooks. */
class ObjectViewsTest {
  private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);

  @Test
  void clusterRowAndDescriptionNameTheFailingCheck() {
    MigCluster cluster = MigrationManifests.remoteCluster("prod", "openshift-migration",
        new MigrationManifests.RemoteCluster("https://api.prod:6443", MigrationManifests.secretRef("prod-token"),
            "Q0E=", false, "registry.prod:5000"));
    cluster.getMetadata().setCreationTimestamp("2026-11-28T11:58:00Z");
    MigClusterStatus status = new MigClusterStatus();
    status.setConditions(new ArrayList<>(List.of(Condition.of("TestConnectFailed", Category.CRITICAL, "ConnectFailed",
        "Cannot reach https://api.prod:6443: connection refused"))));
    cluster.setStatus(status);
    ClusterView view = new ClusterView();
    assertThat(view.row(cluster, NOW)).containsExactly("prod", "False", "false", "https://api.prod:6443",
        "registry.prod:5000", "2m");
    assertThat(view.describe(cluster)).contains("Host cluster:").contains("no\n")
        .containsPattern("URL:\\s+https://api\\.prod:6443\n").containsPattern("Token secret:\\s+openshift-config/prod-token\n")
        .containsPattern("CA bundle:\\s+set \\(4 base64 characters\\)\n").containsPattern("Ready:\\s+False\n")
        .containsPattern("TestConnectFailed\\s+Critical\\s+Cannot reach https://api\\.prod:6443: connection refused");
    status.getConditions().set(0, Condition.of(Condition.READY, Category.REQUIRED, "Ready", "The cluster is ready."));
    assertThat(view.row(cluster, NOW)[1]).isEqualTo("True");
  }

  @Test
  void storageLocationIsTheBucketAndEndpointOrTheDirectory() {
    MigStorage s3 = MigrationManifests.s3Storage("repo", "ns", new MigrationManifests.S3("bucket-1", "us-east-1",
        "http://127.0.0.1:9000", true, null, false, MigrationManifests.secretRef("creds")));
    assertThat(StorageView.location(s3.getSpec())).isEqualTo("s3://bucket-1 at http://127.0.0.1:9000");
    assertThat(new StorageView().describe(s3)).containsPattern("Region:\\s+us-east-1\n")
        .containsPattern("Path-style URLs:\\s+yes\n").containsPattern("Credentials secret:\\s+openshift-config/creds\n")
        .contains("Conditions:\n  <none>");
    MigStorage local = MigrationManifests.filesystemStorage("local", "ns", "/srv/repo");
    assertThat(StorageView.location(local.getSpec())).isEqualTo("/srv/repo");
    assertThat(new StorageView().describe(local)).doesNotContain("Credentials secret");
  }

  @Test
  void hookShowsItsImageTargetAndDefaultDeadline() {
    MigHook playbook = MigrationManifests.hook("pb", "ns", null, "- hosts: all\n", TargetCluster.DESTINATION, null);
    playbook.getMetadata().setCreationTimestamp("2026-11-28T10:00:00Z");
    assertThat(new HookView().row(playbook, NOW)).containsExactly("pb", "False", "(default hook runner)",
        "destination", "1800s", "2h");
    assertThat(new HookView().describe(playbook)).containsPattern("Custom image:\\s+no \\(Ansible playbook\\)\n")
        .containsPattern("Playbook:\\s+set \\(\\d+ base64 characters\\)\n");
  }
}
