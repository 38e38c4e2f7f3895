package dev.ferry.controller.volumes;

import dev.ferry.volumes.mover.MoverLogLine;
import dev.ferry.volumes.mover.MoverTlsFiles;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import dev.ferry.volumes.TransferProgress;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.time.Instant;

/**
 * Runs a transfer as pods on the clusters (MTC's design, for volumes the controller cannot see):
 * a receiver Job behind a Service on the destination, then — once the Service has an address —
 * a sender Job on the source, with the per-transfer TLS material in a Secret on both sides. Job
 * state is read back on every poll, so nothing is kept in memory. Indirect transfers go through an
 * S3 repository: a snapshot Job on the source, then a restore Job on the destination, with the
 * repository's credentials in a Secret on each side.
 */
public final class JobVolumeLauncher implements VolumeLauncher {
  public static final String NAME = "job";

  private final VolumeMover mover;
  private final MoverPodSettings settings;
  private final Map<String, String> labels;

  public JobVolumeLauncher(VolumeMover mover, MoverPodSettings settings, Map<String, String> labels) {
    this.mover = mover;
    this.settings = settings;
    this.labels = labels;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public TransferState poll(VolumeTransfer transfer) {
    if (transfer.repository().isPresent()) {
      return pollIndirect(transfer, transfer.repository().get());
    }
    MoverJobs jobs = jobs(transfer);
    String sourceNamespace = transfer.claim().getNamespace();
    String targetNamespace = ClaimsToCopy.targetNamespace(transfer.claim());
    KubernetesClient destination = transfer.destination();
    KubernetesClient source = transfer.source();
    boolean sameCluster = Objects.equals(source.getMasterUrl(), destination.getMasterUrl());

    if (destination.batch().v1().jobs().inNamespace(targetNamespace).withName(jobs.receiverName()).get() == null) {
      // A new attempt: the pods of the one released before must be gone first, or the Service
      // could send the new sender to the old receiver (old certificates) and the launcher could
      // read the old sender's log.
      Optional<String> leftover = leftoverPod(destination, targetNamespace, jobs)
          .or(() -> leftoverPod(source, sourceNamespace, jobs));
      if (leftover.isPresent()) {
        return new TransferState(TransferState.Phase.PENDING, null, "Waiting for the pod " + leftover.get()
            + " of the previous attempt to stop", null, jobs.receiverName());
      }
    }
    if (destination.secrets().inNamespace(targetNamespace).withName(jobs.secretName()).get() == null) {
      // Each side gets only its own key. The source's Secret first: once the destination's exists,
      // both do (a half-done pair from a crash is minted again, before any sender could use it).
      Map<String, String> tls = mover.mintTls(jobs.serviceName());
      source.resource(jobs.secret(sourceNamespace, MoverTlsFiles.senderSide(tls)))
          .createOr(io.fabric8.kubernetes.client.dsl.NonDeletingOperation::update);
      createIfAbsent(destination, jobs.secret(targetNamespace, MoverTlsFiles.receiverSide(tls)));
    }
    createIfAbsent(destination, jobs.service(targetNamespace, sameCluster));
    createIfAbsent(destination, jobs.receiver(targetNamespace, ClaimsToCopy.targetName(transfer.claim()),
        nodeSelector(destination, targetNamespace)));

    Job sender = source.batch().v1().jobs().inNamespace(sourceNamespace).withName(jobs.senderName()).get();
    if (sender == null) {
      String address = receiverAddress(destination, targetNamespace, jobs.serviceName(), sameCluster);
      if (address == null) {
        List<PendingTransferPods.StuckPod> stuck = stuck(destination, targetNamespace, jobs, "receiver", "destination");
        return new TransferState(TransferState.Phase.PENDING, null, stuck.isEmpty() ? "Waiting for the receiver's "
            + "Service " + targetNamespace + "/" + jobs.serviceName() + " to get an external address"
            : PendingTransferPods.message(stuck), null, jobs.receiverName(), stuck);
      }
      sender = createIfAbsent(source, jobs.sender(sourceNamespace, transfer.claim().getName(),
          SenderPlacement.nodeSelector(source, transfer.sourceClaim(), nodeSelector(source, sourceNamespace)),
          address));
    }
    Job receiver = destination.batch().v1().jobs().inNamespace(targetNamespace).withName(jobs.receiverName()).get();
    if (failed(receiver)) {
      return new TransferState(TransferState.Phase.FAILED, null, "The receiver Job " + targetNamespace + "/"
          + jobs.receiverName() + " on the destination failed; see its pod's log", 1, jobs.receiverName());
    }
    if (failed(sender)) {
      return new TransferState(TransferState.Phase.FAILED, null, "The sender Job " + sourceNamespace + "/"
          + jobs.senderName() + " on the source failed; see its pod's log", 1, jobs.senderName());
    }
    Pod pod = source.pods().inNamespace(sourceNamespace).withLabel(MoverJobs.TRANSFER_LABEL, jobs.serviceName())
        .withLabel(MoverJobs.ROLE_LABEL, "sender").list().getItems().stream().findFirst().orElse(null);
    String podName = pod == null ? jobs.senderName() : pod.getMetadata().getName();
    List<String> log = pod == null ? List.of() : logTail(source, sourceNamespace, podName);
    TransferProgress progress = MoverLogLine.last(log).orElse(null);
    if (sender.getStatus() != null && sender.getStatus().getSucceeded() != null
        && sender.getStatus().getSucceeded() > 0) {
      String summary = log.stream().filter(l -> l.startsWith("sent: ")).reduce((a, b) -> b)
          .map(l -> l.substring("sent: ".length())).orElse("Completed by Job " + sourceNamespace + "/"
              + jobs.senderName());
      return new TransferState(TransferState.Phase.SUCCEEDED, progress, summary, 0, podName);
    }
    boolean running = pod != null && pod.getStatus() != null && "Running".equals(pod.getStatus().getPhase());
    List<PendingTransferPods.StuckPod> stuck = new java.util.ArrayList<>(
        stuck(destination, targetNamespace, jobs, "receiver", "destination"));
    stuck.addAll(stuck(source, sourceNamespace, jobs, "sender", "source"));
    String message = !stuck.isEmpty() ? PendingTransferPods.message(stuck) : !log.isEmpty() ? log.get(log.size() - 1)
        : (running ? "Sender running: " : "Sender pod pending: ") + sourceNamespace + "/" + jobs.senderName();
    return new TransferState(running ? TransferState.Phase.RUNNING : TransferState.Phase.PENDING, progress, message,
        null, podName, stuck);
  }

  private static Optional<String> leftoverPod(KubernetesClient client, String namespace, MoverJobs jobs) {
    return client.pods().inNamespace(namespace).withLabel(MoverJobs.TRANSFER_LABEL, jobs.serviceName()).list()
        .getItems().stream().map(p -> namespace + "/" + p.getMetadata().getName()).findFirst();
  }

  /** The transfer's pods of {@code role} that have been Pending longer than the settings allow. */
  private List<PendingTransferPods.StuckPod> stuck(KubernetesClient client, String namespace, MoverJobs jobs,
                                                   String role, String cluster) {
    return stuck(client.pods().inNamespace(namespace).withLabel(MoverJobs.TRANSFER_LABEL, jobs.serviceName())
        .withLabel(MoverJobs.ROLE_LABEL, role).list().getItems(), cluster);
  }

  private List<PendingTransferPods.StuckPod> stuck(List<Pod> pods, String cluster) {
    return pods.stream().map(p -> PendingTransferPods.stuck(p, cluster, Instant.now(), settings.pendingLimit()))
        .flatMap(Optional::stream).toList();
  }

  /** Indirect: a snapshot Job on the source, then — once it succeeded — a restore Job on the destination. */
  private TransferState pollIndirect(VolumeTransfer transfer, VolumeTransfer.Repository repository) {
    PodRepository pods;
    try {
      pods = repository.pods().get();
    } catch (PodRepository.UnreachableException e) {
      return new TransferState(TransferState.Phase.FAILED, null, "Indirect volume migration of "
          + transfer.sourceKey() + " through " + repository.location() + ": " + e.getMessage(), 1, null);
    }
    MoverJobs jobs = jobs(transfer);
    String sourceNamespace = transfer.claim().getNamespace();
    String targetNamespace = ClaimsToCopy.targetNamespace(transfer.claim());
    KubernetesClient source = transfer.source();
    KubernetesClient destination = transfer.destination();
    createIfAbsent(source, jobs.repositorySecret(sourceNamespace, pods.environment()));
    Job snapshot = createIfAbsent(source, jobs.snapshot(sourceNamespace, transfer.claim().getName(),
        nodeSelector(source, sourceNamespace), pods, repository.tags()));
    if (failed(snapshot)) {
      return new TransferState(TransferState.Phase.FAILED, null, "The snapshot Job " + sourceNamespace + "/"
          + jobs.snapshotName() + " on the source failed; see its pod's log", 1, jobs.snapshotName());
    }
    if (!succeeded(snapshot)) {
      return following(source, sourceNamespace, jobs, "snapshot", "Uploading a snapshot", "source");
    }
    createIfAbsent(destination, jobs.repositorySecret(targetNamespace, pods.environment()));
    Job restore = createIfAbsent(destination, jobs.restore(targetNamespace, ClaimsToCopy.targetName(transfer.claim()),
        nodeSelector(destination, targetNamespace), pods, repository.tags()));
    if (failed(restore)) {
      return new TransferState(TransferState.Phase.FAILED, null, "The restore Job " + targetNamespace + "/"
          + jobs.restoreName() + " on the destination failed; see its pod's log", 1, jobs.restoreName());
    }
    TransferState state = following(destination, targetNamespace, jobs, "restore", "Restoring the snapshot",
        "destination");
    return succeeded(restore) ? new TransferState(TransferState.Phase.SUCCEEDED, state.progress(),
        state.message(), 0, state.podName()) : state;
  }

  /** The state of a running mover Job, from its pod's phase and log (and how long it has been Pending). */
  private TransferState following(KubernetesClient client, String namespace, MoverJobs jobs, String role,
                                  String doing, String cluster) {
    List<Pod> pods = client.pods().inNamespace(namespace).withLabel(MoverJobs.TRANSFER_LABEL, jobs.serviceName())
        .withLabel(MoverJobs.ROLE_LABEL, role).list().getItems();
    Pod pod = pods.stream().findFirst().orElse(null);
    List<String> log = pod == null ? List.of() : logTail(client, namespace, pod.getMetadata().getName());
    boolean running = pod != null && pod.getStatus() != null && "Running".equals(pod.getStatus().getPhase());
    List<PendingTransferPods.StuckPod> stuck = stuck(pods, cluster);
    String message = !stuck.isEmpty() ? PendingTransferPods.message(stuck) : !log.isEmpty() ? log.get(log.size() - 1)
        : doing + ": pod " + (running ? "running" : "pending");
    return new TransferState(running ? TransferState.Phase.RUNNING : TransferState.Phase.PENDING,
        MoverLogLine.last(log).orElse(null), message, null, pod == null ? null : pod.getMetadata().getName(), stuck);
  }

  private static boolean succeeded(Job job) {
    return job != null && job.getStatus() != null && job.getStatus().getSucceeded() != null
        && job.getStatus().getSucceeded() > 0;
  }

  /** The last lines of a mover pod's log; none when the node cannot serve it (yet). */
  private static List<String> logTail(KubernetesClient client, String namespace, String pod) {
    try {
      String log = client.pods().inNamespace(namespace).withName(pod).tailingLines(20).getLog();
      return log == null ? List.of() : log.lines().filter(l -> !l.isBlank()).toList();
    } catch (KubernetesClientException e) {
      return List.of();
    }
  }

  @Override
  public void release(VolumeTransfer transfer) {
    MoverJobs jobs = jobs(transfer);
    String targetNamespace = ClaimsToCopy.targetNamespace(transfer.claim());
    String sourceNamespace = transfer.claim().getNamespace();
    transfer.source().batch().v1().jobs().inNamespace(sourceNamespace).withName(jobs.senderName())
        .withPropagationPolicy(io.fabric8.kubernetes.api.model.DeletionPropagation.BACKGROUND).delete();
    transfer.source().secrets().inNamespace(sourceNamespace).withName(jobs.secretName()).delete();
    transfer.destination().batch().v1().jobs().inNamespace(targetNamespace).withName(jobs.receiverName())
        .withPropagationPolicy(io.fabric8.kubernetes.api.model.DeletionPropagation.BACKGROUND).delete();
    transfer.destination().services().inNamespace(targetNamespace).withName(jobs.serviceName()).delete();
    transfer.destination().secrets().inNamespace(targetNamespace).withName(jobs.secretName()).delete();
    transfer.source().batch().v1().jobs().inNamespace(sourceNamespace).withName(jobs.snapshotName())
        .withPropagationPolicy(io.fabric8.kubernetes.api.model.DeletionPropagation.BACKGROUND).delete();
    transfer.source().secrets().inNamespace(sourceNamespace).withName(jobs.repositorySecretName()).delete();
    transfer.destination().batch().v1().jobs().inNamespace(targetNamespace).withName(jobs.restoreName())
        .withPropagationPolicy(io.fabric8.kubernetes.api.model.DeletionPropagation.BACKGROUND).delete();
    transfer.destination().secrets().inNamespace(targetNamespace).withName(jobs.repositorySecretName()).delete();
  }

  MoverJobs jobs(VolumeTransfer transfer) {
    return new MoverJobs(transfer.objectName(), settings, labels);
  }

  /** The Service's in-cluster name on the same cluster; its load balancer's address across clusters. */
  static String receiverAddress(KubernetesClient destination, String namespace, String name, boolean sameCluster) {
    if (sameCluster) {
      return name + "." + namespace + ".svc";
    }
    Service service = destination.services().inNamespace(namespace).withName(name).get();
    if (service == null || service.getStatus() == null || service.getStatus().getLoadBalancer() == null
        || service.getStatus().getLoadBalancer().getIngress() == null) {
      return null;
    }
    return service.getStatus().getLoadBalancer().getIngress().stream()
        .map(i -> i.getIp() != null ? i.getIp() : i.getHostname()).filter(Objects::nonNull).findFirst().orElse(null);
  }

  private static Map<String, String> nodeSelector(KubernetesClient client, String namespace) {
    Namespace ns = client.namespaces().withName(namespace).get();
    return NodeSelectors.parse(NodeSelectors.annotation(ns));
  }

  private static boolean failed(Job job) {
    return job != null && job.getStatus() != null && job.getStatus().getFailed() != null
        && job.getStatus().getFailed() > 0;
  }

  private static <T extends HasMetadata> T createIfAbsent(KubernetesClient client, T object) {
    try {
      return client.resource(object).create();
    } catch (KubernetesClientException e) {
      if (e.getCode() != 409) {
        throw e;
      }
      return client.resource(object).get();
    }
  }
}
