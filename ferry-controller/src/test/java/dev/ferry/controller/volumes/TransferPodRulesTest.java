package dev.ferry.controller.volumes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.volumes.direct.MigrationCertificates;
import dev.ferry.volumes.mover.MoverTlsFiles;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The launcher's rules for its pods: per-side keys, identity, placement, and when Pending is too long. */
class TransferPodRulesTest {
  private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

  @Test
  void eachSideGetsOnlyItsOwnKey() {
    Map<String, String> all = MoverTlsFiles.of(MigrationCertificates.mint("m-1"));
    assertThat(MoverTlsFiles.receiverSide(all)).containsOnlyKeys(MoverTlsFiles.CA, MoverTlsFiles.RECEIVER_CERT,
        MoverTlsFiles.RECEIVER_KEY);
    assertThat(MoverTlsFiles.senderSide(all)).containsOnlyKeys(MoverTlsFiles.CA, MoverTlsFiles.SENDER_CERT,
        MoverTlsFiles.SENDER_KEY);
    assertThat(MoverTlsFiles.senderSide(all).get(MoverTlsFiles.SENDER_KEY)).isEqualTo(all.get(MoverTlsFiles.SENDER_KEY));
  }

  @Test
  void podsRunAsTheMigrationsIdentity() {
    MoverJobs jobs = new MoverJobs("data-1", new MoverPodSettings("ferry:test", false).withIdentity(1000L, 3000L,
        2000L), Map.of());
    var pod = jobs.sender("shop", "data", Map.of(), "x").getSpec().getTemplate().getSpec();
    var container = pod.getContainers().get(0).getSecurityContext();
    assertThat(container.getRunAsUser()).isEqualTo(1000L);
    assertThat(container.getRunAsGroup()).isEqualTo(3000L);
    assertThat(container.getRunAsNonRoot()).isTrue();
    assertThat(container.getCapabilities().getDrop()).containsExactly("ALL");
    assertThat(pod.getSecurityContext().getFsGroup()).isEqualTo(2000L);
    var root = new MoverJobs("data-1", new MoverPodSettings("ferry:test", false), Map.of())
        .sender("shop", "data", Map.of(), "x").getSpec().getTemplate().getSpec();
    assertThat(root.getContainers().get(0).getSecurityContext().getRunAsUser()).isZero();
    assertThat(root.getSecurityContext()).isNull();
  }

  @Test
  void senderFollowsARunningPodOfAReadWriteOnceClaim() {
    Pod app = pod("web-1", "node-b", "Running", "data", Map.of("app", "web"));
    Pod otherClaim = pod("db-1", "node-c", "Running", "other", Map.of());
    Pod finished = pod("job-1", "node-d", "Succeeded", "data", Map.of());
    Pod transfer = pod("data-1-sender-x", "node-e", "Running", "data", Map.of(MoverJobs.TRANSFER_LABEL, "data-1"));
    assertThat(SenderPlacement.nodeOf(List.of(otherClaim, finished, transfer, app), "data")).hasValue("node-b");
    assertThat(SenderPlacement.nodeOf(List.of(otherClaim, finished), "data")).isEmpty();
    assertThat(SenderPlacement.readWriteOnce(claim("ReadWriteOnce"))).isTrue();
    assertThat(SenderPlacement.readWriteOnce(claim("ReadWriteMany"))).isFalse();
  }

