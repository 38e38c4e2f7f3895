package dev.ferry.controller.volumes;

import dev.ferry.api.common.Category;
import dev.ferry.api.common.Condition;
import dev.ferry.api.common.Times;
import dev.ferry.api.migration.volumes.DirectVolumeMigration;
import dev.ferry.api.migration.volumes.DirectVolumeMigrationStatus;
import dev.ferry.api.migration.volumes.PodProgress;
import dev.ferry.api.migration.volumes.PvcToMigrate;
import dev.ferry.controller.itinerary.Phase;
import dev.ferry.controller.itinerary.PhaseResult;
import dev.ferry.volumes.mover.TransferSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts or follows every unfinished transfer, one per claim, with the launcher the volumes'
 * location calls for (said in the {@code LauncherSelected} condition), and reports each in a
 * DirectVolumeMigrationProgress. Waits while any runs; fails naming the claims whose transfer
 * failed after its last attempt.
 */
final class RunTransfers implements Phase<VolumeMigrationContext> {
  /** Transfer pods Pending for longer than {@link MoverPodSettings#pendingLimit()}. */
  public static final String TRANSFER_PODS_PENDING = "TransferPodsPending";
  private static final Logger LOG = LoggerFactory.getLogger(RunTransfers.class);

  @Override
  public String name() {
    return "RunRsyncOperations";
  }

  @Override
  public String step() {
    return "DirectVolume";
  }

  @Override
  public PhaseResult run(VolumeMigrationContext context) {
    DirectVolumeMigration dvm = context.dvm();
    DirectVolumeMigrationStatus status = dvm.getStatus();
    ClaimPairs pairs = context.claimPairs();
    List<LauncherChoice.Located> located = pairs.locate(context);
    var annotations = dvm.getMetadata().getAnnotations();
    VolumeLauncher launcher = launcher(context, LauncherChoice.of(located,
        annotations == null ? null : annotations.get(LauncherChoice.ANNOTATION)));

    List<PvcToMigrate> claims = context.claims();
    TransferLedger ledger = new TransferLedger(status, claims, dvm.getSpec().getBackOffLimit());
    Instant started = Times.parse(status.getStartTimestamp());
    List<PendingTransferPods.StuckPod> stuck = new ArrayList<>();
    List<PodProgress> stuckPods = new ArrayList<>();
    long bytesDone = 0;
    long bytesTotal = 0;
    long rate = 0;
    for (int i = 0; i < claims.size(); i++) {
      PvcToMigrate claim = claims.get(i);
      String key = ClaimsToCopy.sourceKey(claim);
      String name = TransferNames.of(dvm.getMetadata().getUid(), claim.getNamespace(), claim.getName());
      if (ledger.before(name, claim) != TransferLedger.Verdict.FOLLOW) {
        continue;
      }
      int attempt = ledger.operation(claim).getCurrentAttempt();
      VolumeTransfer transfer = new VolumeTransfer(dvm.getMetadata().getUid() + "/" + key + "/" + attempt, name,
          claim, context.source(), context.destination(), pairs.sources().get(key), pairs.targets().get(key),
          located.get(i).source(), located.get(i).destination(), Boolean.TRUE.equals(claim.getVerify()),
          context.repository().map(r -> r.forClaim(claim)));
      TransferState state = launcher.poll(transfer);
      context.reports().report(context.host(), dvm, transfer, state, started);
      if (state.progress() != null && !state.finished()) {
        bytesDone += state.progress().bytesDone();
        bytesTotal += state.progress().bytesTotal();
        rate += state.progress().bytesPerSecond();
      }
      stuck.addAll(state.stuckPods());
      state.stuckPods().forEach(p -> stuckPods.add(stuckPod(p, claim)));
      if (state.phase() == TransferState.Phase.SUCCEEDED) {
        LOG.info("volume data of {} copied: {}", key, state.message());
      } else if (state.phase() == TransferState.Phase.FAILED && attempt < ledger.attempts()) {
        LOG.info("volume transfer of {} failed (attempt {} of {}), retrying: {}", key, attempt, ledger.attempts(),
            state.message());
      }
      ledger.record(name, claim, state);
      if (state.finished()) {
        launcher.release(transfer);
        context.reports().forget(dvm.getMetadata().getNamespace(), name);
      }
    }
    ledger.publish();
    status.setPendingSinceTimeLimitPods(stuckPods.isEmpty() ? null : stuckPods);
    var conditions = status.conditions(context.clock());
    if (stuck.isEmpty()) {
      conditions.clear(TRANSFER_PODS_PENDING);
    } else {
      String message = PendingTransferPods.message(stuck);
      if (conditions.find(TRANSFER_PODS_PENDING).map(c -> !message.equals(c.getMessage())).orElse(true)) {
        LOG.warn("DirectVolumeMigration {}/{}: {}", dvm.getMetadata().getNamespace(), dvm.getMetadata().getName(),
            message);
      }
      conditions.set(Condition.of(TRANSFER_PODS_PENDING, Category.WARN, "PodsPending", message));
    }
    if (ledger.finished() < claims.size()) {
      // The bytes of the running transfers: a slow copy shows a small rate, a hung one none.
      status.setPhaseDescription("Copying volume data: " + ledger.succeededCount() + " of " + claims.size()
          + " claim(s) done" + (bytesTotal > 0 ? ", " + TransferSummary.bytes(bytesDone) + " of "
          + TransferSummary.bytes(bytesTotal) + " of the running one(s) at " + TransferSummary.rate(rate) : ""));
      return PhaseResult.requeue(VolumeMigrationPhases.POLL, "the transfers");
    }
    if (!ledger.errors().isEmpty()) {
      return PhaseResult.fail(String.join("; ", ledger.errors()));
    }
    return PhaseResult.done();
  }

  /** A stuck pod as {@code status.pendingSinceTimeLimitPods} lists it (MTC's field): the pod, its claim, why. */
  private static PodProgress stuckPod(PendingTransferPods.StuckPod stuck, PvcToMigrate claim) {
    PodProgress pod = new PodProgress();
    pod.setName(stuck.name());
    pod.setNamespace(stuck.namespace());
    var pvc = new io.fabric8.kubernetes.api.model.ObjectReference();
    pvc.setName(claim.getName());
    pvc.setNamespace(claim.getNamespace());
    pod.setPvcRef(pvc);
    pod.setMessage(stuck.describe() + ", on the " + stuck.cluster() + " cluster");
    return pod;
  }

  private static VolumeLauncher launcher(VolumeMigrationContext context, LauncherChoice choice) {
    DirectVolumeMigration dvm = context.dvm();
    var conditions = dvm.getStatus().conditions(context.clock());
    String choiceMessage = "Volume data is moved by the " + choice.reason();
    if (conditions.find("LauncherSelected").map(c -> !choiceMessage.equals(c.getMessage())).orElse(true)) {
      LOG.info("DirectVolumeMigration {}/{}: {}", dvm.getMetadata().getNamespace(), dvm.getMetadata().getName(),
          choiceMessage);
    }
    conditions.set(Condition.of("LauncherSelected", Category.ADVISORY, choice.launcherName(), choiceMessage)
        .markDurable());
    if (choice.inProcess()) {
      return context.inProcess();
    }
    MoverPodSettings settings = MoverPodSettings.read(context.host(), dvm.getMetadata().getNamespace());
    settings = MigrationIdentity.apply(settings, MigrationIdentity.owner(context.host(), dvm).orElse(null));
    return new JobVolumeLauncher(context.mover(), settings, context.markers());
  }
}
