package dev.ferry.controller.migration;

import dev.ferry.api.common.Category;
import dev.ferry.api.migration.volumes.DirectVolumeMigration;
import dev.ferry.api.migration.volumes.DirectVolumeMigrationProgress;
import dev.ferry.api.migration.volumes.DirectVolumeMigrationSpec;
import dev.ferry.api.migration.volumes.DirectVolumeMigrationType;
import dev.ferry.api.migration.volumes.PvcToMigrate;
import dev.ferry.controller.itinerary.Phase;
import dev.ferry.controller.itinerary.PhaseResult;
import dev.ferry.controller.itinerary.Pipeline;
import dev.ferry.controller.volumes.ClaimsToCopy;
import dev.ferry.controller.volumes.DirectVolumeMigrationReconciler;
import dev.ferry.controller.volumes.LauncherChoice;
import dev.ferry.controller.volumes.ProgressReports;
import dev.ferry.volumes.mover.TransferSummary;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Copies the data of the plan's {@code copy} volumes by a DirectVolumeMigration (owned by the
 * MigMigration, one per migration, found again by name after a restart) and waits for it,
 * showing its byte totals, rate and ETA in the DirectVolume pipeline step. Indirect plans
 * ({@code spec.indirectVolumeMigration}) go through the plan's MigStorage. A failed copy fails
 * the migration with the DVM's errors, which name the claim.
 */
final class CopyVolumeData implements Phase<MigrationContext> {
  private static final Duration POLL = Duration.ofSeconds(2);
  /** The migration's condition while its DirectVolumeMigration warns (MTC's name). */
  static final String BLOCKED = "DirectVolumeMigrationBlocked";

  @Override
  public String name() {
    return "DirectVolumeMigrationCompleted";
  }

  @Override
  public String step() {
    return "DirectVolume";
  }

  @Override
  public PhaseResult run(MigrationContext context) {
    List<PvcToMigrate> claims = ClaimsToCopy.of(context.plan().getSpec().getPersistentVolumes(),
        context.namespaceMapping());
    if (claims.isEmpty()) {
      return PhaseResult.done();
    }
    String namespace = context.migration().getMetadata().getNamespace();
    String name = dvmName(context);
    var dvms = context.host().resources(DirectVolumeMigration.class).inNamespace(namespace);
    DirectVolumeMigration dvm = dvms.withName(name).get();
    if (dvm == null) {
      try {
        dvm = dvms.resource(desired(context, name, claims)).create();
      } catch (KubernetesClientException e) {
        if (e.getCode() != 409) {
          throw e;
        }
        dvm = dvms.withName(name).get();
      }
    }
    showProgress(context, dvm);
    String phase = dvm.getStatus() == null ? null : dvm.getStatus().getPhase();
    showBlocked(context, dvm, phase);
    if (DirectVolumeMigrationReconciler.SUCCEEDED.equals(phase)) {
      return PhaseResult.done();
    }
    if (DirectVolumeMigrationReconciler.FAILED.equals(phase)) {
      List<String> errors = dvm.getStatus().getErrors() == null ? List.of() : dvm.getStatus().getErrors();
      return PhaseResult.fail("DirectVolumeMigration " + namespace + "/" + name + " failed: "
          + (errors.isEmpty() ? dvm.getStatus().getPhaseDescription() : String.join("; ", errors)));
    }
    String description = dvm.getStatus() == null || dvm.getStatus().getPhaseDescription() == null
        ? "starting" : dvm.getStatus().getPhaseDescription();
    return PhaseResult.requeue(POLL, "DirectVolumeMigration " + name + ": " + description);
  }

  /**
   * MTC's {@value #BLOCKED} warning on the migration while its DVM has warnings (transfer pods
   * Pending too long: the seed's "Some or all transfer pods are not running for more than 10 mins
   * on destination cluster", shown by {@code oc describe migmigration}); gone once they are, and
   * when the copy has ended, so a copy that recovered does not end "with warnings".
   */
  private static void showBlocked(MigrationContext context, DirectVolumeMigration dvm, String phase) {
    List<dev.ferry.api.common.Condition> warnings = dvm.getStatus() == null || dvm.getStatus().getConditions() == null
        ? List.of() : dvm.getStatus().conditions().withCategory(Category.WARN);
    boolean ended = DirectVolumeMigrationReconciler.SUCCEEDED.equals(phase)
        || DirectVolumeMigrationReconciler.FAILED.equals(phase);
    if (warnings.isEmpty() || ended) {
      context.conditions().clear(BLOCKED);
      return;
    }
    context.conditions().set(dev.ferry.api.common.Condition.of(BLOCKED, Category.WARN, "NotReady",
        warnings.stream().map(dev.ferry.api.common.Condition::getMessage).collect(Collectors.joining(", "))));
  }

