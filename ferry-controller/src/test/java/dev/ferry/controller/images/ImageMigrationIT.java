package dev.ferry.controller.images;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.api.common.Category;
import dev.ferry.api.common.Condition;
import dev.ferry.api.migration.images.DirectImageMigration;
import dev.ferry.api.migration.migration.MigMigration;
import dev.ferry.api.migration.plan.MigPlan;
import dev.ferry.api.migration.plan.MigPlanStatus;
import dev.ferry.controller.FerryCrds;
import dev.ferry.controller.cluster.ClusterClients;
import dev.ferry.controller.migration.MigrationReconciler;
import dev.ferry.images.RegistryClient;
import dev.ferry.images.RegistryEndpoint;
import dev.ferry.objectstore.FilesystemObjectStore;
import dev.ferry.testbed.LocalCluster;
import dev.ferry.testbed.Testbed;
import dev.ferry.testbed.TestbedExtension;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.Operator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cutover of an application whose Deployment runs an image of the source's internal registry:
 * afterwards the restored Deployment references the destination's registry, where the image is,
 * with the same digest — directly, or through the replication repository.
 */
@ExtendWith(TestbedExtension.class)
class ImageMigrationIT {
  private static final String NS = ImageFixture.NS;

  @Test
  void cutoverMovesInternalImagesDirectly(Testbed testbed, @TempDir Path repository) {
    Migrated m = cutover(testbed, repository, false);
    DirectImageMigration dim = testbed.source().client().resources(DirectImageMigration.class).inNamespace(NS)
        .withName(m.migration().getMetadata().getName() + "-images").get();
    assertThat(dim.getStatus().getPhase()).isEqualTo("Completed");
    assertThat(dim.getStatus().getSuccessfulISs()).hasSize(1);
    // What moved: the image's blob bytes, all accounted for, on the DIM and in the migration's DirectImage step.
    assertThat(dim.getStatus().getBytesTotal()).isPositive().isEqualTo(dim.getStatus().getBytesDone());
    assertThat(m.migration().getStatus().getPipeline()).filteredOn(step -> "DirectImage".equals(step.getName()))
        .singleElement().satisfies(step -> {
          assertThat(step.getBytesTotal()).isEqualTo(dim.getStatus().getBytesTotal());
          assertThat(step.getBytesDone()).isEqualTo(step.getBytesTotal());
          assertThat(step.getProgress()).singleElement().asString().endsWith(": completed");
        });
  }

  @Test
  void indirectImageMigrationGoesThroughTheRepository(Testbed testbed, @TempDir Path repository) throws Exception {
    Migrated m = cutover(testbed, repository, true);
    assertThat(testbed.source().client().resources(DirectImageMigration.class).inNamespace(NS)
        .withName(m.migration().getMetadata().getName() + "-images").get()).isNull();
    try (Stream<Path> files = Files.walk(repository.resolve(ImageMovers.ARCHIVE_PREFIX))) {
      assertThat(files.anyMatch(p -> p.getFileName().toString().equals(m.digest().substring(7)))).isTrue();
    }
  }

  private record Migrated(MigMigration migration, String digest) {
  }

  private Migrated cutover(Testbed testbed, Path repository, boolean indirect) {
    LocalCluster source = testbed.source();
    LocalCluster destination = testbed.destination();
    KubernetesClient host = source.client();
    FerryCrds.install(host);
    String s = UUID.randomUUID().toString().substring(0, 6);
    String app = "imgshop-" + s;
    String appDest = app + "-d";
    String srcRegistry = source.registry().orElseThrow().hostPort();
    String dstRegistry = destination.registry().orElseThrow().hostPort();
    host.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(app).endMetadata().build()).create();
    String digest = RegistryImages.push(srcRegistry, app + "/web", "v1");
    ImageFixture.imageStream(host, srcRegistry, app, "web", "v1", digest);
    ImageFixture.apply(host, """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: %1$s}
        spec:
          replicas: 1
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers:
              - {name: web, image: "%2$s/%1$s/web@%3$s"}
              - {name: sidecar, image: "quay.example/tools/proxy:1"}
        """.formatted(app, srcRegistry, digest));
    ImageFixture.declareClusters(host, source, destination, s);
    ImageFixture.apply(host, """
        apiVersion: migration.openshift.io/v1alpha1
        kind: MigStorage
        metadata: {name: repo-%1$s, namespace: %2$s}
        spec:
          backupStorageProvider: filesystem
          backupStorageConfig: {filesystemPath: %3$s}
        ---
        apiVersion: migration.openshift.io/v1alpha1
        kind: MigPlan
        metadata: {name: plan-%1$s, namespace: %2$s}
        spec:
          srcMigClusterRef: {name: host-%1$s, namespace: %2$s}
          destMigClusterRef: {name: dest-%1$s, namespace: %2$s}
          migStorageRef: {name: repo-%1$s, namespace: %2$s}
          namespaces: ["%4$s:%5$s"]
          indirectImageMigration: %6$s
        """.formatted(s, NS, repository, app, appDest, indirect));
    MigPlan plan = host.resources(MigPlan.class).inNamespace(NS).withName("plan-" + s).get();
    plan.setStatus(new MigPlanStatus());
    plan.getStatus().setConditions(List.of(Condition.of(Condition.READY, Category.REQUIRED, null,
        "The migration plan is ready.")));
    plan.getStatus().getConditions().get(0).setLastTransitionTime("2026-01-01T00:00:00Z");
    host.resource(plan).updateStatus();

