package dev.ferry.controller.volumes;

import dev.ferry.api.migration.volumes.DirectVolumeMigration;
import dev.ferry.api.migration.volumes.DirectVolumeMigrationProgress;
import dev.ferry.api.migration.volumes.DirectVolumeMigrationProgressSpec;
import dev.ferry.api.migration.volumes.DirectVolumeMigrationProgressStatus;
import dev.ferry.api.migration.volumes.RsyncPodStatus;
import dev.ferry.volumes.TransferProgress;
import dev.ferry.volumes.mover.TransferSummary;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes one DirectVolumeMigrationProgress per claim: the MTC status fields, plus the exact byte
 * counts in annotations (status has only percentages and rates) for the migration's pipeline. A
 * running transfer is written at most every {@link #INTERVAL}; a phase change at once.
 */
public final class ProgressReports {
  public static final Duration INTERVAL = Duration.ofSeconds(2);
  public static final String BYTES_DONE = "migration.ferry.dev/bytes-done";
  public static final String BYTES_TOTAL = "migration.ferry.dev/bytes-total";
  public static final String BYTES_SENT = "migration.ferry.dev/bytes-sent";
  public static final String RATE = "migration.ferry.dev/bytes-per-second";

  private final Clock clock;
  private final Map<String, Written> written = new ConcurrentHashMap<>();

  public ProgressReports(Clock clock) {
    this.clock = clock;
  }

  private record Written(Instant at, TransferState.Phase phase) {
  }

  public void report(KubernetesClient host, DirectVolumeMigration dvm, VolumeTransfer transfer, TransferState state,
                     Instant started) {
    String namespace = dvm.getMetadata().getNamespace();
    String key = namespace + "/" + transfer.objectName();
    Instant now = Instant.now(clock);
    Written last = written.get(key);
    if (last != null && last.phase() == state.phase() && Duration.between(last.at(), now).compareTo(INTERVAL) < 0) {
      return;
    }
    var resources = host.resources(DirectVolumeMigrationProgress.class).inNamespace(namespace);
    DirectVolumeMigrationProgress progress = resources.withName(transfer.objectName()).get();
    Map<String, String> annotations = annotations(state.progress());
    if (progress == null) {
      progress = resources.resource(created(dvm, transfer, annotations)).create();
    } else if (!annotations.isEmpty() && !annotations.equals(subset(progress.getMetadata().getAnnotations()))) {
      progress = resources.withName(transfer.objectName()).edit(p -> {
        Map<String, String> merged = new HashMap<>(p.getMetadata().getAnnotations() == null ? Map.of()
            : p.getMetadata().getAnnotations());
        merged.putAll(annotations);
        p.getMetadata().setAnnotations(merged);
        return p;
      });
    }
    progress.setStatus(status(state, started, now));
    progress.getMetadata().setResourceVersion(null);
    resources.resource(progress).patchStatus();
    written.put(key, new Written(now, state.phase()));
  }

  /** Forgets the throttle state of a finished transfer. */
  public void forget(String namespace, String objectName) {
    written.remove(namespace + "/" + objectName);
  }

  private static Map<String, String> subset(Map<String, String> all) {
    Map<String, String> ours = new HashMap<>();
    if (all != null) {
      for (String k : List.of(BYTES_DONE, BYTES_TOTAL, BYTES_SENT, RATE)) {
        if (all.containsKey(k)) {
          ours.put(k, all.get(k));
        }
      }
    }
    return ours;
  }

  static Map<String, String> annotations(TransferProgress p) {
    if (p == null) {
      return Map.of();
    }
    return Map.of(BYTES_DONE, Long.toString(p.bytesDone()), BYTES_TOTAL, Long.toString(p.bytesTotal()),
        BYTES_SENT, Long.toString(p.bytesTransferred()), RATE, Long.toString(p.bytesPerSecond()));
  }

  private DirectVolumeMigrationProgress created(DirectVolumeMigration dvm, VolumeTransfer transfer,
                                                Map<String, String> annotations) {
    DirectVolumeMigrationProgress progress = new DirectVolumeMigrationProgress();
    progress.getMetadata().setName(transfer.objectName());
    progress.getMetadata().setNamespace(dvm.getMetadata().getNamespace());
    Map<String, String> labels = new HashMap<>(dvm.getMetadata().getLabels() == null ? Map.of()
        : dvm.getMetadata().getLabels());
    labels.put("directvolumemigration", dvm.getMetadata().getUid());
    progress.getMetadata().setLabels(labels);
    progress.getMetadata().setAnnotations(annotations.isEmpty() ? null : annotations);
    progress.getMetadata().setOwnerReferences(List.of(new OwnerReferenceBuilder()
        .withApiVersion(dvm.getApiVersion()).withKind(dvm.getKind()).withName(dvm.getMetadata().getName())
        .withUid(dvm.getMetadata().getUid()).withController(true).build()));
    DirectVolumeMigrationProgressSpec spec = new DirectVolumeMigrationProgressSpec();
    spec.setClusterRef(dvm.getSpec().getSrcMigClusterRef());
    spec.setPodNamespace(transfer.claim().getNamespace());
    spec.setPvcRef(pvcRef(transfer));
    spec.setPodSelector(Map.of(MoverJobs.TRANSFER_LABEL, transfer.objectName()));
    progress.setSpec(spec);
    return progress;
  }

  static ObjectReference pvcRef(VolumeTransfer transfer) {
    return new ObjectReferenceBuilder().withKind("PersistentVolumeClaim").withName(transfer.claim().getName())
        .withNamespace(transfer.claim().getNamespace()).build();
  }

  DirectVolumeMigrationProgressStatus status(TransferState state, Instant started, Instant now) {
    DirectVolumeMigrationProgressStatus status = new DirectVolumeMigrationProgressStatus();
    String elapsed = TransferSummary.duration(state.progress() != null ? state.progress().elapsed()
        : Duration.between(started, now));
    String percent = (state.phase() == TransferState.Phase.SUCCEEDED ? 100
        : state.progress() == null ? 0 : state.progress().percent()) + "%";
    String rate = state.progress() == null ? null : TransferSummary.rate(state.progress().bytesPerSecond());
    status.setPodName(state.podName());
    status.setPhase(state.phase().value());
    status.setExitCode(state.exitCode());
    status.setLogMessage(state.message());
    status.setContainerElapsedTime(elapsed);
    status.setRsyncElapsedTime(elapsed);
    status.setLastObservedProgressPercent(percent);
    status.setTotalProgressPercentage(percent);
    status.setLastObservedTransferRate(rate);
    status.setCreationTimestamp(dev.ferry.api.common.Times.format(started));
    RsyncPodStatus pod = new RsyncPodStatus();
    pod.setPodName(state.podName());
    pod.setPhase(state.phase().value());
    pod.setExitCode(state.exitCode());
    pod.setLogMessage(state.message());
    pod.setLastObservedProgressPercent(percent);
    pod.setLastObservedTransferRate(rate);
    pod.setContainerElapsedTime(elapsed);
    pod.setCreationTimestamp(dev.ferry.api.common.Times.format(started));
    status.setRsyncPodStatuses(List.of(pod));
    return status;
  }
}
