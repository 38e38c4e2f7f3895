package dev.ferry.cli.backup;

import dev.ferry.api.velero.backup.Backup;
import dev.ferry.api.velero.backup.BackupPhase;
import dev.ferry.api.velero.backup.BackupSpec;
import dev.ferry.api.velero.backup.BackupStatus;
import dev.ferry.backup.format.ResourceListFile;
import dev.ferry.backup.model.ResultsFile;
import dev.ferry.cli.kube.Fetched;
import dev.ferry.cli.output.ObjectDescription;
import dev.ferry.cli.output.ResultsSection;
import dev.ferry.cli.output.TabAligner;
import dev.ferry.cli.output.VeleroFormat;
import dev.ferry.cli.output.VeleroSections;
import java.util.List;
import java.util.SortedMap;

/**
 * {@code ferry backup describe}: Velero's {@code backup describe} layout for a Backup CR, plus,
 * with details, the resource list and the warnings/errors read from the repository. Pure: the
 * command fetches, this only renders.
 */
public final class BackupDescription {
  static final String DEFAULT_TTL = "720h0m0s";
  private final Backup backup;
  private Fetched<ResourceListFile> resourceList;
  private Fetched<ResultsFile> results;

  BackupDescription(Backup backup) {
    this.backup = backup;
  }

  /** Adds the {@code --details} parts. */
  BackupDescription withDetails(Fetched<ResourceListFile> resourceList, Fetched<ResultsFile> results) {
    this.resourceList = resourceList;
    this.results = results;
    return this;
  }

  String text() {
    TabAligner d = new TabAligner();
    BackupSpec spec = backup.getSpec() == null ? new BackupSpec() : backup.getSpec();
    BackupStatus status = backup.getStatus() == null ? new BackupStatus() : backup.getStatus();
    String name = backup.getMetadata().getName();
    BackupPhase phase = status.getPhase() == null ? BackupPhase.NEW : status.getPhase();

    ObjectDescription.metadata(d, backup.getMetadata());
    d.println();
    ObjectDescription.phase(d, phase.value(), "backup", name);
    ObjectDescription.problems(d, status.getValidationErrors(), status.getFailureReason());

    d.println();
    d.printf("Errors:\t%d\n", VeleroFormat.count(status.getErrors()));
    d.printf("Warnings:\t%d\n", VeleroFormat.count(status.getWarnings()));

    VeleroSections.namespaces(d, spec.getIncludedNamespaces(), "*", spec.getExcludedNamespaces());
    VeleroSections.resources(d, spec.getIncludedResources(), spec.getExcludedResources(),
        spec.getIncludeClusterResources());
    VeleroSections.labelSelector(d, spec.getLabelSelector());

    d.println();
    String location = spec.getStorageLocation();
    d.printf("Storage Location:\t%s\n", location == null || location.isBlank() ? "<default>" : location);

    d.println();
    // An unset TTL means Velero's (and Ferry's) default of 30 days.
    d.printf("TTL:\t%s\n", spec.getTtl() == null || spec.getTtl().isBlank() ? DEFAULT_TTL : spec.getTtl());

    VeleroSections.times(d, status.getStartTimestamp(), status.getCompletionTimestamp());

    d.println();
    d.printf("Expiration:\t%s\n", VeleroFormat.time(status.getExpiration(), "<n/a>"));

    if (status.getProgress() != null) {
      VeleroSections.progress(d, phase == BackupPhase.IN_PROGRESS, status.getProgress().getTotalItems(),
          status.getProgress().getItemsBackedUp(), "backed up");
    }

    if (resourceList != null) {
      d.println();
      ObjectDescription.resourceList(d, "backup", resourceList.ok()
          ? Fetched.<SortedMap<String, List<String>>>of(resourceList.value().entries())
          : Fetched.failed(resourceList.problem()));
    }
    if (results != null) {
      ResultsSection.describe(d, results, VeleroFormat.count(status.getWarnings()),
          VeleroFormat.count(status.getErrors()));
    }
    return d.aligned();
  }
}
