package dev.ferry.controller.migration;

import dev.ferry.api.migration.hook.HookPhase;
import dev.ferry.api.migration.hook.MigHook;
import dev.ferry.api.migration.hook.TargetCluster;
import dev.ferry.api.migration.plan.MigPlanHook;
import dev.ferry.controller.itinerary.Phase;
import dev.ferry.controller.itinerary.PhaseResult;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Runs the plan's hook for one phase (PreBackup, PostBackup, PreRestore, PostRestore) as a Job on
 * the hook's target cluster and waits for it. Done at once when the plan has no hook for the phase.
 * The Job's name is fixed per migration and phase, so a run after a controller restart finds the
 * Job it already created.
 */
final class RunHooks implements Phase<MigrationContext> {
  static final Duration POLL = Duration.ofSeconds(3);
  static final int LOG_LINES = 20;

  private final HookPhase hookPhase;

  RunHooks(HookPhase hookPhase) {
    this.hookPhase = hookPhase;
  }

  @Override
  public String name() {
    return hookPhase.value() + "Hooks";
  }

  @Override
  public String step() {
    return name();
  }

  @Override
  public PhaseResult run(MigrationContext context) {
    List<MigPlanHook> hooks = context.plan().getSpec().getHooks();
    Optional<MigPlanHook> planHook = hooks == null ? Optional.empty()
        : hooks.stream().filter(h -> h.getPhase() == hookPhase).findFirst();
    if (planHook.isEmpty()) {
      return PhaseResult.done();
    }
    MigPlanHook ref = planHook.get();
    if (ref.getReference() == null || ref.getReference().getName() == null) {
      return PhaseResult.fail("the plan's " + hookPhase + " hook has no reference to a MigHook");
    }
    String hookName = ref.getReference().getName();
    String hookNamespace = ref.getReference().getNamespace() != null ? ref.getReference().getNamespace()
        : context.plan().getMetadata().getNamespace();
    KubernetesClient host = host(context);
    if (host == null) {
      return PhaseResult.fail("hook " + hookName + " (" + hookPhase + "): neither the source nor the destination "
          + "MigCluster is the host cluster, where MigHooks are read");
    }
    MigHook hook = host.resources(MigHook.class).inNamespace(hookNamespace).withName(hookName).get();
    if (hook == null || hook.getSpec() == null) {
      return PhaseResult.fail("hook " + hookName + " (" + hookPhase + "): MigHook " + hookNamespace + "/" + hookName
          + " not found");
    }
    TargetCluster target = hook.getSpec().getTargetCluster() == null ? TargetCluster.SOURCE
        : hook.getSpec().getTargetCluster();
    KubernetesClient cluster = target == TargetCluster.DESTINATION ? context.destination() : context.source();
    String where = "the " + target.value() + " cluster";
    String namespace = ref.getExecutionNamespace();
    if (namespace == null || namespace.isBlank()) {
      return PhaseResult.fail("hook " + hookName + " (" + hookPhase + "): the plan gives no executionNamespace");
    }
    if (cluster.namespaces().withName(namespace).get() == null) {
      return PhaseResult.fail("hook " + hookName + " (" + hookPhase + "): execution namespace " + namespace
          + " does not exist on " + where);
    }

    String jobName = HookJobs.name(context.migration().getMetadata().getName(), hookPhase);
    Job job = cluster.batch().v1().jobs().inNamespace(namespace).withName(jobName).get();
    if (job == null) {
      HookJobs.Request request = new HookJobs.Request(context.migration().getMetadata().getName(),
          context.migration().getMetadata().getUid(), context.plan().getMetadata().getName(), hookPhase, hookName,
          hook.getSpec(), namespace, ref.getServiceAccount(), context.sourceNamespaces());
      Job wanted;
      ConfigMap playbook;
      try {
        wanted = HookJobs.job(request, configuredRunnerImage(context));
        playbook = HookJobs.playbookConfigMap(request);
      } catch (IllegalArgumentException e) {
        return PhaseResult.fail(e.getMessage() + " (" + hookPhase + ")");
      }
      if (playbook != null && cluster.configMaps().inNamespace(namespace).withName(jobName).get() == null) {
        cluster.configMaps().inNamespace(namespace).resource(playbook).create();
      }
      cluster.batch().v1().jobs().inNamespace(namespace).resource(wanted).create();
      return PhaseResult.requeue(POLL, "hook " + hookName + " to run on " + where);
    }
    if (condition(job, "Complete")) {
      return PhaseResult.done();
    }
    Optional<JobCondition> failed = failedCondition(job);
    if (failed.isPresent()) {
      JobCondition c = failed.get();
      String reason = c.getReason() == null ? "Failed" : c.getReason();
      if (c.getMessage() != null && !c.getMessage().isBlank()) {
        reason = reason + " (" + c.getMessage() + ")";
      }
      return PhaseResult.fail("hook " + hookName + " (" + hookPhase + ") failed on " + where + ": " + reason
          + "; last log lines: " + logTail(cluster, namespace, jobName));
    }
    return PhaseResult.requeue(POLL, "hook " + hookName + " to finish on " + where);
  }

  /** The MigrationController's {@code hook_runner_image}, null when it sets none. */
  private static String configuredRunnerImage(MigrationContext context) {
    var controller = new dev.ferry.controller.settings.ControllerSettingsReader(context.host(),
        context.migration().getMetadata().getNamespace()).controller();
    return controller == null || controller.getSpec() == null ? null : controller.getSpec().getHookRunnerImage();
  }

  private static KubernetesClient host(MigrationContext context) {
    if (context.host() != null) {
      return context.host();
    }
    if (context.sourceCluster().getSpec() != null
        && Boolean.TRUE.equals(context.sourceCluster().getSpec().getIsHostCluster())) {
      return context.source();
    }
    if (context.destinationCluster().getSpec() != null
        && Boolean.TRUE.equals(context.destinationCluster().getSpec().getIsHostCluster())) {
      return context.destination();
    }
    return null;
  }

  private static boolean condition(Job job, String type) {
    return job.getStatus() != null && job.getStatus().getConditions() != null && job.getStatus().getConditions()
        .stream().anyMatch(c -> type.equals(c.getType()) && "True".equals(c.getStatus()));
  }

  private static Optional<JobCondition> failedCondition(Job job) {
    if (job.getStatus() == null || job.getStatus().getConditions() == null) {
      return Optional.empty();
    }
    return job.getStatus().getConditions().stream()
        .filter(c -> "Failed".equals(c.getType()) && "True".equals(c.getStatus())).findFirst();
  }

  /** The last lines of the newest pod of the Job; fake (KWOK) pods and deleted pods have none. */
  static String logTail(KubernetesClient cluster, String namespace, String jobName) {
    try {
      Optional<Pod> pod = cluster.pods().inNamespace(namespace).withLabel("job-name", jobName).list().getItems()
          .stream().max(Comparator.comparing(p -> p.getMetadata().getCreationTimestamp()));
      if (pod.isEmpty()) {
        return "no log available";
      }
      String log = cluster.pods().inNamespace(namespace).withName(pod.get().getMetadata().getName())
          .inContainer(HookJobs.CONTAINER).tailingLines(LOG_LINES).getLog();
      return log == null || log.isBlank() ? "no log available" : log.strip();
    } catch (KubernetesClientException | IllegalStateException e) {
      return "no log available";
    }
  }
}
