package dev.ferry.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.testbed.Testbed;
import dev.ferry.testbed.TestbedExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** TLS, basic auth and corrupt content, against a real registry configured for them. */
@ExtendWith(TestbedExtension.class)
class SecuredRegistryIT {
  private static SecuredRegistry secured;
  private final Random random = new Random(7);

  @BeforeAll
  static void start() throws Exception {
    // Under target/ (not a deleted temp dir) so the registry's log is there to read after a failure.
    secured = SecuredRegistry.start(Files.createTempDirectory(Path.of("target").toAbsolutePath(), "secured-registry-"));
  }

  @AfterAll
  static void stop() {
    if (secured != null) {
      secured.close();
    }
  }

  private Registries registries(RegistryCredentials credentials) {
    return new Registries().with(secured.endpoint(credentials));
  }

  @Test
  void copiesOverTlsWithBasicAuth(Testbed testbed) throws Exception {
    Registries registries = registries(RegistryCredentials.basic(SecuredRegistry.USER, secured.password()));
    Manifest m = TestImages.pushImage(registries.client(secured.hostPort()), "tls/app", "linux", "amd64",
        List.of(TestImages.randomLayer(random, "a.bin", 20_000)), true);
    registries.client(secured.hostPort()).putManifest("tls/app", "v1", m);
    String dst = testbed.destination().registry().orElseThrow().hostPort();

    CopyResult result = new ImageCopier(registries).copy(ImageRef.of(secured.hostPort(), "tls/app", "v1"),
        ImageRef.of(dst, "tls/app", "v1"), CopyOptions.DEFAULTS);

    assertThat(result.digest()).isEqualTo(m.digest());
    assertThat(ImageCopierIT.registryDigest(dst, "tls/app", "v1")).isEqualTo(m.digest());
  }

  @Test
  void wrongPasswordIsAClearError() {
    Registries registries = registries(RegistryCredentials.basic(SecuredRegistry.USER, "not-the-password"));
    assertThatThrownBy(() -> registries.client(secured.hostPort()).getManifest("tls/app", "v1"))
        .isInstanceOf(ImageException.class)
        .hasMessageContaining("registry " + secured.hostPort() + " refused")
        .hasMessageContaining("HTTP 401")
        .hasMessageContaining("check the credentials")
        .hasMessageNotContaining("not-the-password");
  }

  @Test
  void missingCredentialsAreAClearError() {
    Registries registries = registries(RegistryCredentials.ANONYMOUS);
    assertThatThrownBy(() -> registries.client(secured.hostPort()).getManifest("tls/app", "v1"))
        .hasMessageContaining("HTTP 401").hasMessageContaining("anonymous");
  }

  @Test
  void untrustedCertificateIsAClearError() {
    Registries registries = new Registries().with(new RegistryEndpoint(secured.hostPort(),
        RegistryCredentials.basic(SecuredRegistry.USER, secured.password()), RegistryEndpoint.Transport.HTTPS, null));
    assertThatThrownBy(() -> registries.client(secured.hostPort()).getManifest("tls/app", "v1"))
        .isInstanceOf(ImageException.class)
        .hasMessageContaining("TLS with registry " + secured.hostPort() + " failed")
        .hasMessageContaining("CA certificate");
  }

  @Test
  void insecureTransportSkipsVerification() {
    Registries registries = new Registries().with(new RegistryEndpoint(secured.hostPort(),
        RegistryCredentials.basic(SecuredRegistry.USER, secured.password()),
        RegistryEndpoint.Transport.HTTPS_INSECURE, null));
    assertThat(registries.client(secured.hostPort()).blobExists("tls/app", Digests.sha256(new byte[0]))).isFalse();
  }

  @Test
  void corruptBlobInSourceNamesImageAndBlob(Testbed testbed) throws Exception {
    Registries registries = registries(RegistryCredentials.basic(SecuredRegistry.USER, secured.password()));
    TestImages.Layer layer = TestImages.randomLayer(random, "victim.bin", 30_000);
    Manifest m = TestImages.pushImage(registries.client(secured.hostPort()), "tls/corrupt", "linux", "amd64",
        List.of(layer), true);
    registries.client(secured.hostPort()).putManifest("tls/corrupt", "v1", m);
    String layerDigest = Digests.sha256(layer.gzip());
    byte[] damaged = layer.gzip().clone();
    damaged[damaged.length / 2] ^= 0x55;
    Files.write(secured.blobData(layerDigest), damaged);
    String dst = testbed.destination().registry().orElseThrow().hostPort();

    assertThatThrownBy(() -> new ImageCopier(registries).copy(ImageRef.of(secured.hostPort(), "tls/corrupt", "v1"),
        ImageRef.of(dst, "tls/corrupt", "v1"), CopyOptions.DEFAULTS))
        .isInstanceOf(ImageException.class)
        .hasMessageContaining("image " + secured.hostPort() + "/tls/corrupt:v1")
        .hasMessageContaining("blob " + layerDigest)
        .hasMessageContaining("corrupt");
    assertThat(new Registries().client(dst).blobExists("tls/corrupt", layerDigest)).isFalse();
  }
}
