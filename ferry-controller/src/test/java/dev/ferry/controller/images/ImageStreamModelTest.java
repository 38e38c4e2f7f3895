package dev.ferry.controller.images;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.api.migration.cluster.MigCluster;
import dev.ferry.api.migration.cluster.MigClusterSpec;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pure parts: which images of a stream are copied, and the stream the destination gets. */
class ImageStreamModelTest {
  private static final String A = "sha256:" + "a".repeat(64);
  private static final String B = "sha256:" + "b".repeat(64);
  private static final String C = "sha256:" + "c".repeat(64);

  private static JsonNode stream() throws Exception {
    return new ObjectMapper().readTree("""
        {"metadata":{"name":"web","namespace":"shop","labels":{"app":"shop"},"uid":"u1","resourceVersion":"7"},
         "spec":{"dockerImageRepository":"old","tags":[{"name":"v1","annotations":{"note":"x"}},
                 {"name":"ext","from":{"kind":"DockerImage","name":"quay.io/org/tool:1"}}]},
         "status":{"dockerImageRepository":"image-registry.svc:5000/shop/web","tags":[
           {"tag":"v1","items":[
             {"dockerImageReference":"image-registry.svc:5000/shop/web@%1$s","image":"%1$s"},
             {"dockerImageReference":"image-registry.svc:5000/shop/web@%2$s","image":"%2$s"}]},
           {"tag":"ext","items":[{"dockerImageReference":"quay.io/org/tool@%3$s","image":"%3$s"}]}]}}
        """.formatted(A, B, C));
  }

  @Test
  void internalImagesAreThoseOfTheStreamsRegistry() throws Exception {
    assertThat(ImageStreamModel.images(stream(), "registry.apps.example.com"))
        .extracting(StreamTagImage::tag, StreamTagImage::digest, StreamTagImage::latest, StreamTagImage::internal)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("v1", A, true, true),
            org.assertj.core.groups.Tuple.tuple("v1", B, false, true),
            org.assertj.core.groups.Tuple.tuple("ext", C, true, false));
  }

  @Test
  void destinationStreamPointsAtTheCopiesByDigest() throws Exception {
    Map<String, String> copied = Map.of(A, "dest:5000/shop2/web@" + A, B, "dest:5000/shop2/web@" + B);
    JsonNode out = ImageStreamModel.destinationStream(stream(), "shop2", copied,
        Map.of("migration.openshift.io/migrated-by-migplan", "p1"));
    assertThat(out.path("metadata").path("namespace").asText()).isEqualTo("shop2");
    assertThat(out.path("metadata").has("uid")).isFalse();
    assertThat(out.path("metadata").path("labels").path("app").asText()).isEqualTo("shop");
    assertThat(out.path("metadata").path("labels").path("migration.openshift.io/migrated-by-migplan").asText())
        .isEqualTo("p1");
    assertThat(out.path("spec").has("dockerImageRepository")).isFalse();
    JsonNode v1 = out.path("spec").path("tags").path(0);
    assertThat(v1.path("name").asText()).isEqualTo("v1");
    assertThat(v1.path("annotations").path("note").asText()).isEqualTo("x");
    assertThat(v1.path("from").path("name").asText()).isEqualTo("dest:5000/shop2/web@" + A);
    JsonNode ext = out.path("spec").path("tags").path(1);
    assertThat(ext.path("from").path("name").asText()).isEqualTo("quay.io/org/tool:1");
    JsonNode status = ImageStreamModel.destinationStatusTags(stream(), copied);
    assertThat(status.path(0).path("items").path(1).path("dockerImageReference").asText())
        .isEqualTo("dest:5000/shop2/web@" + B);
    assertThat(status.path(1).path("items").path(0).path("dockerImageReference").asText())
        .isEqualTo("quay.io/org/tool@" + C);
  }

  @Test
  void repositoryOfAReference() {
    assertThat(ImageStreamMigrator.repositoryOf("r:5000/shop/web@" + A)).isEqualTo("shop/web");
    assertThat(ImageStreamMigrator.repositoryOf("r:5000/shop/web:v1")).isEqualTo("shop/web");
  }

  @Test
  void registryAccessFromTheMigCluster() {
    MigCluster cluster = new MigCluster();
    cluster.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withName("c").build());
    cluster.setSpec(new MigClusterSpec());
    assertThat(RegistryAccess.registryHost(cluster)).isEmpty();
    cluster.getSpec().setExposedRegistryPath("https://registry.apps.example.com/");
    assertThat(RegistryAccess.registryHost(cluster)).hasValue("registry.apps.example.com");
    cluster.getSpec().setExposedRegistryPath(" 127.0.0.1:5000 ");
    assertThat(RegistryAccess.registryHost(cluster)).hasValue("127.0.0.1:5000");
  }

  @Test
  void namespaceEntriesMapSourceToDestination() {
    assertThat(NamespaceEntries.mapping(java.util.List.of("a", "b:c")))
        .containsExactly(Map.entry("a", "a"), Map.entry("b", "c"));
  }
}
