package dev.ferry.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Pure parts: references, challenges, manifests, digest verification. */
class ModelTest {

  @Test
  void parsesImageReferences() {
    ImageRef r = ImageRef.parse("127.0.0.1:5000/shop/web:v1");
    assertThat(r.registry()).isEqualTo("127.0.0.1:5000");
    assertThat(r.repository()).isEqualTo("shop/web");
    assertThat(r.reference()).isEqualTo("v1");
    String digest = "sha256:" + "a".repeat(64);
    ImageRef d = ImageRef.parse("registry.example.com/shop/web:v1@" + digest);
    assertThat(d.reference()).isEqualTo(digest);
    assertThat(d.tag()).isEqualTo("v1");
    assertThat(ImageRef.parse("reg:5000/a/b").tag()).isEqualTo("latest");
    assertThatThrownBy(() -> ImageRef.parse("web:v1")).hasMessageContaining("names no registry");
    assertThatThrownBy(() -> ImageRef.parse("reg/Shop:v1")).hasMessageContaining("not a valid repository");
    assertThatThrownBy(() -> ImageRef.parse("reg/shop@sha256:xyz")).hasMessageContaining("not a sha256 digest");
  }

  @Test
  void parsesAuthenticateChallenges() {
    AuthChallenge bearer = AuthChallenge.parse(
        "Bearer realm=\"https://auth.example.com/token\",service=\"registry.example.com\",scope=\"repository:a/b:pull\"");
    assertThat(bearer.isBearer()).isTrue();
    assertThat(bearer.realm()).isEqualTo("https://auth.example.com/token");
    assertThat(bearer.params()).containsEntry("service", "registry.example.com")
        .containsEntry("scope", "repository:a/b:pull");
    AuthChallenge basic = AuthChallenge.parse("Basic realm=\"Registry Realm\"");
    assertThat(basic.isBasic()).isTrue();
    assertThat(basic.realm()).isEqualTo("Registry Realm");
    assertThat(AuthChallenge.parse(null).scheme()).isEmpty();
  }

  @Test
  void readsIndexAndImageManifests() {
    String child = "sha256:" + "b".repeat(64);
    byte[] index = ("{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":\"" + MediaTypes.OCI_MANIFEST
        + "\",\"digest\":\"" + child + "\",\"size\":10,\"platform\":{\"os\":\"linux\",\"architecture\":\"arm64\","
        + "\"variant\":\"v8\"}}]}").getBytes(StandardCharsets.UTF_8);
    Manifest m = Manifest.of(index, "application/json", "x");
    assertThat(m.isIndex()).isTrue();
    assertThat(m.children()).extracting(Descriptor::platform).containsExactly("linux/arm64/v8");
    assertThat(m.digest()).isEqualTo(Digests.sha256(index));
    assertThatThrownBy(() -> Manifest.of("{\"schemaVersion\":1,\"mediaType\":\"application/vnd.docker.distribution.manifest.v1+prettyjws\"}"
        .getBytes(StandardCharsets.UTF_8), null, "image r/a:1"))
        .hasMessageContaining("image r/a:1").hasMessageContaining("push the image again");
  }

  @Test
  void verifyingStreamRejectsWrongContent() throws Exception {
    byte[] good = "hello".getBytes(StandardCharsets.UTF_8);
    try (InputStream in = new DigestVerifyingInputStream(new ByteArrayInputStream(good), Digests.sha256(good), 5)) {
      assertThat(in.readAllBytes()).isEqualTo(good);
    }
    InputStream bad = new DigestVerifyingInputStream(new ByteArrayInputStream("hellO".getBytes(StandardCharsets.UTF_8)),
        Digests.sha256(good), 5);
    assertThatThrownBy(bad::readAllBytes).isInstanceOf(BlobDigestMismatchException.class)
        .hasMessageContaining(Digests.sha256(good));
  }

  @Test
  void loopbackRegistriesUsePlainHttp() {
    assertThat(RegistryEndpoint.anonymous("127.0.0.1:5000").baseUrl()).isEqualTo("http://127.0.0.1:5000");
    assertThat(RegistryEndpoint.anonymous("localhost:5000").plainHttp()).isTrue();
    assertThat(RegistryEndpoint.anonymous("registry.example.com").baseUrl()).isEqualTo("https://registry.example.com");
    assertThat(RegistryCredentials.bearer("secret-token").toString()).doesNotContain("secret");
  }
}
