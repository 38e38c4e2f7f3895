package dev.ferry.controller.migration;

import dev.ferry.api.migration.hook.HookPhase;
import dev.ferry.api.migration.hook.MigHookSpec;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the Job (and, for a playbook hook, the ConfigMap holding the playbook) that runs one
 * MigHook at one phase of one migration. Model only: no cluster access.
 */
final class HookJobs {
  /** MTC's Ansible runner: the image of a playbook hook that names none, unless the MigrationController does. */
  static final String RUNNER_IMAGE = "quay.io/konveyor/hook-runner:latest";
  /** How MTC starts its runner, so the runner image (MTC's or one built like it) works unchanged. */
  static final List<String> RUNNER_COMMAND = List.of("/bin/entrypoint", "ansible-runner", "-p",
      "/tmp/playbook/playbook.yml", "run", "/tmp/runner");
  static final String MIGRATION_LABEL = "migration.openshift.io/migmigration";
  static final String PHASE_LABEL = "migration.openshift.io/hook-phase";
  static final long DEFAULT_DEADLINE_SECONDS = 1800;
  static final String PLAYBOOK_KEY = "playbook.yml";
  static final String PLAYBOOK_DIR = "/tmp/playbook";
  static final String CONTAINER = "hook";

  /** Everything one hook Job depends on. */
  record Request(String migrationName, String migrationUid, String planName, HookPhase phase, String hookName,
                 MigHookSpec hook, String executionNamespace, String serviceAccount, List<String> namespaces) {
    boolean custom() {
      return Boolean.TRUE.equals(hook.getCustom());
    }
  }

  private HookJobs() {
  }

  /** Deterministic per migration and phase, at most 63 characters: {@code <migration>-<phase lowercased>}. */
  static String name(String migrationName, HookPhase phase) {
    return MigrationContext.objectName(migrationName, phase.value().toLowerCase(Locale.ROOT));
  }

  static Map<String, String> labels(Request request) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(MIGRATION_LABEL, request.migrationUid());
    labels.put(PHASE_LABEL, request.phase().value());
    return labels;
  }

  static long deadline(MigHookSpec hook) {
    Long seconds = hook.getActiveDeadlineSeconds();
    return seconds == null || seconds <= 0 ? DEFAULT_DEADLINE_SECONDS : seconds;
  }

  /** The decoded playbook; throws IllegalArgumentException with a readable message if absent or not base64. */
  static String playbook(Request request) {
    String encoded = request.hook().getPlaybook();
    if (encoded == null || encoded.isBlank()) {
      throw new IllegalArgumentException("hook " + request.hookName() + " is not custom and has no playbook");
    }
    try {
      return new String(Base64.getDecoder().decode(encoded.replaceAll("\\s", "")), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("hook " + request.hookName() + ": spec.playbook is not valid base64");
    }
  }

  /** The ConfigMap with the decoded playbook, or null for a custom hook. */
  static ConfigMap playbookConfigMap(Request request) {
    if (request.custom()) {
      return null;
    }
    return new ConfigMapBuilder()
        .withNewMetadata().withName(name(request.migrationName(), request.phase()))
        .withNamespace(request.executionNamespace()).withLabels(labels(request)).endMetadata()
        .addToData(PLAYBOOK_KEY, playbook(request))
        .build();
  }

  /**
   * The image of a playbook hook: its own {@code spec.image} when it names one (MTC runs that image,
   * and MTC's console writes the runner there), else the MigrationController's
   * {@code hook_runner_image} ({@code configured}, may be null), else {@value #RUNNER_IMAGE}.
   */
  static String runnerImage(MigHookSpec hook, String configured) {
    if (hook.getImage() != null && !hook.getImage().isBlank()) {
      return hook.getImage().strip();
    }
    return configured != null && !configured.isBlank() ? configured.strip() : RUNNER_IMAGE;
  }

  /** {@code runnerImage}: the MigrationController's {@code hook_runner_image}, null if it sets none. */
  static Job job(Request request, String runnerImage) {
    String name = name(request.migrationName(), request.phase());
    List<EnvVar> env = List.of(
        new EnvVar("MIGRATION_NAMESPACES", String.join(",", request.namespaces()), null),
        new EnvVar("MIGRATION_PLAN_NAME", request.planName(), null));
    ContainerBuilder container = new ContainerBuilder().withName(CONTAINER).withEnv(env);
    PodSpecBuilder pod = new PodSpecBuilder().withRestartPolicy("Never");
    if (request.serviceAccount() != null && !request.serviceAccount().isBlank()) {
      pod.withServiceAccountName(request.serviceAccount());
    }
    if (request.custom()) {
      String image = request.hook().getImage();
      if (image == null || image.isBlank()) {
        throw new IllegalArgumentException("hook " + request.hookName() + " is custom and has no image");
      }
      container.withImage(image);
    } else {
      playbook(request);
      container.withImage(runnerImage(request.hook(), runnerImage))
          .withCommand(RUNNER_COMMAND)
          .addNewVolumeMount().withName("playbook").withMountPath(PLAYBOOK_DIR).endVolumeMount();
      pod.addNewVolume().withName("playbook").withNewConfigMap().withName(name).endConfigMap().endVolume();
    }
    pod.withContainers(container.build());
    return new JobBuilder()
        .withNewMetadata().withName(name).withNamespace(request.executionNamespace())
        .withLabels(labels(request)).endMetadata()
        .withNewSpec()
        .withBackoffLimit(0)
        .withActiveDeadlineSeconds(deadline(request.hook()))
        .withNewTemplate().withNewMetadata().withLabels(labels(request)).endMetadata()
        .withSpec(pod.build()).endTemplate()
        .endSpec()
        .build();
  }
}
