package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.api.Crds;
import dev.ferry.api.migration.volumes.DirectVolumeMigration;
import dev.ferry.api.migration.volumes.DirectVolumeMigrationProgress;
import dev.ferry.controller.cluster.ClusterClients;
import dev.ferry.controller.storage.MigStorageLocations;
import dev.ferry.controller.volumes.DirectVolumeMigrationReconciler;
import dev.ferry.controller.volumes.InProcessVolumeLauncher;
import dev.ferry.controller.volumes.LauncherChoice;
import dev.ferry.controller.volumes.LibraryVolumeMover;
import dev.ferry.controller.volumes.MoverJobs;
import dev.ferry.volumes.mover.MoverTlsFiles;
import dev.ferry.controller.volumes.ProgressReports;
import dev.ferry.testbed.RealNode;
import dev.ferry.testbed.Testbed;
import dev.ferry.testbed.TestbedExtension;
import dev.ferry.testsupport.PlanFixture;
import dev.ferry.volumes.fs.TreeVerifier;
import io.fabric8.kubernetes.api.model.LimitRangeBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.Operator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A DirectVolumeMigration reconciled by the controller's own reconciler, with its data moved by
 * transfer pods on the testbed's real nodes ({@value LauncherChoice#ANNOTATION}=job, since the
 * testbed's volumes are also visible in-process): the receiver Job on the destination, the sender
 * Job on the source, each cluster's Secret holding only its side's key; the
 * DirectVolumeMigrationProgress follows the sender pod's reports; the sender pod is killed
 * mid-copy, the DVM's next attempt ({@code backOffLimit}) resumes, and the destination volume ends
 * identical to the source.
 */
@ExtendWith(TestbedExtension.class)
class RealPodMigrationIT {
  private static final String NS = PlanFixture.NS;
  /** Large enough that the sender is still copying when the test kills it. */
  private static final int MIB = 256;
  private static final long KILL_AFTER = 48L << 20;

  @Test
  @Timeout(value = 12, unit = TimeUnit.MINUTES)
  void directVolumeMigrationThroughTransferPodsSurvivesAKilledSender(Testbed testbed) throws Exception {
    List<RealNode> nodes = testbed.realNodesOrSkip();
    nodes.forEach(RealNode::ferryImage);
    KubernetesClient host = testbed.source().client();
    KubernetesClient destination = testbed.destination().client();
    String s = UUID.randomUUID().toString().substring(0, 6);
    String app = "dvm-" + s;
    confined(host, nodes.get(0), app);
    confined(destination, nodes.get(1), app);
    // The sender gets a tenth of a core (a LimitRange default), so the copy lasts long enough to be
    // cut however fast and quiet the machine is (at half a core a quiet machine finished the copy
    // before the kill landed); the receiver is not limited.
    host.resource(new LimitRangeBuilder().withNewMetadata().withName("slow-sender").withNamespace(app).endMetadata()
        .withNewSpec().addNewLimit().withType("Container").addToDefault("cpu", new Quantity("100m")).endLimit()
        .endSpec().build()).create();
    Path sourceDir = directory(host, bound(host, app));
    populate(sourceDir);
    new CrdInstaller(host).install(Crds.definitions(), 60);
    host.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build())
        .createOr(NonDeletingOperation::update);
    PlanFixture.declare(host, testbed.destination(), s, Path.of("/unused"), app, "");