    Operator operator = new Operator(o -> o.withKubernetesClient(host).withCloseClientOnStop(false));
    try (ClusterClients clusters = new ClusterClients(host)) {
      operator.register(new MigrationReconciler(clusters,
          storage -> new FilesystemObjectStore(Path.of(storage.getSpec().getBackupStorageConfig().getFilesystemPath())),
          Clock.systemUTC()), c -> c.settingNamespaces(Set.of(NS)));
      operator.register(new DirectImageMigrationReconciler(clusters, Clock.systemUTC()),
          c -> c.settingNamespaces(Set.of(NS)));
      operator.register(new DirectImageStreamMigrationReconciler(clusters, Clock.systemUTC()),
          c -> c.settingNamespaces(Set.of(NS)));
      operator.start();
      MigMigration migration = Serialization.unmarshal("""
          apiVersion: migration.openshift.io/v1alpha1
          kind: MigMigration
          metadata: {name: cutover-%1$s, namespace: %2$s}
          spec:
            stage: false
            quiescePods: false
            migPlanRef: {name: plan-%1$s, namespace: %2$s}
          """.formatted(s, NS), MigMigration.class);
      host.resource(migration).create();
      MigMigration done = host.resources(MigMigration.class).inNamespace(NS).withName(migration.getMetadata().getName())
          .waitUntilCondition(x -> x.getStatus() != null && Set.of("Completed", "Failed")
              .contains(x.getStatus().getPhase()), 180, TimeUnit.SECONDS);

      assertThat(done.getStatus().getPhase()).as("%s", done.getStatus().getErrors()).isEqualTo("Completed");
      assertThat(done.getStatus().getPipeline()).anySatisfy(step -> {
        assertThat(step.getName()).isEqualTo("DirectImage");
        assertThat(step.getCompleted()).isNotNull();
        assertThat(step.getFailed()).isNotEqualTo(Boolean.TRUE);
      });
      Deployment restored = destination.client().apps().deployments().inNamespace(appDest).withName("web").get();
      assertThat(restored.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
          .isEqualTo(dstRegistry + "/" + appDest + "/web@" + digest);
      assertThat(restored.getSpec().getTemplate().getSpec().getContainers().get(1).getImage())
          .isEqualTo("quay.example/tools/proxy:1");
      RegistryClient dst = new RegistryClient(RegistryEndpoint.anonymous(dstRegistry));
      assertThat(dst.manifestDigest(appDest + "/web", digest)).hasValue(digest);
      assertThat(dst.manifestDigest(appDest + "/web", "v1")).hasValue(digest);
      // The image phase recreates the streams on the destination: the initial backup leaves them out.
      String initialBackup = host.resources(dev.ferry.api.velero.backup.Backup.class).inNamespace(NS)
          .withLabel("migration-initial-backup", done.getMetadata().getUid()).list().getItems().get(0)
          .getMetadata().getName();
      try (var store = new FilesystemObjectStore(repository)) {
        var resources = dev.ferry.backup.format.ResourceListFile.read(new java.io.ByteArrayInputStream(store.getBytes(
            dev.ferry.backup.format.BackupLayout.ROOT.backupResourceList(initialBackup)))).entries();
        assertThat(resources).containsKey("apps/v1/Deployment")
            .doesNotContainKeys("image.openshift.io/v1/ImageStream", "image.openshift.io/v1/ImageStreamTag");
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      return new Migrated(done, digest);
    } finally {
      operator.stop();
    }
  }
}
