package dev.ferry.backup.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DefaultExclusionsTest {

  @Test
  void backupExclusionsFollowTheSpec() {
    assertThat(DefaultExclusions.BACKUP).extracting(GroupResource::qualified).contains(
        "events", "events.events.k8s.io", "imagetags.image.openshift.io",
        "templateinstances.template.openshift.io",
        "clusterserviceversions.operators.coreos.com",
        "packagemanifests.packages.operators.coreos.com", "subscriptions.operators.coreos.com",
        "operatorgroups.operators.coreos.com", "servicebrokers.servicecatalog.k8s.io",
        "serviceinstances.servicecatalog.k8s.io", "servicebindings.servicecatalog.k8s.io",
        "serviceclasses.servicecatalog.k8s.io", "serviceplans.servicecatalog.k8s.io",
        "backups.velero.io", "restores.velero.io", "resticrepositories.velero.io");
    assertThat(DefaultExclusions.excludedFromBackup(GroupResource.parse("deployments.apps")))
        .isFalse();
  }

  @Test
  void neverRestoredIncludesNodesAndTheBackupExclusions() {
    assertThat(DefaultExclusions.NEVER_RESTORE).containsAll(DefaultExclusions.BACKUP);
    assertThat(DefaultExclusions.neverRestored(GroupResource.core("nodes"))).isTrue();
    assertThat(DefaultExclusions.neverRestored(GroupResource.core("pods"))).isFalse();
  }
}
