package dev.ferry.controller.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.api.migration.hook.HookPhase;
import dev.ferry.api.migration.hook.MigHookSpec;
import dev.ferry.controller.itinerary.Phase;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class HookJobsTest {
  private static final String PLAYBOOK = "- hosts: localhost\n  tasks:\n  - debug: msg=hi\n";

  private static HookJobs.Request request(MigHookSpec spec, HookPhase phase) {
    return new HookJobs.Request("cutover-1", "uid-1", "plan-1", phase, "my-hook", spec, "hooks", "hook-runner",
        List.of("shop", "db"));
  }

  private static MigHookSpec custom(String image) {
    MigHookSpec spec = new MigHookSpec();
    spec.setCustom(true);
    spec.setImage(image);
    return spec;
  }

  private static MigHookSpec playbook(String text) {
    MigHookSpec spec = new MigHookSpec();
    spec.setCustom(false);
    spec.setPlaybook(Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)));
    return spec;
  }

  @Test
  void customHookRunsItsImageWithEnvAndDefaultDeadline() {
    Job job = HookJobs.job(request(custom("registry.example/hook:1"), HookPhase.PRE_BACKUP), null);
    assertThat(job.getMetadata().getName()).isEqualTo("cutover-1-prebackup");
    assertThat(job.getMetadata().getNamespace()).isEqualTo("hooks");
    assertThat(job.getMetadata().getLabels()).containsEntry(HookJobs.MIGRATION_LABEL, "uid-1")
        .containsEntry(HookJobs.PHASE_LABEL, "PreBackup");
    assertThat(job.getSpec().getBackoffLimit()).isZero();
    assertThat(job.getSpec().getActiveDeadlineSeconds()).isEqualTo(1800L);
    var pod = job.getSpec().getTemplate().getSpec();
    assertThat(pod.getRestartPolicy()).isEqualTo("Never");
    assertThat(pod.getServiceAccountName()).isEqualTo("hook-runner");
    assertThat(pod.getVolumes()).isEmpty();
    Container c = pod.getContainers().get(0);
    assertThat(c.getImage()).isEqualTo("registry.example/hook:1");
    assertThat(c.getArgs()).isEmpty();
    assertThat(c.getEnv()).extracting(EnvVar::getName, EnvVar::getValue).containsExactly(
        org.assertj.core.groups.Tuple.tuple("MIGRATION_NAMESPACES", "shop,db"),
        org.assertj.core.groups.Tuple.tuple("MIGRATION_PLAN_NAME", "plan-1"));
    assertThat(HookJobs.playbookConfigMap(request(custom("registry.example/hook:1"), HookPhase.PRE_BACKUP)))
        .isNull();
  }

  @Test
  void deadlineComesFromTheHook() {
    MigHookSpec spec = custom("registry.example/hook:1");
    spec.setActiveDeadlineSeconds(60L);
    assertThat(HookJobs.job(request(spec, HookPhase.POST_BACKUP), null).getSpec().getActiveDeadlineSeconds())
        .isEqualTo(60L);
  }

  @Test
  void playbookHookUsesRunnerImageAndMountsDecodedPlaybook() {
    HookJobs.Request request = request(playbook(PLAYBOOK), HookPhase.POST_RESTORE);
    Job job = HookJobs.job(request, null);
    var pod = job.getSpec().getTemplate().getSpec();
    Container c = pod.getContainers().get(0);
    assertThat(c.getImage()).isEqualTo(HookJobs.RUNNER_IMAGE);
    assertThat(c.getCommand()).as("MTC's runner command").containsExactly("/bin/entrypoint", "ansible-runner", "-p",
        "/tmp/playbook/playbook.yml", "run", "/tmp/runner");
    assertThat(c.getVolumeMounts()).singleElement().satisfies(m -> {
      assertThat(m.getMountPath()).isEqualTo("/tmp/playbook");
      assertThat(m.getName()).isEqualTo("playbook");
    });
    assertThat(pod.getVolumes()).singleElement().satisfies(v ->
        assertThat(v.getConfigMap().getName()).isEqualTo("cutover-1-postrestore"));
    var configMap = HookJobs.playbookConfigMap(request);
    assertThat(configMap.getMetadata().getName()).isEqualTo("cutover-1-postrestore");
    assertThat(configMap.getMetadata().getNamespace()).isEqualTo("hooks");
    assertThat(configMap.getData()).containsEntry("playbook.yml", PLAYBOOK);
  }

  @Test
  void playbookHookRunsItsOwnImageElseTheConfiguredRunnerElseMtcs() {
    MigHookSpec spec = playbook(PLAYBOOK);
    assertThat(HookJobs.runnerImage(spec, null)).isEqualTo(HookJobs.RUNNER_IMAGE);
    assertThat(HookJobs.runnerImage(spec, " ")).isEqualTo(HookJobs.RUNNER_IMAGE);
    assertThat(HookJobs.runnerImage(spec, "registry.local/hook-runner:2")).isEqualTo("registry.local/hook-runner:2");
    spec.setImage("registry.example/my-runner:1");
    assertThat(HookJobs.runnerImage(spec, "registry.local/hook-runner:2")).isEqualTo("registry.example/my-runner:1");
    assertThat(HookJobs.job(request(spec, HookPhase.PRE_RESTORE), null).getSpec().getTemplate().getSpec()
        .getContainers().get(0).getImage()).isEqualTo("registry.example/my-runner:1");
  }

  @Test
  void namesAreDeterministicAndShortEnough() {
    String longName = "m".repeat(80);
    String name = HookJobs.name(longName, HookPhase.PRE_RESTORE);
    assertThat(name).hasSizeLessThanOrEqualTo(63).endsWith("-prerestore");
    assertThat(HookJobs.name(longName, HookPhase.PRE_RESTORE)).isEqualTo(name);
  }

  @Test
  void incompleteHooksAreRejectedWithTheirName() {
    assertThatThrownBy(() -> HookJobs.job(request(custom(null), HookPhase.PRE_BACKUP), null))
        .hasMessageContaining("my-hook").hasMessageContaining("no image");
    MigHookSpec broken = new MigHookSpec();
    broken.setPlaybook("not base64 !!");
    assertThatThrownBy(() -> HookJobs.job(request(broken, HookPhase.PRE_BACKUP), null))
        .hasMessageContaining("my-hook").hasMessageContaining("base64");
    assertThatThrownBy(() -> HookJobs.job(request(new MigHookSpec(), HookPhase.PRE_BACKUP), null))
        .hasMessageContaining("no playbook");
  }

  @Test
  void phasesAreNamedLikeMtcAndPlacedInTheFinalItinerary() {
    List<String> phases = Itineraries.FINAL.phases().stream().map(Phase::name).toList();
    assertThat(phases).containsSubsequence("ValidatePlan", "PreBackupHooks", "InitialBackupCreated",
        "EnsureQuiesced", "PostBackupHooks", "PreRestoreHooks", "FinalRestoreCreated", "PostRestoreHooks",
        "Verification");
    assertThat(phases.indexOf("PreBackupHooks")).isEqualTo(phases.indexOf("InitialBackupCreated") - 1);
    // After the source is quiesced (and its images copied), before any data or resources reach the destination.
    assertThat(phases.indexOf("PostBackupHooks")).isGreaterThan(phases.indexOf("EnsureQuiesced"))
        .isLessThan(phases.indexOf("DirectVolumeMigrationCompleted"));
    assertThat(phases.indexOf("PreRestoreHooks")).isEqualTo(phases.indexOf("FinalRestoreCreated") - 1);
    assertThat(phases.indexOf("PostRestoreHooks")).isEqualTo(phases.indexOf("FinalRestoreCreated") + 1);
    assertThat(Itineraries.FINAL.steps()).contains("PreBackupHooks", "PostBackupHooks", "PreRestoreHooks",
        "PostRestoreHooks");
  }
}
