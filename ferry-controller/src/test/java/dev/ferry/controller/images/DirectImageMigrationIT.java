package dev.ferry.controller.images;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.api.migration.images.DirectImageMigration;
import dev.ferry.api.migration.images.DirectImageStreamMigration;
import dev.ferry.api.migration.images.ImageStreamListItem;
import dev.ferry.controller.FerryCrds;
import dev.ferry.controller.InProcessController;
import dev.ferry.images.RegistryClient;
import dev.ferry.images.RegistryEndpoint;
import dev.ferry.testbed.LocalCluster;
import dev.ferry.testbed.Testbed;
import dev.ferry.testbed.TestbedExtension;
import dev.ferry.testsupport.PlanFixture;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A DirectImageMigration on the testbed: image streams' images copied registry to registry, streams recreated. */
@ExtendWith(TestbedExtension.class)
class DirectImageMigrationIT {
  private static final String NS = ImageFixture.NS;

  @Test
  void migratesImageStreamsAndReportsTheBrokenOne(Testbed testbed) {
    LocalCluster source = testbed.source();
    LocalCluster destination = testbed.destination();
    KubernetesClient host = source.client();
    FerryCrds.install(host);
    String s = UUID.randomUUID().toString().substring(0, 6);
    String app = "imgapp-" + s;
    String appDest = app + "-dest";
    String srcRegistry = source.registry().orElseThrow().hostPort();
    String dstRegistry = destination.registry().orElseThrow().hostPort();
    host.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(app).endMetadata().build()).create();
    PlanFixture.declareClustersWithRegistries(host, source, destination, s);

    String older = RegistryImages.push(srcRegistry, app + "/web", null);
    String current = RegistryImages.push(srcRegistry, app + "/web", "v1");
    ImageFixture.imageStream(host, srcRegistry, app, "web", "v1", current, older);
    String missing = "sha256:" + "0".repeat(64);
    ImageFixture.imageStream(host, srcRegistry, app, "broken", "v1", missing);

    try (InProcessController controller = InProcessController.on(host).images().start()) {
      PlanFixture.apply(host, """
          apiVersion: migration.openshift.io/v1alpha1
          kind: DirectImageMigration
          metadata:
            name: dim-%1$s
            namespace: %2$s
            labels: {migration.openshift.io/migrated-by-migplan: plan-uid-%1$s}
          spec:
            srcMigClusterRef: {name: host-%1$s, namespace: %2$s}
            destMigClusterRef: {name: dest-%1$s, namespace: %2$s}
            namespaces: ["%3$s:%4$s"]
          """.formatted(s, NS, app, appDest));
      DirectImageMigration dim = host.resources(DirectImageMigration.class).inNamespace(NS).withName("dim-" + s)
          .waitUntilCondition(d -> d.getStatus() != null && Set.of("Completed", "Failed")
              .contains(d.getStatus().getPhase()), 120, TimeUnit.SECONDS);

      assertThat(dim.getStatus().getPhase()).isEqualTo("Failed");
      assertThat(dim.getStatus().getSuccessfulISs()).extracting(ImageStreamListItem::getName).containsExactly("web");
      assertThat(dim.getStatus().getFailedISs()).singleElement().satisfies(f -> {
        assertThat(f.getName()).isEqualTo("broken");
        assertThat(f.getDestNamespace()).isEqualTo(appDest);
        assertThat(String.join(" ", f.getErrors())).contains(srcRegistry + "/" + app + "/broken@" + missing)
            .contains("does not exist");
      });
      assertThat(dim.getStatus().getErrors()).anyMatch(e -> e.contains("broken"));
      List<DirectImageStreamMigration> disms = host.resources(DirectImageStreamMigration.class).inNamespace(NS)
          .withLabel(DirectImageMigrationReconciler.DIM_LABEL, dim.getMetadata().getUid()).list().getItems();
      assertThat(disms).hasSize(2).allSatisfy(d -> {
        assertThat(d.getMetadata().getOwnerReferences()).singleElement()
            .satisfies(o -> assertThat(o.getUid()).isEqualTo(dim.getMetadata().getUid()));
        assertThat(d.getSpec().getDestNamespace()).isEqualTo(appDest);
      });

      // The images are in the destination registry with their digests: the tag's current image by tag, history by digest.
      RegistryClient dst = new RegistryClient(RegistryEndpoint.anonymous(dstRegistry));
      assertThat(dst.manifestDigest(appDest + "/web", "v1")).hasValue(current);
      assertThat(dst.manifestDigest(appDest + "/web", older)).hasValue(older);
      // The stream is recreated on the destination, pointing at the copy by digest.
      GenericKubernetesResource stream = destination.client().genericKubernetesResources(
          ImageStreamMigrator.IMAGE_STREAMS).inNamespace(appDest).withName("web").get();
      assertThat(stream).isNotNull();
      var json = Serialization.jsonMapper().valueToTree(stream);
      assertThat(json.path("spec").path("tags").path(0).path("from").path("name").asText())
          .isEqualTo(dstRegistry + "/" + appDest + "/web@" + current);
      assertThat(json.path("metadata").path("labels").path("migration.openshift.io/migrated-by-migplan").asText())
          .isEqualTo("plan-uid-" + s);
      assertThat(json.path("status").path("tags").path(0).path("items").path(1).path("dockerImageReference").asText())
          .isEqualTo(dstRegistry + "/" + appDest + "/web@" + older);
      assertThat(destination.client().genericKubernetesResources(ImageStreamMigrator.IMAGE_STREAMS)
          .inNamespace(appDest).withName("broken").get()).isNull();
      assertThat(destination.client().namespaces().withName(appDest).get().getMetadata().getLabels())
          .containsAllEntriesOf(Map.of("migration.openshift.io/migrated-by-migplan", "plan-uid-" + s));
    }
  }
}
