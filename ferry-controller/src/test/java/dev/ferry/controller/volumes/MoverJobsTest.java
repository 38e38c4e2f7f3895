package dev.ferry.controller.volumes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.objectstore.S3Settings;
import dev.ferry.objectstore.StorageLocation;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MoverJobsTest {
  private static final Map<String, String> LABELS = Map.of("migration.openshift.io/migrated-by-migplan", "plan-uid");

  @Test
  void receiverAndSenderRunFerryMoverOnTheClaim() {
    MoverJobs jobs = new MoverJobs("data-1a2b3c4d", new MoverPodSettings("ferry:test", false), LABELS);
    Job receiver = jobs.receiver("shop", "data", Map.of("region", "east"));
    Container container = receiver.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(container.getImage()).isEqualTo("ferry:test");
    assertThat(container.getArgs()).containsExactly("mover", "receive", "--root", "/data", "--listen",
        "0.0.0.0:7443", "--tls-dir", "/tls");
    assertThat(container.getSecurityContext().getPrivileged()).isNull();
    assertThat(container.getSecurityContext().getRunAsUser()).isZero();
    assertThat(receiver.getSpec().getTemplate().getSpec().getNodeSelector()).containsEntry("region", "east");
    var volumes = receiver.getSpec().getTemplate().getSpec().getVolumes();
    assertThat(volumes.get(0).getPersistentVolumeClaim().getClaimName()).isEqualTo("data");
    assertThat(volumes.get(1).getSecret().getSecretName()).isEqualTo("data-1a2b3c4d-tls");
    assertThat(receiver.getSpec().getTemplate().getMetadata().getLabels())
        .containsEntry(MoverJobs.ROLE_LABEL, "receiver").containsAllEntriesOf(LABELS)
        .as("MTC's manual rollback deletes the pods that hold a volume by this label")
        .containsEntry(MoverJobs.STAGE_POD_LABEL, "true");
    assertThat(receiver.getMetadata().getLabels()).doesNotContainKey(MoverJobs.STAGE_POD_LABEL);

    Job sender = jobs.sender("shop", "data", Map.of(), "10.0.0.7");
    assertThat(sender.getSpec().getTemplate().getSpec().getContainers().get(0).getArgs())
        .containsExactly("mover", "send", "--root", "/data", "--to", "10.0.0.7:7443", "--tls-dir", "/tls");
    assertThat(sender.getSpec().getTemplate().getSpec().getNodeSelector()).isNull();
    assertThat(sender.getSpec().getBackoffLimit()).isZero();
  }

  @Test
  void superPrivilegedPods() {
    MoverJobs jobs = new MoverJobs("data-1", new MoverPodSettings("ferry:test", true), LABELS);
    var context = jobs.sender("shop", "data", Map.of(), "x").getSpec().getTemplate().getSpec().getContainers().get(0)
        .getSecurityContext();
    assertThat(context.getPrivileged()).isTrue();
    assertThat(context.getRunAsUser()).isZero();
    assertThat(context.getSeLinuxOptions().getType()).isEqualTo("spc_t");
  }

  @Test
  void snapshotAndRestoreJobsReachAnS3Repository() {
    PodRepository repository = PodRepository.of(StorageLocation.aws(S3Settings.builder().bucket("backups")
        .prefix("ferry/").endpoint("https://s3.example:9000").forcePathStyle(true).credentials("AKID", "SECRET")
        .build()));
    assertThat(repository.toString()).doesNotContain("SECRET");
    MoverJobs jobs = new MoverJobs("data-1", new MoverPodSettings("ferry:test", false), LABELS);
    Map<String, String> tags = new java.util.LinkedHashMap<>();
    tags.put("plan", "uid-1");
    tags.put("pvc", "shop/data");
    Job snapshot = jobs.snapshot("shop", "data", Map.of(), repository, tags);
    Container container = snapshot.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(container.getArgs()).containsExactly("mover", "snapshot", "--root", "/data", "--tag", "plan=uid-1",
        "--tag", "pvc=shop/data", "--repository", "s3://backups/ferry", "--s3-endpoint", "https://s3.example:9000",
        "--s3-region", "us-east-1", "--s3-path-style");
    assertThat(container.getEnvFrom().get(0).getSecretRef().getName()).isEqualTo("data-1-repo");
    assertThat(snapshot.getSpec().getTemplate().getSpec().getVolumes()).hasSize(1);
    assertThat(jobs.restore("shop-new", "data", Map.of(), repository, tags).getSpec().getTemplate().getSpec()
        .getContainers().get(0).getArgs()).startsWith("mover", "restore", "--snapshot", "latest", "--root", "/data");
    assertThat(jobs.repositorySecret("shop", repository.environment()).getStringData())
        .containsEntry("AWS_ACCESS_KEY_ID", "AKID").containsEntry("AWS_SECRET_ACCESS_KEY", "SECRET");
  }

  @Test
  void podsCannotReachAFilesystemRepository() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> PodRepository.of(StorageLocation.filesystem("/srv/repo")))
        .isInstanceOf(PodRepository.UnreachableException.class).hasMessageContaining("use an S3 MigStorage");
  }

  @Test
  void serviceIsALoadBalancerOnlyAcrossClusters() {
    MoverJobs jobs = new MoverJobs("data-1", new MoverPodSettings("ferry:test", false), LABELS);
    assertThat(jobs.service("shop", false).getSpec().getType()).isEqualTo("LoadBalancer");
    assertThat(jobs.service("shop", true).getSpec().getType()).isEqualTo("ClusterIP");
    assertThat(jobs.service("shop", true).getSpec().getSelector()).containsEntry(MoverJobs.ROLE_LABEL, "receiver");
  }
}
