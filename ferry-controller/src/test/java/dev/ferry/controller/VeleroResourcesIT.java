package dev.ferry.controller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.api.velero.backup.Backup;
import dev.ferry.api.velero.backup.BackupPhase;
import dev.ferry.api.velero.location.BackupStorageLocation;
import dev.ferry.api.velero.location.BackupStorageLocationPhase;
import dev.ferry.api.velero.restore.Restore;
import dev.ferry.api.velero.restore.RestorePhase;
import dev.ferry.testbed.LocalCluster;
import dev.ferry.testbed.Testbed;
import dev.ferry.testbed.TestbedExtension;
import dev.ferry.testsupport.BackupLocations;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Velero's CRs, processed by Ferry's controller: a storage location is validated for real, a
 * Backup on the source and a Restore on the destination (each cluster with its own controller,
 * sharing one repository) move a namespace.
 */
@ExtendWith(TestbedExtension.class)
class VeleroResourcesIT {
  private static final String NS = FerryOperator.DEFAULT_NAMESPACE;

  @Test
  void backupOnSourceRestoreOnDestinationThroughCustomResources(Testbed testbed, @TempDir Path repository) {
    LocalCluster source = testbed.source();
    LocalCluster destination = testbed.destination();
    FerryCrds.install(source.client());
    FerryCrds.install(destination.client());
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    String app = "orders-" + suffix;
    source.client().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(app).endMetadata().build())
        .create();
    source.client().configMaps().inNamespace(app).resource(new ConfigMapBuilder().withNewMetadata()
        .withName("settings").endMetadata().addToData("currency", "EUR").build()).create();

    try (FerryOperator onSource = new FerryOperator(source.client(), NS, Clock.systemUTC()).start();
         FerryOperator onDestination = new FerryOperator(destination.client(), NS, Clock.systemUTC()).start()) {
      String location = "repo-" + suffix;
      for (KubernetesClient client : new KubernetesClient[] {source.client(), destination.client()}) {
        BackupLocations.filesystem(client, location, repository, "validationFrequency: 30s");
        BackupLocations.awaitAvailable(client, location);
      }

      source.client().resource(Serialization.unmarshal("""
          apiVersion: velero.io/v1
          kind: Backup
          metadata: {name: b-%s, namespace: %s, labels: {app.kubernetes.io/part-of: migration}}
          spec:
            includedNamespaces: [%s]
            storageLocation: %s
            ttl: 720h0m0s
          """.formatted(suffix, NS, app, location), Backup.class)).create();
      Backup backup = source.client().resources(Backup.class).inNamespace(NS).withName("b-" + suffix)
          .waitUntilCondition(b -> b.getStatus() != null && b.getStatus().getCompletionTimestamp() != null,
              120, TimeUnit.SECONDS);
      assertThat(backup.getStatus().getPhase()).as("%s", backup.getStatus().getFailureReason())
          .isEqualTo(BackupPhase.COMPLETED);
      assertThat(backup.getStatus().getProgress().getItemsBackedUp()).isGreaterThanOrEqualTo(2);
      assertThat(backup.getStatus().getExpiration()).isNotBlank();

      destination.client().resource(Serialization.unmarshal("""
          apiVersion: velero.io/v1
          kind: Restore
          metadata: {name: r-%s, namespace: %s}
          spec:
            backupName: b-%s
            restorePVs: true
            namespaceMapping: {%s: %s-restored}
          """.formatted(suffix, NS, suffix, app, app), Restore.class)).create();
      // The Backup CR lives on the source; the destination's restore falls back to the default location.
      Restore restore = destination.client().resources(Restore.class).inNamespace(NS).withName("r-" + suffix)
          .waitUntilCondition(r -> r.getStatus() != null && r.getStatus().getCompletionTimestamp() != null,
              120, TimeUnit.SECONDS);
      assertThat(restore.getStatus().getPhase()).isEqualTo(RestorePhase.FAILED_VALIDATION);
      assertThat(restore.getStatus().getValidationErrors().get(0)).contains("no default BackupStorageLocation");

      destination.client().resources(BackupStorageLocation.class).inNamespace(NS).withName(location)
          .edit(l -> { l.getSpec().setDefaultLocation(true); return l; });
      destination.client().resource(Serialization.unmarshal("""
          apiVersion: velero.io/v1
          kind: Restore
          metadata: {name: r2-%s, namespace: %s}
          spec:
            backupName: b-%s
            namespaceMapping: {%s: %s-restored}
          """.formatted(suffix, NS, suffix, app, app), Restore.class)).create();
      Restore second = destination.client().resources(Restore.class).inNamespace(NS).withName("r2-" + suffix)
          .waitUntilCondition(r -> r.getStatus() != null && r.getStatus().getCompletionTimestamp() != null,
              120, TimeUnit.SECONDS);
      assertThat(second.getStatus().getPhase()).isEqualTo(RestorePhase.COMPLETED);
      assertThat(destination.client().configMaps().inNamespace(app + "-restored").withName("settings").get().getData())
          .containsEntry("currency", "EUR");
    }
  }

  @Test
  void unreachableStorageMakesTheLocationUnavailableWithTheReason(Testbed testbed) {
    LocalCluster source = testbed.source();
    FerryCrds.install(source.client());
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    source.client().resource(new SecretBuilder().withNewMetadata().withName("creds-" + suffix).withNamespace(NS)
        .endMetadata().addToStringData("cloud", "[default]\naws_access_key_id=AKIAEXAMPLE\n"
            + "aws_secret_access_key=very-secret-value\n").build()).create();
    int closedPort = dev.ferry.testbed.LoopbackPorts.next();
    try (FerryOperator operator = new FerryOperator(source.client(), NS, Clock.systemUTC()).start()) {
      BackupLocations.s3(source.client(), "broken-" + suffix, "replication", "http://127.0.0.1:" + closedPort,
          "creds-" + suffix, "");
      BackupStorageLocation location = source.client().resources(BackupStorageLocation.class).inNamespace(NS)
          .withName("broken-" + suffix).waitUntilCondition(l -> l.getStatus() != null && l.getStatus().getPhase() != null,
              60, TimeUnit.SECONDS);
      assertThat(location.getStatus().getPhase()).isEqualTo(BackupStorageLocationPhase.UNAVAILABLE);
      assertThat(location.getStatus().getMessage()).contains("cannot reach").doesNotContain("very-secret-value");
    }
  }
}
