package dev.ferry.controller.images;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.api.migration.images.DirectImageMigration;
import dev.ferry.api.migration.migration.MigMigration;
import dev.ferry.controller.FerryCrds;
import dev.ferry.controller.InProcessController;
import dev.ferry.images.RegistryClient;
import dev.ferry.images.RegistryEndpoint;
import dev.ferry.objectstore.FilesystemObjectStore;
import dev.ferry.testbed.LocalCluster;
import dev.ferry.testbed.Testbed;
import dev.ferry.testbed.TestbedExtension;
import dev.ferry.testsupport.MigrationRuns;
import dev.ferry.testsupport.PlanFixture;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
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
    String digest = ImageFixture.namespaceWithImage(host, srcRegistry, app);
    PlanFixture.apply(host, ImageFixture.webDeployment(app, srcRegistry, digest,
        "- {name: sidecar, image: \"quay.example/tools/proxy:1\"}"));
    PlanFixture.declareClustersWithRegistries(host, source, destination, s);
    PlanFixture.declareStorage(host, s, PlanFixture.filesystemStorage(repository));
    PlanFixture.declarePlan(host, s, "\"" + app + ":" + appDest + "\"", "  indirectImageMigration: " + indirect + "\n");
    PlanFixture.markReady(host, s);

    try (InProcessController controller = InProcessController.on(host).migrations().images().start()) {
      MigMigration done = controller.run(MigrationRuns.cutover(s, false));

      assertThat(done.getStatus().getPhase()).as("%s", done.getStatus().getErrors()).isEqualTo("Completed");
      assertThat(done.getStatus().getPipeline()).anySatisfy(step -> {
        assertThat(step.getName()).isEqualTo("DirectImage");
        assertThat(step.getCompleted()).isNotNull();
        assertThat(step.getFailed()).isNotEqualTo(Boolean.TRUE);
      });
      Deployment restored = ImageFixture.assertImageMoved(destination, appDest, digest);
      assertThat(restored.getSpec().getTemplate().getSpec().getContainers().get(1).getImage())
          .isEqualTo("quay.example/tools/proxy:1");
      RegistryClient dst = new RegistryClient(RegistryEndpoint.anonymous(destination.registry().orElseThrow()
          .hostPort()));
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
    }
  }
}