  @Test
  void podPendingLongerThanTheLimitIsNamedWithTheSchedulersReason() {
    Pod pending = new PodBuilder(pod("data-1-receiver-x", null, "Pending", "data", Map.of()))
        .editMetadata().withNamespace("shop").withCreationTimestamp(NOW.minus(Duration.ofMinutes(11)).toString())
        .endMetadata().editStatus().addNewCondition().withType("PodScheduled").withStatus("False")
        .withMessage("0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector.").endCondition()
        .endStatus().build();
    var stuck = PendingTransferPods.stuck(pending, "destination", NOW, Duration.ofMinutes(10));
    assertThat(stuck).hasValueSatisfying(p -> assertThat(PendingTransferPods.message(List.of(p))).isEqualTo(
        "Some or all transfer pods are not running for more than 10 mins on destination cluster: pod "
            + "shop/data-1-receiver-x is Pending (0/3 nodes are available: 3 node(s) didn't match Pod's node "
            + "affinity/selector.); check the namespace's node selector (openshift.io/node-selector) against the "
            + "nodes' labels, the claim's node and the image"));
    assertThat(PendingTransferPods.stuck(pending, "destination", NOW, Duration.ofMinutes(12))).isEmpty();
    Pod running = new PodBuilder(pending).editStatus().withPhase("Running").endStatus().build();
    assertThat(PendingTransferPods.stuck(running, "destination", NOW, Duration.ofMinutes(1))).isEmpty();
  }

  @Test
  void stuckPodsOfBothClustersAreNamedPerCluster() {
    Pod sender = new PodBuilder(pod("data-1-sender-y", null, "Pending", "data", Map.of())).editMetadata()
        .withNamespace("shop").withCreationTimestamp(NOW.minus(Duration.ofSeconds(40)).toString()).endMetadata()
        .editStatus().addNewContainerStatus().withName("mover").withNewState().withNewWaiting()
        .withReason("ErrImageNeverPull").withMessage("image ferry:0.1.0 is not present").endWaiting().endState()
        .endContainerStatus().endStatus().build();
    Pod receiver = new PodBuilder(sender).editMetadata().withName("data-1-receiver-x").endMetadata()
        .editStatus().withContainerStatuses().endStatus().build();
    Duration limit = Duration.ofSeconds(30);
    var stuck = java.util.stream.Stream.of(PendingTransferPods.stuck(sender, "source", NOW, limit),
        PendingTransferPods.stuck(receiver, "destination", NOW, limit)).flatMap(java.util.Optional::stream).toList();
    assertThat(PendingTransferPods.message(stuck))
        .startsWith("Some or all transfer pods are not running for more than 30 s on destination cluster: pod "
            + "shop/data-1-receiver-x is Pending; Some or all transfer pods are not running for more than 30 s on "
            + "source cluster: pod shop/data-1-sender-y is Pending (ErrImageNeverPull: image ferry:0.1.0 is not "
            + "present); check");
    assertThat(PendingTransferPods.message(List.of())).isEmpty();
  }

  @Test
  void settingsComeFromTheMigrationController() {
    var spec = new dev.ferry.api.migration.settings.MigrationControllerSpec();
    spec.setTransferPodPendingTimeout("1m30s");
    spec.setMoverImage("registry.example/ferry:2");
    spec.setMigrationRsyncSuperPrivileged(true);
    MoverPodSettings settings = MoverPodSettings.from(spec);
    assertThat(settings.pendingLimit()).isEqualTo(Duration.ofSeconds(90));
    assertThat(settings.image()).isEqualTo("registry.example/ferry:2");
    assertThat(settings.superPrivileged()).isTrue();
    assertThat(MoverPodSettings.pendingLimit("0s")).as("zero would flag every pod").isEqualTo(Duration.ofMinutes(10));
    assertThat(MoverPodSettings.from(null).superPrivileged()).isFalse();
  }

  private static Pod pod(String name, String node, String phase, String claim, Map<String, String> labels) {
    return new PodBuilder().withNewMetadata().withName(name).withLabels(labels).endMetadata()
        .withNewSpec().withNodeName(node).addNewVolume().withName("v").withNewPersistentVolumeClaim()
        .withClaimName(claim).endPersistentVolumeClaim().endVolume().endSpec()
        .withNewStatus().withPhase(phase).endStatus().build();
  }

  private static io.fabric8.kubernetes.api.model.PersistentVolumeClaim claim(String mode) {
    return new PersistentVolumeClaimBuilder().withNewMetadata().withName("data").endMetadata().withNewSpec()
        .withAccessModes(mode).endSpec().build();
  }
}
