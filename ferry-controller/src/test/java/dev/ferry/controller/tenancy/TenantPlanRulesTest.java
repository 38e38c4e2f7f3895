package dev.ferry.controller.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.api.migration.plan.MigPlan;
import dev.ferry.api.migration.storage.MigStorage;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TenantPlanRulesTest {
  private static final String CONTROLLER = "openshift-migration";

  private static MigPlan plan(String refs) {
    return Serialization.unmarshal("""
        apiVersion: migration.openshift.io/v1alpha1
        kind: MigPlan
        metadata: {name: p, namespace: a}
        spec:
          namespaces: [a]
        %s""".formatted(refs.indent(2)), MigPlan.class);
  }

  private static final String GOOD = """
      srcMigClusterRef: {name: source, namespace: openshift-migration}
      destMigClusterRef: {name: host, namespace: openshift-migration}
      migStorageRef: {name: repo}
      srcMigTokenRef: {name: src-token}
      destMigTokenRef: {name: dest-token, namespace: a}
      """;

  @Test
  void aPlanThatUsesPublishedClustersAndItsOwnStorageAndTokensMayRun() {
    assertThat(TenantPlanRules.problems(plan(GOOD), CONTROLLER)).isEmpty();
  }

  @Test
  void anotherNamespacesStorageTokensOrClustersAreRefusedNamingTheField() {
    MigPlan plan = plan(GOOD.replace("migStorageRef: {name: repo}", "migStorageRef: {name: repo, namespace: c}")
        .replace("srcMigTokenRef: {name: src-token}", "srcMigTokenRef: {name: src-token, namespace: c}")
        .replace("destMigClusterRef: {name: host, namespace: openshift-migration}",
            "destMigClusterRef: {name: mine, namespace: a}"));
    assertThat(TenantPlanRules.problems(plan, CONTROLLER)).containsExactly(
        "spec.destMigClusterRef names MigCluster a/mine; a self-service plan may only use the MigClusters the "
            + "cluster admin published in namespace openshift-migration",
        "spec.migStorageRef names MigStorage c/repo; a self-service plan may only use a MigStorage of its own "
            + "namespace a",
        "spec.srcMigTokenRef names token Secret c/src-token; a self-service plan may only use a token Secret of its "
            + "own namespace a");
    assertThat(TenantPlanRules.problems(plan("srcMigClusterRef: {name: source, namespace: openshift-migration}\n"),
        CONTROLLER)).contains("spec.destMigTokenRef must name a token Secret in namespace a");
  }

  @Test
  void tenantStorageMustBeObjectStorageWithItsOwnCredentials() {
    MigStorage filesystem = storage("backupStorageProvider: filesystem\nbackupStorageConfig: {filesystemPath: /etc}");
    assertThat(TenantPlanRules.storageProblems(filesystem, "a")).singleElement().asString()
        .contains("uses the filesystem provider");
    MigStorage borrowed = storage("backupStorageProvider: aws\nbackupStorageConfig: {awsBucketName: b, "
        + "credsSecretRef: {name: s3, namespace: c}}");
    assertThat(TenantPlanRules.storageProblems(borrowed, "a")).containsExactly("MigStorage a/repo takes its "
        + "credentials from Secret c/s3; a self-service plan may only use credentials of its own namespace a");
    assertThat(TenantPlanRules.storageProblems(storage("backupStorageProvider: aws\nbackupStorageConfig: "
        + "{awsBucketName: b, credsSecretRef: {name: s3}}"), "a")).isEmpty();
  }

  @Test
  void namespaceEntriesMapSourceToDestination() {
    assertThat(TenantRequests.mapping(java.util.List.of("a", "b:c"))).isEqualTo(Map.of("a", "a", "b", "c"));
  }

  private static MigStorage storage(String spec) {
    return Serialization.unmarshal("""
        apiVersion: migration.openshift.io/v1alpha1
        kind: MigStorage
        metadata: {name: repo, namespace: a}
        spec:
        %s""".formatted(spec.indent(2)), MigStorage.class);
  }
}
