package dev.ferry.controller.volumes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.api.migration.migration.MigMigration;
import dev.ferry.api.migration.settings.MigrationController;
import dev.ferry.api.migration.volumes.DirectVolumeMigration;
import dev.ferry.api.migration.volumes.PvcToMigrate;
import dev.ferry.controller.FerryCrds;
import dev.ferry.testbed.Testbed;
import dev.ferry.testbed.TestbedExtension;
import dev.ferry.testsupport.MigrationRuns;
import dev.ferry.testsupport.PlanFixture;
import dev.ferry.volumes.mover.MoverTlsFiles;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.LoadBalancerIngressBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The pod launcher against real API servers: its Secret, Service and Jobs are accepted and shaped
 * as the mover needs (image, arguments, claim, TLS, node selector, super-privileged), the sender
 * waits for the receiver's address, and release removes everything. KWOK pods never run, so the
 * transfer itself is tested in-process and by `ferry mover` elsewhere; and a DVM whose volume is
 * not on this machine chooses this launcher and says why.
 */
@ExtendWith(TestbedExtension.class)
class JobVolumeLauncherIT {
  private static final String NS = PlanFixture.NS;

  @Test
  void createsTheTransferObjectsOnBothClusters(Testbed testbed) {
    KubernetesClient source = testbed.source().client();
    KubernetesClient destination = testbed.destination().client();
    FerryCrds.install(source);
    String s = UUID.randomUUID().toString().substring(0, 6);
    String app = "jobs-" + s;
    PersistentVolumeClaim sourceClaim = claim(source, app, "region=east");
    PersistentVolumeClaim targetClaim = claim(destination, app, "region=west");
    source.resource(Serialization.unmarshal("""
        apiVersion: migration.openshift.io/v1alpha1
        kind: MigrationController
        metadata: {name: migration-controller-%s, namespace: %s}
        spec: {migration_rsync_super_privileged: true}
        """.formatted(s, NS), MigrationController.class)).createOr(r -> r.update());
    MoverPodSettings settings = MoverPodSettings.read(source, NS);
    assertThat(settings.superPrivileged()).isTrue();

    PvcToMigrate pvc = new PvcToMigrate();
    pvc.setName("data");
    pvc.setNamespace(app);
    String name = TransferNames.of("dvm-" + s, app, "data");
    VolumeTransfer transfer = new VolumeTransfer("dvm-" + s + "/" + app + "/data/1", name, pvc, source, destination,
        sourceClaim, targetClaim, Optional.empty(), Optional.empty(), false, Optional.empty());
    JobVolumeLauncher launcher = new JobVolumeLauncher(new LibraryVolumeMover(), settings,
        Map.of("migration.openshift.io/migrated-by-migplan", "plan-" + s));

    TransferState waiting = launcher.poll(transfer);
    assertThat(waiting.phase()).isEqualTo(TransferState.Phase.PENDING);
    assertThat(waiting.message()).contains("external address");
    assertThat(destination.secrets().inNamespace(app).withName(name + "-tls").get().getData())
        .as("the destination holds only the receiver's key")
        .containsOnlyKeys(MoverTlsFiles.CA, MoverTlsFiles.RECEIVER_CERT, MoverTlsFiles.RECEIVER_KEY);
    Service service = destination.services().inNamespace(app).withName(name).get();
    assertThat(service.getSpec().getType()).as("the sender is on another cluster").isEqualTo("LoadBalancer");
    assertThat(service.getSpec().getPorts().get(0).getPort()).isEqualTo(MoverJobs.PORT);
    Job receiver = destination.batch().v1().jobs().inNamespace(app).withName(name + "-receiver").get();
    Container receiverContainer = receiver.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(receiverContainer.getArgs()).containsSequence("mover", "receive");
    assertThat(receiverContainer.getSecurityContext().getPrivileged()).isTrue();
    assertThat(receiver.getSpec().getTemplate().getSpec().getNodeSelector()).containsEntry("region", "west");
    assertThat(receiver.getMetadata().getLabels()).containsEntry("migration.openshift.io/migrated-by-migplan",
        "plan-" + s);
    assertThat(source.batch().v1().jobs().inNamespace(app).withName(name + "-sender").get())
        .as("no sender before the receiver has an address").isNull();

    // What a cloud's load-balancer controller does; the testbed has none.
    service.getStatus().getLoadBalancer().setIngress(java.util.List.of(new LoadBalancerIngressBuilder()
        .withIp("127.0.0.1").build()));
    destination.services().inNamespace(app).resource(service).updateStatus();

    TransferState started = launcher.poll(transfer);
    assertThat(started.finished()).isFalse();
    Job sender = source.batch().v1().jobs().inNamespace(app).withName(name + "-sender").get();
    Container senderContainer = sender.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(senderContainer.getArgs()).containsExactly("mover", "send", "--root", "/data", "--to",
        "127.0.0.1:" + MoverJobs.PORT, "--tls-dir", "/tls");
    assertThat(senderContainer.getImage()).isEqualTo(settings.image());
    assertThat(sender.getSpec().getTemplate().getSpec().getNodeSelector()).containsEntry("region", "east");
    assertThat(sender.getSpec().getTemplate().getSpec().getVolumes().get(0).getPersistentVolumeClaim().getClaimName())
        .isEqualTo("data");
    assertThat(source.secrets().inNamespace(app).withName(name + "-tls").get().getData())
        .as("the source holds only the sender's key")
        .containsOnlyKeys(MoverTlsFiles.CA, MoverTlsFiles.SENDER_CERT, MoverTlsFiles.SENDER_KEY)
        .containsEntry(MoverTlsFiles.CA, destination.secrets().inNamespace(app).withName(name + "-tls").get().getData()
            .get(MoverTlsFiles.CA));
    assertThat(launcher.poll(transfer).finished()).as("polling again changes nothing").isFalse();

    launcher.release(transfer);
    assertThat(source.batch().v1().jobs().inNamespace(app).withName(name + "-sender").get()).isNull();
    assertThat(destination.services().inNamespace(app).withName(name).get()).isNull();
    assertThat(destination.secrets().inNamespace(app).withName(name + "-tls").get()).isNull();
    assertThat(source.secrets().inNamespace(app).withName(name + "-tls").get()).isNull();
    source.resources(MigrationController.class).inNamespace(NS).withName("migration-controller-" + s).delete();
  }

