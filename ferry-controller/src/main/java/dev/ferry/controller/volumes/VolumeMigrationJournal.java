package dev.ferry.controller.volumes;

import dev.ferry.api.common.Category;
import dev.ferry.api.common.Condition;
import dev.ferry.api.migration.volumes.DirectVolumeMigration;
import dev.ferry.api.migration.volumes.DirectVolumeMigrationProgress;
import dev.ferry.api.migration.volumes.DirectVolumeMigrationStatus;
import dev.ferry.controller.itinerary.Itinerary;
import dev.ferry.controller.itinerary.ItineraryRunner;
import dev.ferry.controller.itinerary.Phase;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A DirectVolumeMigration's status as the itinerary runner sees it: phase, description, conditions, errors. */
final class VolumeMigrationJournal implements ItineraryRunner.Journal<VolumeMigrationContext> {
  private static final Logger LOG = LoggerFactory.getLogger(VolumeMigrationJournal.class);

  private final DirectVolumeMigration dvm;
  private final DirectVolumeMigrationStatus status;
  private final KubernetesClient host;
  private final Clock clock;

  VolumeMigrationJournal(DirectVolumeMigration dvm, KubernetesClient host, Clock clock) {
    this.dvm = dvm;
    this.status = dvm.getStatus();
    this.host = host;
    this.clock = clock;
  }

  @Override
  public String storedPhase() {
    return status.getPhase();
  }

  @Override
  public void entering(Itinerary<VolumeMigrationContext> itinerary, Phase<VolumeMigrationContext> phase) {
    status.setPhase(phase.name());
  }

  @Override
  public void completed(Itinerary<VolumeMigrationContext> itinerary) {
    int claims = dvm.getSpec().getPersistentVolumeClaims() == null ? 0 : dvm.getSpec().getPersistentVolumeClaims()
        .size();
    status.setPhase(VolumeMigrationPhases.SUCCEEDED);
    status.setPhaseDescription("The data of " + claims + " claim(s) was copied");
    var conditions = status.conditions(clock);
    conditions.clear("Running", "ClusterRequestFailed");
    conditions.set(Condition.of(VolumeMigrationPhases.SUCCEEDED, Category.ADVISORY, "Completed",
        "Direct volume migration completed: " + claims + " claim(s) copied.").markDurable());
    if (Boolean.TRUE.equals(dvm.getSpec().getDeleteProgressReportingCRs())) {
      host.resources(DirectVolumeMigrationProgress.class).inNamespace(dvm.getMetadata().getNamespace())
          .withLabel("directvolumemigration", dvm.getMetadata().getUid()).delete();
    }
  }

  /** The errors a failed transfer phase recorded stay; any other reason is added to them. */
  @Override
  public void failed(ItineraryRunner.Failure failure) {
    List<String> errors = status.getErrors() == null ? new ArrayList<>() : new ArrayList<>(status.getErrors());
    if (errors.isEmpty() || !String.join("; ", errors).equals(failure.reason())) {
      errors.add(failure.reason());
    }
    status.setPhase(VolumeMigrationPhases.FAILED);
    status.setErrors(errors);
    status.setPhaseDescription(errors.get(0));
    var conditions = status.conditions(clock);
    conditions.clear("Running");
    conditions.set(Condition.of(VolumeMigrationPhases.FAILED, Category.CRITICAL, "TransferFailed",
        String.join("; ", errors)).markDurable());
    LOG.info("DirectVolumeMigration {}/{} failed: {}", dvm.getMetadata().getNamespace(), dvm.getMetadata().getName(),
        errors);
  }
}