    try (Controller controller = Controller.start(host)) {
      runAndCheck(host, destination, nodes, s, app, sourceDir);
    } finally {
      // Another test of this JVM may run a whole controller on this cluster: leave it no DVM.
      host.resources(DirectVolumeMigration.class).inNamespace(NS).withName("dvm-" + s).delete();
    }
    host.namespaces().withName(app).delete();
    destination.namespaces().withName(app).delete();
  }

  private static void runAndCheck(KubernetesClient host, KubernetesClient destination, List<RealNode> nodes,
                                  String s, String app, Path sourceDir) throws Exception {
    {
      host.resource(Serialization.unmarshal("""
          apiVersion: migration.openshift.io/v1alpha1
          kind: DirectVolumeMigration
          metadata:
            name: dvm-%1$s
            namespace: %2$s
            annotations: {%3$s: job}
          spec:
            srcMigClusterRef: {name: host-%1$s, namespace: %2$s}
            destMigClusterRef: {name: dest-%1$s, namespace: %2$s}
            createDestinationNamespaces: true
            backOffLimit: 2
            persistentVolumeClaims:
            - {name: data, namespace: %4$s, targetNamespace: %4$s, targetName: data, targetStorageClass: standard,
               targetAccessModes: [ReadWriteOnce]}
          """.formatted(s, NS, LauncherChoice.ANNOTATION, app), DirectVolumeMigration.class)).create();
      var dvms = host.resources(DirectVolumeMigration.class).inNamespace(NS).withName("dvm-" + s);
      var reports = host.resources(DirectVolumeMigrationProgress.class).inNamespace(NS);

      // The progress report follows the sender pod's log; kill the pod once a good part arrived
      // (what the sender has read is ahead of what the receiver has written and journaled).
      DirectVolumeMigrationProgress running = reports.informOnCondition(list -> list.stream().anyMatch(p ->
              bytesDone(p) >= KILL_AFTER && p.getStatus() != null && "Running".equals(p.getStatus().getPhase())))
          .get(6, TimeUnit.MINUTES).stream().filter(p -> bytesDone(p) >= KILL_AFTER).findFirst().orElseThrow();
      String transfer = running.getMetadata().getName();
      assertThat(running.getSpec().getPvcRef().getName()).isEqualTo("data");
      assertThat(running.getStatus().getPodName()).startsWith(transfer + "-sender");
      assertThat(dvms.get().getStatus().conditions().find("LauncherSelected")).get()
          .satisfies(c -> assertThat(c.getMessage()).contains("transfer pods").contains(LauncherChoice.ANNOTATION));
      Pod sender = host.pods().inNamespace(app).withLabel(MoverJobs.ROLE_LABEL, "sender").list().getItems().get(0);
      Pod receiver = destination.pods().inNamespace(app).withLabel(MoverJobs.ROLE_LABEL, "receiver").list()
          .getItems().get(0);
      assertThat(sender.getSpec().getNodeName()).isEqualTo(nodes.get(0).name());
      // MTC's stage pod label: the seed's manual rollback finds every pod holding a volume by it.
      assertThat(sender.getMetadata().getLabels()).containsEntry(MoverJobs.STAGE_POD_LABEL, "true");
      assertThat(receiver.getMetadata().getLabels()).containsEntry(MoverJobs.STAGE_POD_LABEL, "true");
      assertThat(receiver.getSpec().getNodeName()).isEqualTo(nodes.get(1).name());
      Secret senderSide = host.secrets().inNamespace(app).withName(transfer + "-tls").get();
      Secret receiverSide = destination.secrets().inNamespace(app).withName(transfer + "-tls").get();
      assertThat(senderSide.getData()).containsKeys(MoverTlsFiles.CA, MoverTlsFiles.SENDER_KEY)
          .doesNotContainKey(MoverTlsFiles.RECEIVER_KEY);
      assertThat(receiverSide.getData()).containsKeys(MoverTlsFiles.CA, MoverTlsFiles.RECEIVER_KEY)
          .doesNotContainKey(MoverTlsFiles.SENDER_KEY);
      long doneWhenKilled = bytesDone(running);
      host.pods().inNamespace(app).withName(sender.getMetadata().getName()).withGracePeriod(0).delete();

      DirectVolumeMigration done = dvms.waitUntilCondition(d -> d.getStatus() != null && Set.of("Succeeded", "Failed")
          .contains(d.getStatus().getPhase()), 8, TimeUnit.MINUTES);
      assertThat(done.getStatus().getPhase()).as("%s", done.getStatus().getErrors()).isEqualTo("Succeeded");
      assertThat(done.getStatus().getRsyncOperations().get(0).getCurrentAttempt())
          .as("the killed sender failed the first attempt").isEqualTo(2);
      DirectVolumeMigrationProgress report = reports.withName(transfer).get();
      assertThat(report.getStatus().getPhase()).isEqualTo("Succeeded");
      assertThat(report.getStatus().getTotalProgressPercentage()).isEqualTo("100%");
      assertThat(report.getStatus().getLogMessage()).as("killed after %d bytes", doneWhenKilled)
          .contains("the rest was already on the destination");
      assertThat(Long.parseLong(report.getMetadata().getAnnotations().get(ProgressReports.BYTES_TOTAL)))
          .isGreaterThanOrEqualTo((long) MIB << 20);

      PersistentVolumeClaim target = destination.persistentVolumeClaims().inNamespace(app).withName("data").get();
      TreeVerifier.verify(sourceDir, directory(destination, target));
      // Released: no Job, Service or Secret of the transfer is left on either cluster.
      assertThat(host.batch().v1().jobs().inNamespace(app).withLabel(MoverJobs.TRANSFER_LABEL).list().getItems())
          .isEmpty();
      assertThat(destination.services().inNamespace(app).withName(transfer).get()).isNull();
      assertThat(destination.secrets().inNamespace(app).withName(transfer + "-tls").get()).isNull();
    }
  }

  private static long bytesDone(DirectVolumeMigrationProgress p) {
    Map<String, String> a = p.getMetadata().getAnnotations();
    return a == null || !a.containsKey(ProgressReports.BYTES_DONE) ? 0 : Long.parseLong(a.get(ProgressReports.BYTES_DONE));
  }

  static void confined(KubernetesClient client, RealNode node, String name) {
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name)
        .addToLabels("ferry.dev/test", "true").endMetadata().build()).create();
    node.confine(name);
  }

  static PersistentVolumeClaim bound(KubernetesClient client, String ns) {
    client.persistentVolumeClaims().inNamespace(ns).resource(new PersistentVolumeClaimBuilder().withNewMetadata()
        .withName("data").endMetadata().withNewSpec().withAccessModes("ReadWriteOnce").withStorageClassName("standard")
        .withNewResources().addToRequests("storage", new Quantity("1Gi")).endResources().endSpec().build()).create();
    return client.persistentVolumeClaims().inNamespace(ns).withName("data").waitUntilCondition(c -> c != null
        && c.getStatus() != null && "Bound".equals(c.getStatus().getPhase()), 2, TimeUnit.MINUTES);
  }

  static Path directory(KubernetesClient client, PersistentVolumeClaim claim) throws IOException {
    String path = client.persistentVolumes().withName(claim.getSpec().getVolumeName()).get().getSpec().getHostPath()
        .getPath();
    return Files.createDirectories(Path.of(path));
  }

  private static void populate(Path root) throws IOException {
    byte[] block = new byte[1 << 20];
    Random random = new Random(13);
    try (var out = Files.newOutputStream(root.resolve("big.bin"))) {
      for (int i = 0; i < MIB; i++) {
        random.nextBytes(block);
        out.write(block);
      }
    }
    Path docs = Files.createDirectories(root.resolve("docs"));
    for (int i = 0; i < 50; i++) {
      Files.writeString(docs.resolve("file-" + i + ".txt"), "document " + i + "\n");
    }
    Files.setAttribute(docs.resolve("file-1.txt"), "unix:uid", 1234);
  }

  /** The volume reconciler on the host cluster, as the controller runs it. */
  record Controller(Operator operator, ClusterClients clusters, InProcessVolumeLauncher inProcess)
      implements AutoCloseable {
    static Controller start(KubernetesClient host) {
      Operator operator = new Operator(o -> o.withKubernetesClient(host).withCloseClientOnStop(false));
      ClusterClients clusters = new ClusterClients(host);
      MigStorageLocations storages = new MigStorageLocations(host);
      LibraryVolumeMover mover = new LibraryVolumeMover();
      InProcessVolumeLauncher inProcess = new InProcessVolumeLauncher(mover, 2);
      operator.register(new DirectVolumeMigrationReconciler(clusters, storages::open, mover, inProcess,
          Clock.systemUTC()), c -> c.settingNamespaces(Set.of(NS)));
      operator.start();
      return new Controller(operator, clusters, inProcess);
    }

    @Override
    public void close() {
      operator.stop();
      inProcess.close();
      clusters.close();
    }
  }
}
