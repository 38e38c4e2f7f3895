package dev.ferry.cli.restore;

import dev.ferry.api.velero.restore.Restore;
import dev.ferry.api.velero.restore.RestorePhase;
import dev.ferry.api.velero.restore.RestoreSpec;
import dev.ferry.api.velero.restore.RestoreStatus;
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
 * {@code ferry restore describe}: the layout of {@code velero restore describe} as the seed shows
 * it — phase, warnings and errors split into Velero / Cluster / Namespaces, then the spec — for a
 * Restore CR and its results file. Pure: the command fetches, this only renders.
 */
public final class RestoreDescription {
  private final Restore restore;
  private Fetched<ResultsFile> results;
  private Fetched<SortedMap<String, List<String>>> resourceList;

  RestoreDescription(Restore restore) {
    this.restore = restore;
  }

  /** The restore's results file; needed only when its status counts warnings or errors. */
  RestoreDescription withResults(Fetched<ResultsFile> results) {
    this.results = results;
    return this;
  }

  /** Adds the {@code --details} resource list ({@code apiVersion/Kind} to restored items). */
  RestoreDescription withResourceList(Fetched<SortedMap<String, List<String>>> resourceList) {
    this.resourceList = resourceList;
    return this;
  }

  String text() {
    TabAligner d = new TabAligner();
    RestoreSpec spec = restore.getSpec() == null ? new RestoreSpec() : restore.getSpec();
    RestoreStatus status = restore.getStatus() == null ? new RestoreStatus() : restore.getStatus();
    RestorePhase phase = status.getPhase() == null ? RestorePhase.NEW : status.getPhase();

    ObjectDescription.metadata(d, restore.getMetadata());
    d.println();
    ObjectDescription.phase(d, phase.value(), "restore", restore.getMetadata().getName());
    ObjectDescription.problems(d, status.getValidationErrors(), status.getFailureReason());
    if (results != null) {
      ResultsSection.describe(d, results, VeleroFormat.count(status.getWarnings()),
          VeleroFormat.count(status.getErrors()));
    }

    d.println();
    d.printf("Backup:\t%s\n", spec.getBackupName() == null ? "" : spec.getBackupName());

    VeleroSections.namespaces(d, spec.getIncludedNamespaces(), "all namespaces found in the backup",
        spec.getExcludedNamespaces());
    VeleroSections.resources(d, spec.getIncludedResources(), spec.getExcludedResources(),
        spec.getIncludeClusterResources());

    d.println();
    VeleroFormat.describeMap(d, "Namespace mappings", spec.getNamespaceMapping());

    VeleroSections.labelSelector(d, spec.getLabelSelector());

    d.println();
    d.printf("Restore PVs:\t%s\n", VeleroFormat.bool(spec.getRestorePVs(), "false", "true", "auto"));

    d.println();
    d.printf("Existing Resource Policy:\t%s\n", spec.getExistingResourcePolicy() == null ? VeleroFormat.NONE
        : spec.getExistingResourcePolicy().value());

    VeleroSections.times(d, status.getStartTimestamp(), status.getCompletionTimestamp());

    if (status.getProgress() != null) {
      VeleroSections.progress(d, phase == RestorePhase.IN_PROGRESS, status.getProgress().getTotalItems(),
          status.getProgress().getItemsRestored(), "restored");
    }

    if (resourceList != null) {
      d.println();
      ObjectDescription.resourceList(d, "restore", resourceList);
    }
    return d.aligned();
  }
}
