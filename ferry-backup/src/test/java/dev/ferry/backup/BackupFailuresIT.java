package dev.ferry.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.api.velero.backup.BackupPhase;
import dev.ferry.api.velero.backup.BackupStatus;
import dev.ferry.api.velero.restore.RestorePhase;
import dev.ferry.api.velero.restore.RestoreStatus;
import dev.ferry.backup.backup.Backupper;
import dev.ferry.backup.format.BackupLayout;
import dev.ferry.backup.model.ResultsFile;
import dev.ferry.backup.restore.RestoreOptions;
import dev.ferry.backup.restore.Restorer;
import dev.ferry.objectstore.FilesystemObjectStore;
import dev.ferry.objectstore.ObjectStore;
import dev.ferry.objectstore.S3ObjectStore;
import dev.ferry.objectstore.S3Settings;
import dev.ferry.testbed.LocalCluster;
import dev.ferry.testbed.LocalS3;
import dev.ferry.testbed.LoopbackPorts;
import dev.ferry.testbed.Testbed;
import dev.ferry.testbed.TestbedExtension;
import dev.ferry.testsupport.CraftedTarball;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input ends with a clear status and nothing half-written on the destination that the
 * results do not name: missing backups and namespaces, corrupt, truncated and hostile
 * tarballs, unreachable or unauthorized storage, custom resources without their CRD.
 */
@ExtendWith(TestbedExtension.class)
class BackupFailuresIT {

  @Test
  void missingNamespaceFailsValidation(Testbed testbed, @TempDir Path repo) {
    try (ObjectStore store = new FilesystemObjectStore(repo)) {
      BackupStatus status = new Backupper(testbed.source().client(), store, Clock.systemUTC())
          .run(BackupRestoreIT.backup("nope-" + suffix(), "no-such-namespace"), s -> { });
      assertThat(status.getPhase()).isEqualTo(BackupPhase.FAILED_VALIDATION);
      assertThat(status.getValidationErrors()).containsExactly(
          "namespace no-such-namespace does not exist on the source cluster; fix includedNamespaces");
    }
  }

  @Test
  void missingBackupFailsValidation(Testbed testbed, @TempDir Path repo) {
    try (ObjectStore store = new FilesystemObjectStore(repo)) {
      RestoreStatus status = restorer(testbed.destination(), store)
          .run(BackupRestoreIT.restore("r-" + suffix(), "never-taken", Map.of()), s -> { });
      assertThat(status.getPhase()).isEqualTo(RestorePhase.FAILED_VALIDATION);
      assertThat(status.getValidationErrors().get(0)).startsWith("backup never-taken was not found in the repository");
    }
  }

  @Test
  void corruptTruncatedAndHostileTarballsFailWithoutTouchingTheDestination(Testbed testbed, @TempDir Path repo)
      throws Exception {
    String s = suffix();
    String ns = "victim-" + s;
    LocalCluster source = testbed.source();
    source.client().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
        .create();
    for (int i = 0; i < 30; i++) {
      source.client().configMaps().inNamespace(ns).resource(new ConfigMapBuilder().withNewMetadata()
          .withName("cm-" + i).endMetadata().addToData("k", "v".repeat(200)).build()).create();
    }
    try (ObjectStore store = new FilesystemObjectStore(repo)) {
      String good = "good-" + s;
      assertThat(new Backupper(source.client(), store, Clock.systemUTC()).run(BackupRestoreIT.backup(good, ns),
          x -> { }).getPhase()).isEqualTo(BackupPhase.COMPLETED);
      byte[] tarball = store.getBytes(BackupLayout.ROOT.backupTarball(good));
      byte[] metadata = store.getBytes(BackupLayout.ROOT.backupMetadata(good));

      Map<String, byte[]> broken = Map.of(
          "corrupt", "this is not gzip at all".getBytes(StandardCharsets.UTF_8),
          "truncated", java.util.Arrays.copyOf(tarball, tarball.length / 2),
          "hostile", hostileTarball());
      for (var entry : broken.entrySet()) {
        String name = entry.getKey() + "-" + s;
        store.put(BackupLayout.ROOT.backupTarball(name), entry.getValue());
        store.put(BackupLayout.ROOT.backupMetadata(name), metadata);
        RestoreStatus status = restorer(testbed.destination(), store)
            .run(BackupRestoreIT.restore("r-" + name, name, Map.of(ns, ns + "-" + entry.getKey())), x -> { });
        assertThat(status.getPhase()).as(entry.getKey()).isEqualTo(RestorePhase.FAILED);
        assertThat(status.getFailureReason()).as(entry.getKey()).startsWith("backup " + name + " cannot be read: ");
        assertThat(testbed.destination().client().namespaces().withName(ns + "-" + entry.getKey()).get())
            .as("nothing restored from the %s tarball", entry.getKey()).isNull();
      }
      assertThat(repo.getParent().resolve("escaped.json")).doesNotExist();
      assertThat(Path.of("/tmp/ferry-escaped.json")).doesNotExist();
    }
  }

