package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.api.migration.volumes.PvcToMigrate;
import dev.ferry.controller.volumes.JobVolumeLauncher;
import dev.ferry.controller.volumes.LibraryVolumeMover;
import dev.ferry.controller.volumes.MoverJobs;
import dev.ferry.controller.volumes.MoverPodSettings;
import dev.ferry.controller.volumes.TransferNames;
import dev.ferry.controller.volumes.TransferState;
import dev.ferry.controller.volumes.VolumeTransfer;
import dev.ferry.testbed.NodeImages;
import dev.ferry.testbed.RealNode;
import dev.ferry.testbed.Testbed;
import dev.ferry.testbed.TestbedExtension;
import dev.ferry.testsupport.Await;
import dev.ferry.volumes.fs.TreeVerifier;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Job launcher on real pods: a receiver Job on the destination cluster's real node behind a
 * LoadBalancer Service, a sender Job on the source cluster's real node, both running Ferry's own
 * image ({@code ferry mover}), mutual TLS with each side holding only its key; the data arrives
 * complete (owners, modes, links) and the launcher follows the sender's progress from its log.
 * Also measures the same copy done in-process, for docs/volumes.md. A sender pod killed mid-copy
 * fails the attempt; the next attempt resumes, sending only what had not arrived.
 */
@ExtendWith(TestbedExtension.class)
class RealPodVolumeIT {
  private static final Duration POLL = Duration.ofMillis(250);
  private static final int LARGE = 48 * 1024 * 1024;
  private static final int SMALL_FILES = 300;
  /** Large enough that the sender is still copying when the test kills it. */
  private static final int RESUME_MIB = 768;

  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  void directTransferThroughSenderAndReceiverPods(Testbed testbed, @TempDir Path scratch) throws Exception {
    List<RealNode> nodes = testbed.realNodesOrSkip();
    nodes.forEach(RealNode::ferryImage);
    KubernetesClient source = testbed.source().client();
    KubernetesClient destination = testbed.destination().client();
    String ns = "pods-" + UUID.randomUUID().toString().substring(0, 6);
    confined(source, nodes.get(0), ns);
    confined(destination, nodes.get(1), ns);
    PersistentVolumeClaim sourceClaim = bound(source, ns);
    PersistentVolumeClaim targetClaim = bound(destination, ns);
    Path sourceDir = directory(source, sourceClaim);
    populate(sourceDir);

    VolumeTransfer transfer = transfer(ns, source, destination, sourceClaim, targetClaim);
    String name = transfer.objectName();
    JobVolumeLauncher launcher = new JobVolumeLauncher(new LibraryVolumeMover(),
        new MoverPodSettings(NodeImages.FERRY_IMAGE, false), Map.of("ferry.dev/test", "true"));

    Instant began = Instant.now();
    List<TransferState> seen = new ArrayList<>();
    TransferState state = pollUntil(launcher, transfer, TransferState::finished, seen);
    Duration byPods = Duration.between(began, Instant.now());
    assertThat(state.phase()).as("%s; states seen: %s", state.message(), seen).isEqualTo(TransferState.Phase.SUCCEEDED);
    assertThat(state.message()).as("the sender's summary line").contains("files");
    assertThat(seen).as("the launcher followed the pods").anyMatch(s -> s.phase() == TransferState.Phase.RUNNING);

    Pod sender = source.pods().inNamespace(ns).withLabel(MoverJobs.ROLE_LABEL, "sender").list().getItems().get(0);
    assertThat(sender.getSpec().getNodeName()).isEqualTo(nodes.get(0).name());
    Pod receiver = destination.pods().inNamespace(ns).withLabel(MoverJobs.ROLE_LABEL, "receiver").list().getItems()
        .get(0);
    assertThat(receiver.getSpec().getNodeName()).isEqualTo(nodes.get(1).name());
    assertThat(source.pods().inNamespace(ns).withName(sender.getMetadata().getName()).getLog())
        .contains("sent: ");
    Path targetDir = directory(destination, targetClaim);
    TreeVerifier.verify(sourceDir, targetDir);

    launcher.release(transfer);
    assertThat(destination.services().inNamespace(ns).withName(name).get()).isNull();

    // The same data, in-process (the launcher the controller picks when it sees both directories).
    Path inProcessTarget = Files.createDirectories(scratch.resolve("in-process"));
    Instant start = Instant.now();
    new LibraryVolumeMover().copy(sourceDir, inProcessTarget, p -> { });
    Duration inProcess = Duration.between(start, Instant.now());
    TreeVerifier.verify(sourceDir, inProcessTarget);
    System.out.printf("MEASURED direct transfer of %d MiB + %d small files: by pods %d ms (from the first poll, "
        + "pods scheduled and started), in-process %d ms%n", LARGE >> 20, SMALL_FILES, byPods.toMillis(),
        inProcess.toMillis());
  }

  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  void senderPodKilledMidCopyResumesWithoutResendingWhatArrived(Testbed testbed) throws Exception {
    List<RealNode> nodes = testbed.realNodesOrSkip();
    nodes.forEach(RealNode::ferryImage);
    KubernetesClient source = testbed.source().client();
    KubernetesClient destination = testbed.destination().client();
    String ns = "resume-" + UUID.randomUUID().toString().substring(0, 6);
    confined(source, nodes.get(0), ns);
    confined(destination, nodes.get(1), ns);
    PersistentVolumeClaim sourceClaim = bound(source, ns);
    PersistentVolumeClaim targetClaim = bound(destination, ns);
    Path sourceDir = directory(source, sourceClaim);
    byte[] block = new byte[1 << 20];
    Random random = new Random(11);
    try (var out = Files.newOutputStream(sourceDir.resolve("big.bin"))) {
      for (int i = 0; i < RESUME_MIB; i++) {
        random.nextBytes(block);
        out.write(block);
      }
    }
    JobVolumeLauncher launcher = new JobVolumeLauncher(new LibraryVolumeMover(),
        new MoverPodSettings(NodeImages.FERRY_IMAGE, false), Map.of("ferry.dev/test", "true"));
    VolumeTransfer transfer = transfer(ns, source, destination, sourceClaim, targetClaim);

    // Kill the sender once some data has arrived and before it is done.
    TransferState state = pollUntil(launcher, transfer,
        st -> st.finished() || (st.progress() != null && st.progress().bytesDone() >= (8L << 20)), new ArrayList<>());
    assertThat(state.finished()).as("the copy must still be running to be cut: %s", state.message()).isFalse();
    long doneWhenKilled = state.progress().bytesDone();
    source.pods().inNamespace(ns).withLabel(MoverJobs.ROLE_LABEL, "sender").withGracePeriod(0).delete();
    state = pollUntil(launcher, transfer, TransferState::finished, new ArrayList<>());
    assertThat(state.phase()).as(state.message()).isEqualTo(TransferState.Phase.FAILED);
    assertThat(state.message()).contains("sender Job");

    // A new attempt (what the DVM's backOffLimit does): new Jobs, same claims.
    launcher.release(transfer);
    for (KubernetesClient client : List.of(source, destination)) {
      client.pods().inNamespace(ns).withLabel(MoverJobs.TRANSFER_LABEL).informOnCondition(List::isEmpty)
          .get(3, TimeUnit.MINUTES);
    }
    state = pollUntil(launcher, transfer, TransferState::finished, new ArrayList<>());
    assertThat(state.phase()).as(state.message()).isEqualTo(TransferState.Phase.SUCCEEDED);
    assertThat(state.message()).as("killed after %d bytes", doneWhenKilled)
        .contains("the rest was already on the destination");
    TreeVerifier.verify(sourceDir, directory(destination, targetClaim));
    launcher.release(transfer);
  }

