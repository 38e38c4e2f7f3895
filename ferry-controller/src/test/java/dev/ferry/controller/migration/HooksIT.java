package dev.ferry.controller.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.api.migration.migration.MigMigration;
import dev.ferry.controller.FerryOperator;
import dev.ferry.controller.InProcessController;
import dev.ferry.testbed.LocalCluster;
import dev.ferry.testbed.Testbed;
import dev.ferry.testbed.TestbedExtension;
import dev.ferry.testsupport.PlanFixture;
import dev.ferry.testsupport.MigrationRuns;
import dev.ferry.testsupport.SampleApps;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Plan hooks run as Jobs on the source or destination cluster at their phase of a cutover. */
@ExtendWith(TestbedExtension.class)
class HooksIT {
  private static final String NS = FerryOperator.DEFAULT_NAMESPACE;

  @Test
  void preBackupAndPostRestoreHooksRunAsJobs(Testbed testbed, @TempDir Path repository) {
    String s = UUID.randomUUID().toString().substring(0, 6);
    String app = "hookapp-" + s;
    String hooks = "hooks-" + s;
    String playbook = Base64.getEncoder().encodeToString("- hosts: localhost\n  tasks: []\n"
        .getBytes(StandardCharsets.UTF_8));
    KubernetesClient host = testbed.source().client();
    KubernetesClient dest = testbed.destination().client();
    executionNamespace(host, hooks);
    executionNamespace(dest, hooks);
    MigMigration cutover = migrate(testbed, repository, s, app, """
        apiVersion: migration.openshift.io/v1alpha1
        kind: MigHook
        metadata: {name: pre-%1$s, namespace: %2$s}
        spec: {custom: true, image: "registry.example/hook:1", targetCluster: source}
        ---
        apiVersion: migration.openshift.io/v1alpha1
        kind: MigHook
        metadata: {name: post-%1$s, namespace: %2$s}
        spec: {custom: false, playbook: "%3$s", targetCluster: destination}
        """.formatted(s, NS, playbook), """
          hooks:
          - {executionNamespace: %1$s, phase: PreBackup, serviceAccount: hook-runner,
             reference: {name: pre-%2$s, namespace: %3$s}}
          - {executionNamespace: %1$s, phase: PostRestore, serviceAccount: hook-runner,
             reference: {name: post-%2$s, namespace: %3$s}}
        """.formatted(hooks, s, NS));

    assertThat(cutover.getStatus().getPhase()).as("%s", cutover.getStatus().getErrors()).isEqualTo("Completed");
    assertThat(cutover.getStatus().getPipeline()).extracting(dev.ferry.api.migration.migration.Step::getName)
        .containsSubsequence("Prepare", "PreBackupHooks", "Backup", "PostBackupHooks", "PreRestoreHooks", "Restore",
            "PostRestoreHooks");
    String uid = cutover.getMetadata().getUid();

    Job pre = host.batch().v1().jobs().inNamespace(hooks).withName("cutover-" + s + "-prebackup").get();
    assertThat(pre).isNotNull();
    assertThat(pre.getStatus().getSucceeded()).isEqualTo(1);
    assertThat(pre.getMetadata().getLabels()).containsEntry(HookJobs.MIGRATION_LABEL, uid)
        .containsEntry(HookJobs.PHASE_LABEL, "PreBackup");
    var preContainer = pre.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(preContainer.getImage()).isEqualTo("registry.example/hook:1");
    assertThat(preContainer.getEnv()).extracting(EnvVar::getName, EnvVar::getValue).contains(
        org.assertj.core.groups.Tuple.tuple("MIGRATION_NAMESPACES", app),
        org.assertj.core.groups.Tuple.tuple("MIGRATION_PLAN_NAME", "plan-" + s));
    assertThat(pre.getSpec().getTemplate().getSpec().getServiceAccountName()).isEqualTo("hook-runner");

    Job post = dest.batch().v1().jobs().inNamespace(hooks).withName("cutover-" + s + "-postrestore").get();
    assertThat(post).isNotNull();
    assertThat(post.getStatus().getSucceeded()).isEqualTo(1);
    assertThat(post.getMetadata().getLabels()).containsEntry(HookJobs.PHASE_LABEL, "PostRestore");
    var postContainer = post.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(postContainer.getImage()).isEqualTo(HookJobs.RUNNER_IMAGE);
    assertThat(postContainer.getCommand()).containsExactlyElementsOf(HookJobs.RUNNER_COMMAND);
    assertThat(postContainer.getEnv()).extracting(EnvVar::getName, EnvVar::getValue).contains(
        org.assertj.core.groups.Tuple.tuple("MIGRATION_NAMESPACES", app),
        org.assertj.core.groups.Tuple.tuple("MIGRATION_PLAN_NAME", "plan-" + s));
    assertThat(dest.configMaps().inNamespace(hooks).withName("cutover-" + s + "-postrestore").get().getData())
        .containsEntry("playbook.yml", "- hosts: localhost\n  tasks: []\n");
    // Exactly one Job per hook, however many times the phase ran.
    assertThat(host.batch().v1().jobs().inNamespace(hooks).withLabel(HookJobs.MIGRATION_LABEL, uid).list()
        .getItems()).hasSize(1);
  }

