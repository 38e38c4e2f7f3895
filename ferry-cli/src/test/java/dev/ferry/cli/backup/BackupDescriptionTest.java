package dev.ferry.cli.backup;

import dev.ferry.cli.VeleroSamples;
import dev.ferry.cli.kube.Fetched;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.backup.format.ResourceListFile;
import dev.ferry.backup.model.Results;
import dev.ferry.backup.model.ResultsFile;
import org.junit.jupiter.api.Test;

/** {@code ferry backup describe} renders Velero's layout, character for character. */
class BackupDescriptionTest {

  private static final String SPEC_AND_TIMES = """

      Namespaces:
        Included:  shop
        Excluded:  <none>

      Resources:
        Included:        *
        Excluded:        <none>
        Cluster-scoped:  auto

      Label selector:  <none>

      Storage Location:  default

      TTL:  720h0m0s

      Started:    2026-11-28 12:00:00 +0000 UTC
      Completed:  2026-11-28 12:00:03 +0000 UTC

      Expiration:  2026-12-28 12:00:00 +0000 UTC
      """;

  @Test
  void completed() {
    var backup = VeleroSamples.backup("""
        phase: Completed
        errors: 0
        warnings: 0
        startTimestamp: "2026-11-28T12:00:00Z"
        completionTimestamp: "2026-11-28T12:00:03Z"
        expiration: "2026-12-28T12:00:00Z"
        progress: {totalItems: 40, itemsBackedUp: 40}
        """);
    assertThat(new BackupDescription(backup).text()).isEqualTo("""
        Name:         b1
        Namespace:    openshift-migration
        Labels:       <none>
        Annotations:  <none>

        Phase:  Completed

        Errors:    0
        Warnings:  0
        """ + SPEC_AND_TIMES + """

        Total items to be backed up:  40
        Items backed up:              40
        """);
  }

  @Test
  void partiallyFailedWithDetailsListsResourcesAndErrors() {
    var backup = VeleroSamples.backup("""
        phase: PartiallyFailed
        errors: 2
        warnings: 0
        startTimestamp: "2026-11-28T12:00:00Z"
        completionTimestamp: "2026-11-28T12:00:03Z"
        expiration: "2026-12-28T12:00:00Z"
        progress: {totalItems: 3, itemsBackedUp: 3}
        """);
    backup.getMetadata().setLabels(java.util.Map.of("migmigration", "4f3e", "app", "shop"));
    ResourceListFile resources = new ResourceListFile();
    resources.add("v1", "ConfigMap", "shop", "settings");
    resources.add("v1", "ConfigMap", "shop", "flags");
    resources.add("v1", "Namespace", null, "shop");
    Results errors = new Results()
        .addNamespace("shop", "error listing widgets.example.com: the server could not find the requested resource")
        .addNamespace("shop", "error listing gadgets.example.com: forbidden");
    String text = new BackupDescription(backup)
        .withDetails(Fetched.of(resources), Fetched.of(new ResultsFile(new Results(), errors))).text();
    assertThat(text).isEqualTo("""
        Name:         b1
        Namespace:    openshift-migration
        Labels:       app=shop
                      migmigration=4f3e
        Annotations:  <none>

        Phase:  PartiallyFailed (run 'ferry backup logs b1' for more information)

        Errors:    2
        Warnings:  0
        """ + SPEC_AND_TIMES + """

        Total items to be backed up:  3
        Items backed up:              3

        Resource List:
          v1/ConfigMap:
            - shop/flags
            - shop/settings
          v1/Namespace:
            - shop

        Errors:
          Velero:     <none>
          Cluster:    <none>
          Namespaces:
            shop:  error listing widgets.example.com: the server could not find the requested resource
                   error listing gadgets.example.com: forbidden
        """);
  }

  @Test
  void failedValidationListsEveryProblem() {
    var backup = VeleroSamples.backup("""
        phase: FailedValidation
        validationErrors:
        - namespace shop does not exist on the source cluster; fix includedNamespaces
        - namespace web does not exist on the source cluster; fix includedNamespaces
        startTimestamp: "2026-11-28T12:00:00Z"
        completionTimestamp: "2026-11-28T12:00:00Z"
        """);
    assertThat(new BackupDescription(backup).text()).contains("""
        Phase:  FailedValidation

        Validation errors:  namespace shop does not exist on the source cluster; fix includedNamespaces
                            namespace web does not exist on the source cluster; fix includedNamespaces

        Errors:    0
        Warnings:  0
        """).contains("""
        Started:    2026-11-28 12:00:00 +0000 UTC
        Completed:  2026-11-28 12:00:00 +0000 UTC

        Expiration:  <n/a>
        """).doesNotContain("Total items");
  }

  @Test
  void failedShowsTheReason() {
    var backup = VeleroSamples.backup("""
        phase: Failed
        failureReason: "cannot write the backup tarball: No space left on device"
        startTimestamp: "2026-11-28T12:00:00Z"
        completionTimestamp: "2026-11-28T12:00:01Z"
        """);
    assertThat(new BackupDescription(backup).text()).contains("""
        Phase:  Failed

        Failure reason:  cannot write the backup tarball: No space left on device

        Errors:    0
        """);
  }

  @Test
  void detailsSayWhatCouldNotBeRead() {
    var backup = VeleroSamples.backup("""
        phase: PartiallyFailed
        errors: 1
        """);
    String text = new BackupDescription(backup).withDetails(Fetched.failed("no default BackupStorageLocation"),
        Fetched.failed("no default BackupStorageLocation")).text();
    assertThat(text).endsWith("""
        Resource List:  <error getting backup resource list: no default BackupStorageLocation>

        Warnings:  <error getting warnings: no default BackupStorageLocation>

        Errors:  <error getting errors: no default BackupStorageLocation>
        """);
  }

  @Test
  void newBackupHasNoStatusYet() {
    var backup = VeleroSamples.backup("{}");
    backup.setStatus(null);
    assertThat(new BackupDescription(backup).text()).contains("Phase:  New\n")
        .contains("Started:    <n/a>\nCompleted:  <n/a>\n");
  }
}