  @Test
  void indirectByPodsStartsWithASnapshotJob(Testbed testbed) {
    KubernetesClient source = testbed.source().client();
    KubernetesClient destination = testbed.destination().client();
    String s = UUID.randomUUID().toString().substring(0, 6);
    String app = "snap-" + s;
    PersistentVolumeClaim sourceClaim = claim(source, app, "");
    PersistentVolumeClaim targetClaim = claim(destination, app, "");
    PvcToMigrate pvc = new PvcToMigrate();
    pvc.setName("data");
    pvc.setNamespace(app);
    String name = TransferNames.of("dvm-" + s, app, "data");
    var s3 = testbed.s3();
    VolumeTransfer.Repository repository = new VolumeTransfer.Repository(() -> {
      throw new AssertionError("pods, not the controller, use the repository");
    }, "volumes", Map.of("plan", "uid-" + s, "pvc", app + "/data"), NS + "/repo", () -> PodRepository.of(
        dev.ferry.objectstore.StorageLocation.aws(dev.ferry.objectstore.S3Settings.builder().bucket("volumes")
            .endpoint(s3.endpoint()).forcePathStyle(true).credentials(s3.accessKey(), s3.secretKey()).build())));
    VolumeTransfer transfer = new VolumeTransfer("dvm-" + s + "/" + app + "/data/1", name, pvc, source, destination,
        sourceClaim, targetClaim, Optional.empty(), Optional.empty(), false, Optional.of(repository));
    JobVolumeLauncher launcher = new JobVolumeLauncher(new LibraryVolumeMover(),
        new MoverPodSettings("ferry:test", false), Map.of());

    TransferState state = launcher.poll(transfer);
    assertThat(state.finished()).isFalse();
    Job snapshot = source.batch().v1().jobs().inNamespace(app).withName(name + "-snapshot").get();
    assertThat(snapshot.getSpec().getTemplate().getSpec().getContainers().get(0).getArgs())
        .containsSequence("--tag", "pvc=" + app + "/data").contains("--s3-path-style", s3.endpoint());
    assertThat(source.secrets().inNamespace(app).withName(name + "-repo").get().getData())
        .containsOnlyKeys("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY");
    assertThat(destination.batch().v1().jobs().inNamespace(app).withName(name + "-restore").get())
        .as("the restore waits for the snapshot").isNull();
    launcher.release(transfer);
    assertThat(source.batch().v1().jobs().inNamespace(app).withName(name + "-snapshot").get()).isNull();
    assertThat(source.secrets().inNamespace(app).withName(name + "-repo").get()).isNull();
  }

