package dev.ferry.controller.volumes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.volumes.TransferProgress;
import dev.ferry.volumes.mover.MoverLogLine;
import dev.ferry.volumes.mover.TransferSummary;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The small pure parts: launcher choice, names, node selectors, summaries, local directories. */
class VolumeModelTest {

  @Test
  void inProcessOnlyWhenEveryVolumeIsLocal(@TempDir Path dir) {
    var local = new LauncherChoice.Located("shop/data", Optional.of(dir.resolve("a")), Optional.of(dir.resolve("b")));
    var remoteTarget = new LauncherChoice.Located("shop/logs", Optional.of(dir.resolve("c")), Optional.empty());

    LauncherChoice both = LauncherChoice.of(List.of(local));
    assertThat(both.inProcess()).isTrue();
    assertThat(both.launcherName()).isEqualTo("in-process");
    assertThat(both.reason()).contains(dir.resolve("a").toString());

    LauncherChoice mixed = LauncherChoice.of(List.of(local, remoteTarget));
    assertThat(mixed.inProcess()).isFalse();
    assertThat(mixed.launcherName()).isEqualTo("job");
    assertThat(mixed.reason()).contains("destination volume of shop/logs");
  }

  @Test
  void theAnnotationAsksForPodsEvenForLocalVolumesAndRejectsUnknownLaunchers(@TempDir Path dir) {
    var local = new LauncherChoice.Located("shop/data", Optional.of(dir.resolve("a")), Optional.of(dir.resolve("b")));
    LauncherChoice pods = LauncherChoice.of(List.of(local), "job");
    assertThat(pods.inProcess()).isFalse();
    assertThat(pods.reason()).contains(LauncherChoice.ANNOTATION + "=job");
    assertThat(LauncherChoice.of(List.of(local), " auto ").inProcess()).isTrue();
    assertThat(LauncherChoice.of(List.of(local), "").inProcess()).isTrue();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> LauncherChoice.of(List.of(local), "rsync"))
        .isInstanceOf(InvalidTransferException.class).hasMessageContaining("=rsync names no launcher")
        .hasMessageContaining("'job'");
  }

  @Test
  void transferPodsTakeTheMigrationsIdentity() {
    MoverPodSettings defaults = new MoverPodSettings("ferry:0.1.0", false);
    var spec = new dev.ferry.api.migration.migration.MigMigrationSpec();
    assertThat(MigrationIdentity.apply(defaults, spec)).isEqualTo(defaults);
    assertThat(MigrationIdentity.apply(defaults, null)).isEqualTo(defaults);
    spec.setRunAsUser(1000650000L);
    spec.setRunAsGroup(1000650000L);
    MoverPodSettings asUser = MigrationIdentity.apply(defaults, spec);
    assertThat(asUser.runAsUser()).isEqualTo(1000650000L);
    assertThat(asUser.runAsGroup()).isEqualTo(1000650000L);
    assertThat(asUser.fsGroup()).isEqualTo(1000650000L);
    var job = new MoverJobs("data-1", asUser, java.util.Map.of()).receiver("shop", "data", java.util.Map.of());
    var pod = job.getSpec().getTemplate().getSpec();
    assertThat(pod.getSecurityContext().getFsGroup()).isEqualTo(1000650000L);
    assertThat(pod.getContainers().get(0).getSecurityContext().getRunAsUser()).isEqualTo(1000650000L);
    assertThat(pod.getContainers().get(0).getSecurityContext().getRunAsNonRoot()).isTrue();
    spec.setRunAsRoot(true);
    MoverPodSettings root = MigrationIdentity.apply(defaults, spec);
    assertThat(root.superPrivileged()).isTrue();
    assertThat(root.runAsUser()).isNull();
  }

  @Test
  void transferNamesAreShortStableAndDistinct() {
    String a = TransferNames.of("uid-1", "shop", "Data_Volume.With.A.Very-Long-Name-Indeed-Yes");
    assertThat(a).matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?").hasSizeLessThanOrEqualTo(39);
    assertThat(TransferNames.of("uid-1", "shop", "Data_Volume.With.A.Very-Long-Name-Indeed-Yes")).isEqualTo(a);
    assertThat(TransferNames.of("uid-2", "shop", "Data_Volume.With.A.Very-Long-Name-Indeed-Yes")).isNotEqualTo(a);
    assertThat(TransferNames.of("uid-1", "other", "data")).startsWith("data-");
  }

  @Test
  void nodeSelectorAnnotation() {
    var namespace = new NamespaceBuilder().withNewMetadata().withName("shop")
        .addToAnnotations(NodeSelectors.NAMESPACE_ANNOTATION, "region=east, zone=a,broken").endMetadata().build();
    assertThat(NodeSelectors.parse(NodeSelectors.annotation(namespace)))
        .containsExactly(java.util.Map.entry("region", "east"), java.util.Map.entry("zone", "a"));
    assertThat(NodeSelectors.parse(null)).isEmpty();
  }

  @Test
  void summarySaysHowMuchWasSent() {
    var progress = new TransferProgress(10 * 1024 * 1024, 10 * 1024 * 1024, 12, 12, 1024, Duration.ofSeconds(90));
    assertThat(TransferSummary.of(progress, true)).isEqualTo("Completed: 12 files, 10.0 MiB (10485760 B); sent "
        + "1.0 KiB (1024 B), the rest was already on the destination; verified");
    assertThat(TransferSummary.duration(Duration.ofSeconds(3725))).isEqualTo("1h2m5s");
    assertThat(TransferSummary.rate(1536)).isEqualTo("1.5 KiB/s");
  }

  @Test
  void moverLogLinesCarryTheExactNumbers() {
    var progress = new TransferProgress(3_145_728, 7_340_032, 3, 10, 3_150_000, Duration.ofSeconds(3));
    String line = MoverLogLine.format("sending", progress);
    assertThat(line).startsWith("sending: 42% (3.0 MiB of 7.0 MiB), 1.0 MiB/s, 4s left [");
    assertThat(MoverLogLine.parse(line)).contains(progress);
    assertThat(MoverLogLine.last(List.of(line, "sent: Completed", "noise"))).contains(progress);
    assertThat(MoverLogLine.last(List.of("receiver not listening yet; retrying"))).isEmpty();
  }

  @Test
  void localDirectoryOfHostPathAndLocalVolumes(@TempDir Path dir) throws Exception {
    Path existing = Files.createDirectory(dir.resolve("pv-1"));
    assertThat(LocalVolumeDirectory.of(hostPath(existing.toString(), null))).contains(existing);
    assertThat(LocalVolumeDirectory.of(hostPath(dir.resolve("not-yet").toString(), "DirectoryOrCreate")))
        .contains(dir.resolve("not-yet"));
    assertThat(LocalVolumeDirectory.of(hostPath(dir.resolve("missing").toString(), "Directory"))).isEmpty();
    assertThat(LocalVolumeDirectory.of(hostPath("/no/such/parent/dir", null))).isEmpty();
    PersistentVolume local = new PersistentVolumeBuilder().withNewSpec().withNewLocal().withPath(existing.toString())
        .endLocal().endSpec().build();
    assertThat(LocalVolumeDirectory.of(local)).contains(existing);
    PersistentVolume nfs = new PersistentVolumeBuilder().withNewSpec().withNewNfs().withServer("nfs").withPath("/x")
        .endNfs().endSpec().build();
    assertThat(LocalVolumeDirectory.of(nfs)).isEmpty();
  }

  private static PersistentVolume hostPath(String path, String type) {
    return new PersistentVolumeBuilder().withNewSpec().withNewHostPath().withPath(path).withType(type)
        .endHostPath().endSpec().build();
  }
}