  @Test
  void customResourceWithoutItsCrdIsAnErrorUnderItsNamespaceAndTheRestIsRestored(Testbed testbed, @TempDir Path repo) {
    String s = suffix();
    String ns = "gadgets-" + s;
    String group = "g" + s + ".ferry-test.example.com";
    KubernetesClient client = testbed.source().client();
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build()).create();
    SampleApplication.apply(client, List.of("""
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata: {name: gadgets.%1$s}
        spec:
          group: %1$s
          scope: Namespaced
          names: {kind: Gadget, plural: gadgets}
          versions:
          - name: v1
            served: true
            storage: true
            schema: {openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}}
        """.formatted(group)));
    client.apiextensions().v1().customResourceDefinitions().withName("gadgets." + group).waitUntilCondition(c ->
        c.getStatus() != null && c.getStatus().getConditions() != null && c.getStatus().getConditions().stream()
            .anyMatch(x -> "Established".equals(x.getType()) && "True".equals(x.getStatus())), 60, TimeUnit.SECONDS);
    SampleApplication.apply(client, List.of("""
        apiVersion: %s/v1
        kind: Gadget
        metadata: {name: migration-example, namespace: %s}
        spec: {size: 1}
        """.formatted(group, ns), """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: plain, namespace: %s}
        data: {a: b}
        """.formatted(ns)));
    try (ObjectStore store = new FilesystemObjectStore(repo)) {
      var backup = BackupRestoreIT.backup("b-" + s, ns);
      // As when the CRD is excluded or differs: the destination does not serve the kind.
      backup.getSpec().setExcludedResources(List.of("customresourcedefinitions.apiextensions.k8s.io"));
      assertThat(new Backupper(client, store, Clock.systemUTC()).run(backup, x -> { }).getPhase())
          .isEqualTo(BackupPhase.COMPLETED);
      RestoreStatus status = restorer(testbed.destination(), store)
          .run(BackupRestoreIT.restore("r-" + s, "b-" + s, Map.of()), x -> { });
      assertThat(status.getPhase()).isEqualTo(RestorePhase.PARTIALLY_FAILED);
      assertThat(status.getErrors()).isEqualTo(1);
      ResultsFile results = ResultsFile.read(new ByteArrayInputStream(
          store.getBytes(BackupLayout.ROOT.restoreResults("r-" + s))));
      assertThat(results.errors().namespaces().get(ns)).singleElement().asString()
          .isEqualTo("error restoring gadgets." + group + "/" + ns
              + "/migration-example: the server could not find the requested resource");
      assertThat(testbed.destination().client().configMaps().inNamespace(ns).withName("plain").get()).isNotNull();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void unreachableAndUnauthorizedStorageFailTheBackupWithTheReason(Testbed testbed) {
    String s = suffix();
    String ns = "store-" + s;
    KubernetesClient client = testbed.source().client();
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build()).create();
    LocalS3 s3 = testbed.s3();
    S3Settings base = S3Settings.builder().bucket("bucket-" + s).region(LocalS3.REGION).forcePathStyle(true)
        .endpoint(s3.endpoint()).credentials(s3.accessKey(), s3.secretKey()).build();
    try (ObjectStore unreachable = new S3ObjectStore(base.toBuilder()
        .endpoint("http://127.0.0.1:" + LoopbackPorts.next()).build())) {
      BackupStatus status = new Backupper(client, unreachable, Clock.systemUTC())
          .run(BackupRestoreIT.backup("b1-" + s, ns), x -> { });
      assertThat(status.getPhase()).isEqualTo(BackupPhase.FAILED);
      assertThat(status.getFailureReason()).contains("cannot reach");
    }
    try (ObjectStore unauthorized = new S3ObjectStore(base.toBuilder()
        .credentials(s3.accessKey(), "wrong-secret-value").build())) {
      BackupStatus status = new Backupper(client, unauthorized, Clock.systemUTC())
          .run(BackupRestoreIT.backup("b2-" + s, ns), x -> { });
      assertThat(status.getPhase()).isEqualTo(BackupPhase.FAILED);
      assertThat(status.getFailureReason()).contains("credentials").doesNotContain("wrong-secret-value")
          .doesNotContain(s3.secretKey());
    }
  }

  /** A tarball whose entries try to escape the extraction directory. */
  private static byte[] hostileTarball() {
    String evil = "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"x\"}}";
    return CraftedTarball.velero()
        .file("resources/configmaps/namespaces/x/../../../../../../ferry-escaped.json", evil)
        .file("/tmp/ferry-escaped.json", evil)
        .bytes();
  }

  private static Restorer restorer(LocalCluster destination, ObjectStore store) {
    return new Restorer(destination.client(), store, Clock.systemUTC(), RestoreOptions.none());
  }

  private static String suffix() {
    return UUID.randomUUID().toString().substring(0, 6);
  }

}
