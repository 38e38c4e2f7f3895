package dev.ferry.controller.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.api.migration.migration.MigMigration;
import dev.ferry.controller.FerryOperator;
import dev.ferry.controller.InProcessController;
import dev.ferry.testbed.NodeImages;
import dev.ferry.testbed.RealNode;
import dev.ferry.testbed.Testbed;
import dev.ferry.testbed.TestbedExtension;
import dev.ferry.testsupport.PlanFixture;
import dev.ferry.testsupport.MigrationRuns;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hooks as Jobs whose pods really run (the testbed's real nodes), from images built here without a
 * registry: the PreBackup hook on the source runs with the migration's environment and succeeds;
 * the PostBackup hook is a playbook with no image, so it runs in the MigrationController's
 * {@code hook_runner_image} — on the testbed a local stand-in for MTC's Ansible runner that checks
 * what it is given (MTC's command, the playbook mounted) and prints the playbook; the PostRestore
 * hook on the destination exits non-zero, and the migration fails with the hook pod's own log lines
 * in its error and Failed condition.
 */
@ExtendWith(TestbedExtension.class)
class RealPodHooksIT {
  private static final String NS = FerryOperator.DEFAULT_NAMESPACE;
  private static final String OK_IMAGE = "ferry.test/hook-ok:1";
  private static final String FAILING_IMAGE = "ferry.test/hook-failing:1";
  private static final String RUNNER_IMAGE = "ferry.test/hook-runner:1";
  private static final String PLAYBOOK = "- hosts: localhost\n  tasks:\n  - debug: {msg: backed up}\n";

  @Test
  void preBackupHookRunsAndAFailingPostRestoreHookFailsTheMigrationWithItsLog(Testbed testbed,
      @TempDir Path scratch) {
    List<RealNode> nodes = testbed.realNodesOrSkip();
    nodes.get(0).importImage(hookImage(OK_IMAGE, "ok", 0, scratch));
    nodes.get(1).importImage(hookImage(FAILING_IMAGE, "restore check failed: orders table is empty", 3, scratch));
    nodes.get(0).importImage(runnerImage(scratch));
    String s = UUID.randomUUID().toString().substring(0, 6);
    String app = "hookapp-" + s;
    String hooks = "hooks-" + s;
    KubernetesClient host = testbed.source().client();
    KubernetesClient dest = testbed.destination().client();
    executionNamespace(host, nodes.get(0), hooks);
    executionNamespace(dest, nodes.get(1), hooks);
    dev.ferry.controller.FerryCrds.install(host);
    PlanFixture.apply(host, """
        apiVersion: v1
        kind: Namespace
        metadata: {name: %1$s}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: settings, namespace: %1$s}
        data: {currency: EUR}
        ---
        apiVersion: migration.openshift.io/v1alpha1
        kind: MigHook
        metadata: {name: pre-%2$s, namespace: %3$s}
        spec: {custom: true, image: "%4$s", targetCluster: source}
        ---
        apiVersion: migration.openshift.io/v1alpha1
        kind: MigHook
        metadata: {name: post-%2$s, namespace: %3$s}
        spec: {custom: true, image: "%5$s", targetCluster: destination, activeDeadlineSeconds: 300}
        ---
        apiVersion: migration.openshift.io/v1alpha1
        kind: MigHook
        metadata: {name: playbook-%2$s, namespace: %3$s}
        spec: {custom: false, playbook: "%6$s", targetCluster: source}
        ---
        apiVersion: migration.openshift.io/v1alpha1
        kind: MigrationController
        metadata: {name: a-hooks-%2$s, namespace: %3$s}
        spec: {hook_runner_image: "%7$s"}
        """.formatted(app, s, NS, OK_IMAGE, FAILING_IMAGE,
        java.util.Base64.getEncoder().encodeToString(PLAYBOOK.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
        RUNNER_IMAGE));
    PlanFixture.declare(host, testbed.destination(), s, scratch, app, """
          hooks:
          - {executionNamespace: %1$s, phase: PreBackup, serviceAccount: hook-runner,
             reference: {name: pre-%2$s, namespace: %3$s}}
          - {executionNamespace: %1$s, phase: PostBackup, serviceAccount: hook-runner,
             reference: {name: playbook-%2$s, namespace: %3$s}}
          - {executionNamespace: %1$s, phase: PostRestore, serviceAccount: hook-runner,
             reference: {name: post-%2$s, namespace: %3$s}}
        """.formatted(hooks, s, NS));
    PlanFixture.markReady(host, s);
    MigMigration cutover;
    try {
      cutover = cutover(host, s);
    } finally {
      host.resources(dev.ferry.api.migration.settings.MigrationController.class).inNamespace(NS)
          .withName("a-hooks-" + s).delete();
    }

    assertThat(cutover.getStatus().getPhase()).isEqualTo("Failed");
    Pod pre = host.pods().inNamespace(hooks).withLabel("job-name", "cutover-" + s + "-prebackup").list().getItems()
        .get(0);
    assertThat(pre.getSpec().getNodeName()).isEqualTo(nodes.get(0).name());
    assertThat(pre.getStatus().getPhase()).isEqualTo("Succeeded");
    assertThat(host.pods().inNamespace(hooks).withName(pre.getMetadata().getName()).getLog())
        .contains("hook for plan plan-" + s + ", namespaces " + app).contains("ok");
    Pod runner = host.pods().inNamespace(hooks).withLabel("job-name", "cutover-" + s + "-postbackup").list()
        .getItems().get(0);
    assertThat(runner.getSpec().getContainers().get(0).getImage()).as("hook_runner_image").isEqualTo(RUNNER_IMAGE);
    assertThat(runner.getSpec().getNodeName()).isEqualTo(nodes.get(0).name());
    assertThat(runner.getStatus().getPhase()).isEqualTo("Succeeded");
    assertThat(host.pods().inNamespace(hooks).withName(runner.getMetadata().getName()).getLog())
        .contains("ansible-runner -p /tmp/playbook/playbook.yml run /tmp/runner, plan plan-" + s)
        .contains("debug: {msg: backed up}");
    assertThat(cutover.getStatus().getErrors()).singleElement().asString()
        .contains("hook post-" + s + " (PostRestore) failed on the destination cluster")
        .contains("restore check failed: orders table is empty");
    assertThat(cutover.getStatus().getConditions()).filteredOn(c -> "Failed".equals(c.getType()))
        .singleElement().satisfies(c -> assertThat(c.getMessage()).contains("orders table is empty"));
    Pod post = dest.pods().inNamespace(hooks).withLabel("job-name", "cutover-" + s + "-postrestore").list()
        .getItems().get(0);
    assertThat(post.getSpec().getNodeName()).isEqualTo(nodes.get(1).name());
    assertThat(post.getStatus().getContainerStatuses().get(0).getState().getTerminated().getExitCode()).isEqualTo(3);
    host.namespaces().withName(hooks).delete();
    dest.namespaces().withName(hooks).delete();
  }

  /** A hook image built here: prints what the migration told it, then {@code last} (to stderr if it fails). */
  private static Path hookImage(String tag, String last, int exitCode, Path scratch) {
    return NodeImages.archive(tag, Map.of("/hook.sh", """
        #!/bin/sh
        echo "hook for plan $MIGRATION_PLAN_NAME, namespaces $MIGRATION_NAMESPACES"
        echo "%s" >&%d
        exit %d
        """.formatted(last, exitCode == 0 ? 1 : 2, exitCode)), List.of("/bin/sh", "/hook.sh"), scratch);
  }

  /**
   * The testbed's hook runner: no Ansible image can be built or pulled here, so this one stands in for
   * MTC's at the same interface — started as {@code /bin/entrypoint ansible-runner -p PLAYBOOK run
   * DIR}, it refuses any other command, and prints what it was given and the playbook.
   */
  private static Path runnerImage(Path scratch) {
    return NodeImages.archive(RUNNER_IMAGE, Map.of("/bin/entrypoint", """
        #!/bin/sh
        if [ "$1 $2 $4" != "ansible-runner -p run" ] || [ ! -r "$3" ]; then
          echo "not a runner command, or no playbook: $*" >&2
          exit 2
        fi
        echo "runner: $*, plan $MIGRATION_PLAN_NAME"
        cat "$3"
        """), List.of("/bin/entrypoint"), scratch);
  }

  private static void executionNamespace(KubernetesClient client, RealNode node, String name) {
    PlanFixture.apply(client, """
        apiVersion: v1
        kind: Namespace
        metadata: {name: %1$s}
        ---
        apiVersion: v1
        kind: ServiceAccount
        metadata: {name: hook-runner, namespace: %1$s}
        """.formatted(name));
    node.confine(name);
  }

  private static MigMigration cutover(KubernetesClient host, String s) {
    try (InProcessController controller = InProcessController.on(host).migrations().start()) {
      return MigrationRuns.awaitEnd(host, MigrationRuns.start(host, MigrationRuns.cutover(s, false))
          .getMetadata().getName(), 300);
    }
  }
}