  /**
   * Indirect (repository) copy by pods: a snapshot Job on the source's real node uploads the volume
   * to the testbed's S3 server, a restore Job on the destination's downloads it. The pods are on the
   * nodes' bridges, which do not reach this machine's loopback: they reach S3 at the host's own
   * address (the node's address), as pods of a real cluster reach an object store beside it.
   */
  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  void indirectTransferThroughSnapshotAndRestorePods(Testbed testbed) throws Exception {
    List<RealNode> nodes = testbed.realNodesOrSkip();
    nodes.forEach(RealNode::ferryImage);
    KubernetesClient source = testbed.source().client();
    KubernetesClient destination = testbed.destination().client();
    String ns = "repo-" + UUID.randomUUID().toString().substring(0, 6);
    confined(source, nodes.get(0), ns);
    confined(destination, nodes.get(1), ns);
    PersistentVolumeClaim sourceClaim = bound(source, ns);
    PersistentVolumeClaim targetClaim = bound(destination, ns);
    Path sourceDir = directory(source, sourceClaim);
    byte[] large = new byte[4 << 20];
    new Random(5).nextBytes(large);
    Files.write(sourceDir.resolve("large.bin"), large);
    Path docs = Files.createDirectories(sourceDir.resolve("docs"));
    for (int i = 0; i < 40; i++) {
      Files.writeString(docs.resolve("file-" + i + ".txt"), "document " + i + "\n");
    }
    Files.setAttribute(docs.resolve("file-3.txt"), "unix:uid", 1234);

    var s3 = testbed.s3();
    String bucket = "pods-" + ns;
    s3.createBucket(bucket);
    String endpoint = s3.endpointFor(nodes.get(0).address());
    dev.ferry.controller.volumes.PodRepository repository = dev.ferry.controller.volumes.PodRepository.of(
        dev.ferry.objectstore.StorageLocation.aws(dev.ferry.objectstore.S3Settings.builder().bucket(bucket)
            .endpoint(endpoint).forcePathStyle(true).credentials(s3.accessKey(), s3.secretKey()).build()));
    PvcToMigrate pvc = new PvcToMigrate();
    pvc.setName("data");
    pvc.setNamespace(ns);
    VolumeTransfer transfer = new VolumeTransfer("dvm-" + ns + "/" + ns + "/data/1",
        TransferNames.of("dvm-" + ns, ns, "data"), pvc, source, destination, sourceClaim, targetClaim,
        Optional.empty(), Optional.empty(), false, Optional.of(new VolumeTransfer.Repository(() -> {
          throw new AssertionError("the pods, not this process, use the repository");
        }, "volumes", Map.of("plan", "uid-" + ns, "pvc", ns + "/data"), bucket, () -> repository)));
    JobVolumeLauncher launcher = new JobVolumeLauncher(new LibraryVolumeMover(),
        new MoverPodSettings(NodeImages.FERRY_IMAGE, false), Map.of("ferry.dev/test", "true"));

    Instant began = Instant.now();
    TransferState state = pollUntil(launcher, transfer, TransferState::finished, new ArrayList<>());
    Duration byPods = Duration.between(began, Instant.now());
    assertThat(state.phase()).as(state.message()).isEqualTo(TransferState.Phase.SUCCEEDED);
    Pod snapshot = source.pods().inNamespace(ns).withLabel(MoverJobs.ROLE_LABEL, "snapshot").list().getItems().get(0);
    assertThat(snapshot.getSpec().getNodeName()).isEqualTo(nodes.get(0).name());
    Pod restore = destination.pods().inNamespace(ns).withLabel(MoverJobs.ROLE_LABEL, "restore").list().getItems()
        .get(0);
    assertThat(restore.getSpec().getNodeName()).isEqualTo(nodes.get(1).name());
    TreeVerifier.verify(sourceDir, directory(destination, targetClaim));
    launcher.release(transfer);
    System.out.printf("MEASURED indirect transfer of 4 MiB + 40 small files through S3 at %s by pods: %d ms%n",
        endpoint, byPods.toMillis());
  }

