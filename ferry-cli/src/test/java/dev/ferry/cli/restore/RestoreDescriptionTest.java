package dev.ferry.cli.restore;

import dev.ferry.cli.VeleroSamples;
import dev.ferry.cli.kube.Fetched;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.backup.model.Results;
import dev.ferry.backup.model.ResultsFile;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** {@code ferry restore describe} gives the seed's {@code velero restore describe} view. */
class RestoreDescriptionTest {
  static final String WARNING = "could not restore, ConfigMap \"settings\" already exists. Warning: the in-cluster "
      + "version is different than the backed-up version.";
  static final String SEED_ERROR = "error restoring example.com/migration-example/migration-example: the server could "
      + "not find the requested resource";

  private static final String SPEC = """

      Backup:  b1

      Namespaces:
        Included:  all namespaces found in the backup
        Excluded:  <none>

      Resources:
        Included:        *
        Excluded:        nodes, events, events.events.k8s.io, backups.velero.io, restores.velero.io, resticrepositories.velero.io
        Cluster-scoped:  auto

      Namespace mappings:  shop=shop-moved

      Label selector:  <none>

      Restore PVs:  true

      Existing Resource Policy:  <none>
      """;

  @Test
  void partiallyFailedAsTheSeedShowsIt() {
    var restore = VeleroSamples.restore("""
        phase: PartiallyFailed
        warnings: 1
        errors: 1
        startTimestamp: "2026-11-28T13:00:01Z"
        completionTimestamp: "2026-11-28T13:00:04Z"
        progress: {totalItems: 12, itemsRestored: 12}
        """);
    Results warnings = new Results().addNamespace("shop", WARNING);
    Results errors = new Results().addNamespace("migration-example", SEED_ERROR);
    String text = new RestoreDescription(restore).withResults(Fetched.of(new ResultsFile(warnings, errors))).text();
    assertThat(text).isEqualTo("""
        Name:         r1
        Namespace:    openshift-migration
        Labels:       <none>
        Annotations:  <none>

        Phase:  PartiallyFailed (run 'ferry restore logs r1' for more information)

        Warnings:
          Velero:     <none>
          Cluster:    <none>
          Namespaces:
            shop:  %s

        Errors:
          Velero:     <none>
          Cluster:    <none>
          Namespaces:
            migration-example:  %s
        """.formatted(WARNING, SEED_ERROR) + SPEC + """

        Started:    2026-11-28 13:00:01 +0000 UTC
        Completed:  2026-11-28 13:00:04 +0000 UTC

        Total items to be restored:  12
        Items restored:              12
        """);
  }

  @Test
  void severalMessagesAndNamespacesLineUp() {
    var restore = VeleroSamples.restore("""
        phase: Completed
        warnings: 4
        """);
    Results warnings = new Results()
        .addVelero("could not read the volume snapshot locations")
        .addVelero("second velero message")
        .addNamespace("shop", "first")
        .addNamespace("shop", "second")
        .addNamespace("migration-example", "third");
    String text = new RestoreDescription(restore)
        .withResults(Fetched.of(new ResultsFile(warnings, new Results()))).text();
    assertThat(text).contains("""
        Phase:  Completed

        Warnings:
          Velero:     could not read the volume snapshot locations
                      second velero message
          Cluster:    <none>
          Namespaces:
            migration-example:  third
            shop:               first
                                second

        Backup:  b1
        """);
  }

  @Test
  void clusterMessagesAndNoNamespaces() {
    var restore = VeleroSamples.restore("""
        phase: PartiallyFailed
        errors: 1
        """);
    Results errors = new Results().addCluster("error restoring persistentvolumes/pv-1: admission webhook denied it");
    String text = new RestoreDescription(restore).withResults(Fetched.of(new ResultsFile(new Results(), errors)))
        .text();
    assertThat(text).contains("""
        Errors:
          Velero:     <none>
          Cluster:    error restoring persistentvolumes/pv-1: admission webhook denied it
          Namespaces: <none>
        """).doesNotContain("Warnings:");
  }

  @Test
  void failedValidation() {
    var restore = VeleroSamples.restore("""
        phase: FailedValidation
        validationErrors:
        - "backup b1 was not found in the repository filesystem repository /srv/repo; check the name (ferry backup get) and the storage location"
        completionTimestamp: "2026-11-28T13:00:01Z"
        """);
    assertThat(new RestoreDescription(restore).text()).contains("""
        Phase:  FailedValidation

        Validation errors:  backup b1 was not found in the repository filesystem repository /srv/repo; check the name (ferry backup get) and the storage location

        Backup:  b1
        """).contains("""
        Started:    <n/a>
        Completed:  2026-11-28 13:00:01 +0000 UTC
        """);
  }

  @Test
  void failed() {
    var restore = VeleroSamples.restore("""
        phase: Failed
        failureReason: "backup b1 cannot be read: not a gzip stream"
        """);
    assertThat(new RestoreDescription(restore).text()).contains("""
        Phase:  Failed

        Failure reason:  backup b1 cannot be read: not a gzip stream

        Backup:  b1
        """);
  }

  @Test
  void detailsListTheRestoredResourcesWhenRecorded() {
    var restore = VeleroSamples.restore("phase: Completed\n");
    SortedMap<String, List<String>> list = new TreeMap<>();
    list.put("v1/ConfigMap", List.of("shop-moved/settings(created)", "shop-moved/flags(skipped)"));
    assertThat(new RestoreDescription(restore).withResourceList(Fetched.of(list)).text()).endsWith("""
        Resource List:
          v1/ConfigMap:
            - shop-moved/settings(created)
            - shop-moved/flags(skipped)
        """);
    assertThat(new RestoreDescription(restore).withResourceList(Fetched.failed("restores/r1/x is not in here"))
        .text()).endsWith("Resource List:  <error getting restore resource list: restores/r1/x is not in here>\n");
  }
}