  @Test
  void aVolumeNotOnThisMachineGoesToPods(Testbed testbed, @org.junit.jupiter.api.io.TempDir Path repository) {
    KubernetesClient host = testbed.source().client();
    String s = UUID.randomUUID().toString().substring(0, 6);
    String app = "remote-" + s;
    // A statically provisioned volume whose directory is not on this machine (a node's local disk).
    PlanFixture.apply(host, """
        apiVersion: v1
        kind: PersistentVolume
        metadata: {name: node-disk-%1$s}
        spec:
          capacity: {storage: 1Gi}
          accessModes: [ReadWriteOnce]
          storageClassName: ""
          hostPath: {path: /var/lib/node-only-%1$s/disk, type: Directory}
          claimRef: {namespace: %2$s, name: data}
        ---
        apiVersion: v1
        kind: Namespace
        metadata: {name: %2$s}
        ---
        apiVersion: v1
        kind: PersistentVolumeClaim
        metadata: {name: data, namespace: %2$s}
        spec:
          accessModes: [ReadWriteOnce]
          storageClassName: ""
          volumeName: node-disk-%1$s
          resources: {requests: {storage: 1Gi}}
        """.formatted(s, app));
    host.persistentVolumeClaims().inNamespace(app).withName("data").waitUntilCondition(c -> c != null
        && c.getStatus() != null && "Bound".equals(c.getStatus().getPhase()), 60, TimeUnit.SECONDS);
    VolumeFixture.declarePlan(testbed, s, repository, app, "verify: false");

    try (var controller = VolumeFixture.controller(host, new LibraryVolumeMover())) {
      MigrationRuns.start(host, MigrationRuns.manifest("stage-" + s, s, "stage: true"));
      DirectVolumeMigration dvm = host.resources(DirectVolumeMigration.class).inNamespace(NS)
          .withName("stage-" + s + "-dvm").waitUntilCondition(d -> d != null && d.getStatus() != null
              && d.getStatus().conditions().has("LauncherSelected"), 90, TimeUnit.SECONDS);
      assertThat(dvm.getStatus().conditions().find("LauncherSelected")).get().satisfies(c -> {
        assertThat(c.getReason()).isEqualTo("job");
        assertThat(c.getMessage()).contains("source volume of " + app + "/data is not a hostPath/local directory");
      });
      String name = TransferNames.of(dvm.getMetadata().getUid(), app, "data");
      assertThat(testbed.destination().client().batch().v1().jobs().inNamespace(app).withName(name + "-receiver")
          .waitUntilCondition(j -> j != null, 30, TimeUnit.SECONDS).getSpec().getTemplate().getSpec().getVolumes()
          .get(0).getPersistentVolumeClaim().getClaimName()).isEqualTo("data");
      var migration = host.resources(MigMigration.class).inNamespace(NS).withName("stage-" + s).get();
      assertThat(migration.getStatus().getPhase()).as("waiting for the pods").isEqualTo("DirectVolumeMigrationCompleted");
      host.resource(migration).delete(); // its DVM goes with it (owner reference)
    }
  }

  @Test
  void aDestinationClaimThatBindsOnFirstUseIsNotWaitedFor(Testbed testbed, @org.junit.jupiter.api.io.TempDir Path repository) {
    KubernetesClient host = testbed.source().client();
    String s = UUID.randomUUID().toString().substring(0, 6);
    String app = "late-" + s;
    VolumeFixture.applicationWithVolume(host, app);
    testbed.destination().client().storage().v1().storageClasses().resource(
        new io.fabric8.kubernetes.api.model.storage.StorageClassBuilder().withNewMetadata().withName("late-" + s)
            .endMetadata().withProvisioner("kubernetes.io/host-path").withVolumeBindingMode("WaitForFirstConsumer")
            .build()).create();
    VolumeFixture.declarePlan(testbed, s, repository, app, "verify: false");
    host.resources(dev.ferry.api.migration.plan.MigPlan.class).inNamespace(NS).withName("plan-" + s).edit(p -> {
      p.getSpec().getPersistentVolumes().get(0).getSelection().setStorageClass("late-" + s);
      return p;
    });

    try (var controller = VolumeFixture.controller(host, new LibraryVolumeMover())) {
      MigrationRuns.start(host, MigrationRuns.manifest("stage-" + s, s, "stage: true"));
      DirectVolumeMigration dvm = host.resources(DirectVolumeMigration.class).inNamespace(NS)
          .withName("stage-" + s + "-dvm").waitUntilCondition(d -> d != null && d.getStatus() != null
              && d.getStatus().conditions().has("LauncherSelected"), 90, TimeUnit.SECONDS);
      assertThat(dvm.getStatus().conditions().find("LauncherSelected")).get().satisfies(c ->
          assertThat(c.getMessage()).contains("destination volume of " + app + "/data is not a hostPath/local"));
      assertThat(testbed.destination().client().persistentVolumeClaims().inNamespace(app).withName("data").get()
          .getSpec().getStorageClassName()).isEqualTo("late-" + s);
      host.resources(MigMigration.class).inNamespace(NS).withName("stage-" + s).delete();
    }
  }

  private static PersistentVolumeClaim claim(KubernetesClient client, String namespace, String nodeSelector) {
    PlanFixture.apply(client, """
        apiVersion: v1
        kind: Namespace
        metadata:
          name: %1$s
          annotations: {openshift.io/node-selector: "%2$s"}
        ---
        apiVersion: v1
        kind: PersistentVolumeClaim
        metadata: {name: data, namespace: %1$s}
        spec:
          accessModes: [ReadWriteOnce]
          resources: {requests: {storage: 1Gi}}
        """.formatted(namespace, nodeSelector));
    return client.persistentVolumeClaims().inNamespace(namespace).withName("data").waitUntilCondition(c ->
        c != null && c.getStatus() != null && "Bound".equals(c.getStatus().getPhase()), 60, TimeUnit.SECONDS);
  }
}