  @Test
  void aHookPastItsDeadlineFailsTheMigration(Testbed testbed, @TempDir Path repository) {
    String s = UUID.randomUUID().toString().substring(0, 6);
    String app = "hookfail-" + s;
    String hooks = "hooks-" + s;
    KubernetesClient host = testbed.source().client();
    executionNamespace(host, hooks);
    // No pod may start in the execution namespace, so the Job is still active when its 1 s deadline passes,
    // whatever KWOK does with a running pod.
    apply(host, """
        apiVersion: v1
        kind: ResourceQuota
        metadata: {name: no-pods, namespace: %s}
        spec: {hard: {pods: "0"}}
        """.formatted(hooks));
    MigMigration cutover = migrate(testbed, repository, s, app, """
        apiVersion: migration.openshift.io/v1alpha1
        kind: MigHook
        metadata: {name: slow-%1$s, namespace: %2$s}
        spec: {custom: true, image: "registry.example/hook:1", targetCluster: source, activeDeadlineSeconds: 1}
        """.formatted(s, NS), """
          hooks:
          - {executionNamespace: %1$s, phase: PreBackup, serviceAccount: hook-runner,
             reference: {name: slow-%2$s, namespace: %3$s}}
        """.formatted(hooks, s, NS));

    assertThat(cutover.getStatus().getPhase()).isEqualTo("Failed");
    assertThat(cutover.getStatus().getErrors()).singleElement().asString()
        .contains("hook slow-" + s + " (PreBackup) failed on the source cluster: DeadlineExceeded")
        .contains("last log lines:");
    assertThat(cutover.getStatus().getConditions()).filteredOn(c -> "Failed".equals(c.getType()))
        .singleElement().satisfies(c -> assertThat(c.getMessage()).contains("slow-" + s));
    // Nothing was backed up: the migration stopped at the hook.
    assertThat(cutover.getStatus().getPipeline()).filteredOn(st -> "PreBackupHooks".equals(st.getName()))
        .singleElement().satisfies(st -> assertThat(st.getFailed()).isTrue());
  }

  @Test
  void aMissingHookOrExecutionNamespaceFailsClearly(Testbed testbed, @TempDir Path repository) {
    String s = UUID.randomUUID().toString().substring(0, 6);
    MigMigration cutover = migrate(testbed, repository, s, "hookmiss-" + s, "", """
          hooks:
          - {executionNamespace: nowhere-%1$s, phase: PreBackup, serviceAccount: default,
             reference: {name: absent-%1$s, namespace: %2$s}}
        """.formatted(s, NS));
    assertThat(cutover.getStatus().getPhase()).isEqualTo("Failed");
    assertThat(cutover.getStatus().getErrors()).singleElement().asString()
        .contains("absent-" + s).contains("not found");
  }

  private static void executionNamespace(KubernetesClient client, String name) {
    apply(client, """
        apiVersion: v1
        kind: Namespace
        metadata: {name: %1$s}
        ---
        apiVersion: v1
        kind: ServiceAccount
        metadata: {name: hook-runner, namespace: %1$s}
        """.formatted(name));
  }

  /** Sets up an application, both clusters, a repository and a Ready plan with {@code planHooks}; runs a cutover. */
  private static MigMigration migrate(Testbed testbed, Path repository, String s, String app, String hookManifests,
                                      String planHooks) {
    LocalCluster source = testbed.source();
    LocalCluster destination = testbed.destination();
    KubernetesClient host = source.client();
    dev.ferry.controller.FerryCrds.install(host);
    apply(host, SampleApps.of(SampleApps.namespace(app), SampleApps.settings(app)));
    if (!hookManifests.isBlank()) {
      apply(host, hookManifests);
    }
    PlanFixture.declare(host, destination, s, repository, app, planHooks);
    PlanFixture.markReady(host, s);

    try (InProcessController controller = InProcessController.on(host).migrations().start()) {
      return controller.run(MigrationRuns.cutover(s, false));
    }
  }

  private static void apply(KubernetesClient client, String manifests) {
    PlanFixture.apply(client, manifests);
  }

}