  private static VolumeTransfer transfer(String ns, KubernetesClient source, KubernetesClient destination,
                                         PersistentVolumeClaim sourceClaim, PersistentVolumeClaim targetClaim) {
    PvcToMigrate pvc = new PvcToMigrate();
    pvc.setName("data");
    pvc.setNamespace(ns);
    return new VolumeTransfer("dvm-" + ns + "/" + ns + "/data/1", TransferNames.of("dvm-" + ns, ns, "data"), pvc,
        source, destination, sourceClaim, targetClaim, Optional.empty(), Optional.empty(), false, Optional.empty());
  }

  /**
   * Polls the launcher as the DirectVolumeMigration reconciler does (it has no watch to offer: the
   * state is read from the pods' reports) until {@code done} holds; the states before go to {@code seen}.
   * Within the test's {@code @Timeout}, a deadline names the last state seen.
   */
  private static TransferState pollUntil(JobVolumeLauncher launcher, VolumeTransfer transfer,
      Predicate<TransferState> done, List<TransferState> seen) {
    return Await.until("the transfer's pods", Duration.ofMinutes(8), POLL, () -> launcher.poll(transfer), done,
        seen::add);
  }

  private static void confined(KubernetesClient client, RealNode node, String name) {
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name)
        .addToLabels("ferry.dev/test", "true").endMetadata().build()).create();
    node.confine(name);
  }

  private static PersistentVolumeClaim bound(KubernetesClient client, String ns) {
    client.persistentVolumeClaims().inNamespace(ns).resource(new PersistentVolumeClaimBuilder().withNewMetadata()
        .withName("data").endMetadata().withNewSpec().withAccessModes("ReadWriteOnce").withNewResources()
        .addToRequests("storage", new Quantity("1Gi")).endResources().endSpec().build()).create();
    return client.persistentVolumeClaims().inNamespace(ns).withName("data").waitUntilCondition(c -> c != null
        && c.getStatus() != null && "Bound".equals(c.getStatus().getPhase()), 2, TimeUnit.MINUTES);
  }

  private static Path directory(KubernetesClient client, PersistentVolumeClaim claim) throws IOException {
    String path = client.persistentVolumes().withName(claim.getSpec().getVolumeName()).get().getSpec().getHostPath()
        .getPath();
    return Files.createDirectories(Path.of(path));
  }

  private static void populate(Path root) throws IOException {
    byte[] large = new byte[LARGE];
    new Random(7).nextBytes(large);
    Files.write(root.resolve("large.bin"), large);
    Path docs = Files.createDirectories(root.resolve("docs/nested"));
    for (int i = 0; i < SMALL_FILES; i++) {
      Files.writeString(docs.resolve("file-" + i + ".txt"), "document " + i + "\n".repeat(i % 50));
    }
    Files.createSymbolicLink(root.resolve("latest"), Path.of("large.bin"));
    Path key = Files.writeString(root.resolve("secret.key"), "not really a key");
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
    Files.setAttribute(key, "unix:uid", 1234);
    Files.setAttribute(key, "unix:gid", 5678);
  }
}