  static String dvmName(MigrationContext context) {
    return MigrationContext.objectName(context.migration().getMetadata().getName(), "dvm");
  }

  private static DirectVolumeMigration desired(MigrationContext context, String name, List<PvcToMigrate> claims) {
    DirectVolumeMigration dvm = new DirectVolumeMigration();
    var migration = context.migration();
    dvm.getMetadata().setName(name);
    dvm.getMetadata().setNamespace(migration.getMetadata().getNamespace());
    dvm.getMetadata().setLabels(new LinkedHashMap<>(Map.of(
        MigrationContext.MIGRATED_BY_PLAN, context.planLabel(),
        MigrationContext.MIGRATED_BY_MIGRATION, migration.getMetadata().getUid(),
        "migmigration", migration.getMetadata().getUid())));
    Map<String, String> annotations = new LinkedHashMap<>();
    if (Boolean.TRUE.equals(context.plan().getSpec().getIndirectVolumeMigration())) {
      ObjectReference storage = context.plan().getSpec().getMigStorageRef();
      annotations.put(DirectVolumeMigrationReconciler.REPOSITORY_ANNOTATION, storage.getName());
    }
    // The plan may ask for transfer pods even where the volumes are local to the controller.
    Map<String, String> planAnnotations = context.plan().getMetadata().getAnnotations();
    if (planAnnotations != null && planAnnotations.containsKey(LauncherChoice.ANNOTATION)) {
      annotations.put(LauncherChoice.ANNOTATION, planAnnotations.get(LauncherChoice.ANNOTATION));
    }
    dvm.getMetadata().setAnnotations(annotations.isEmpty() ? null : annotations);
    dvm.getMetadata().setOwnerReferences(List.of(new OwnerReferenceBuilder()
        .withApiVersion(migration.getApiVersion()).withKind(migration.getKind())
        .withName(migration.getMetadata().getName()).withUid(migration.getMetadata().getUid())
        .withController(true).withBlockOwnerDeletion(true).build()));
    DirectVolumeMigrationSpec spec = new DirectVolumeMigrationSpec();
    spec.setSrcMigClusterRef(context.plan().getSpec().getSrcMigClusterRef());
    spec.setDestMigClusterRef(context.plan().getSpec().getDestMigClusterRef());
    spec.setPersistentVolumeClaims(claims);
    spec.setCreateDestinationNamespaces(true);
    spec.setDeleteProgressReportingCRs(false);
    spec.setMigrationType(Boolean.TRUE.equals(migration.getSpec().getStage()) ? DirectVolumeMigrationType.STAGE
        : DirectVolumeMigrationType.CUT_OVER);
    dvm.setSpec(spec);
    return dvm;
  }

  /** Sums the DVM's progress reports into the pipeline step: bytes, rate, ETA, a line per claim. */
  private static void showProgress(MigrationContext context, DirectVolumeMigration dvm) {
    if (dvm.getMetadata().getUid() == null) {
      return;
    }
    List<DirectVolumeMigrationProgress> reports = context.host().resources(DirectVolumeMigrationProgress.class)
        .inNamespace(dvm.getMetadata().getNamespace()).withLabel("directvolumemigration", dvm.getMetadata().getUid())
        .list().getItems();
    long done = 0;
    long total = 0;
    long rate = 0;
    List<String> lines = new ArrayList<>();
    for (DirectVolumeMigrationProgress report : reports) {
      Map<String, String> a = report.getMetadata().getAnnotations() == null ? Map.of()
          : report.getMetadata().getAnnotations();
      long reportDone = number(a.get(ProgressReports.BYTES_DONE));
      long reportTotal = number(a.get(ProgressReports.BYTES_TOTAL));
      String phase = report.getStatus() == null ? null : report.getStatus().getPhase();
      done += reportDone;
      total += reportTotal;
      if (!"Succeeded".equals(phase) && !"Failed".equals(phase)) {
        rate += number(a.get(ProgressReports.RATE));
      }
      var pvc = report.getSpec() == null ? null : report.getSpec().getPvcRef();
      String percent = report.getStatus() == null ? null : report.getStatus().getTotalProgressPercentage();
      lines.add((pvc == null ? report.getMetadata().getName() : pvc.getNamespace() + "/" + pvc.getName()) + ": "
          + (phase == null ? "Pending" : phase) + " " + (percent == null ? "0%" : percent) + " ("
          + TransferSummary.bytes(reportDone) + " of " + TransferSummary.bytes(reportTotal) + ")");
    }
    String eta = rate > 0 && total > done ? TransferSummary.duration(Duration.ofSeconds((total - done) / rate)) : null;
    Pipeline.progress(context.migration().getStatus().getPipeline(), "DirectVolume", done, total,
        rate > 0 ? TransferSummary.rate(rate) : null, eta, lines);
  }

  private static long number(String text) {
    try {
      return text == null ? 0 : Long.parseLong(text);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
