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

/** The bearer-token challenge flow against a registry that verifies the tokens it is given. */
@ExtendWith(TestbedExtension.class)
class TokenAuthIT {
  private static final String USER = "ferry";
  private static TokenRegistry registry;
  private final Random random = new Random(11);

  @BeforeAll
  static void start() throws Exception {
    registry = TokenRegistry.start(Files.createTempDirectory(Path.of("target").toAbsolutePath(), "token-registry-"),
        USER, "s3cret-" + System.nanoTime());
  }

  @AfterAll
  static void stop() {
    if (registry != null) {
      registry.close();
    }
  }

  @Test
  void pushesAndCopiesWithTokensFromTheChallenge(Testbed testbed) throws Exception {
    Registries registries = new Registries().with(RegistryEndpoint.of(registry.hostPort(),
        RegistryCredentials.basic(USER, registry.password())));
    Manifest m = TestImages.pushImage(registries.client(registry.hostPort()), "tok/app", "linux", "amd64",
        List.of(TestImages.randomLayer(random, "a.bin", 10_000)), true);
    registries.client(registry.hostPort()).putManifest("tok/app", "v1", m);
    String dst = testbed.destination().registry().orElseThrow().hostPort();

    CopyResult result = new ImageCopier(registries).copy(ImageRef.of(registry.hostPort(), "tok/app", "v1"),
        ImageRef.of(dst, "tok/app", "v1"), CopyOptions.DEFAULTS);

    assertThat(result.digest()).isEqualTo(m.digest());
    assertThat(ImageCopierIT.registryDigest(dst, "tok/app", "v1")).isEqualTo(m.digest());
    int issued = registry.tokensIssued.get();
    assertThat(issued).as("tokens are cached per scope, not fetched per request").isBetween(1, 4);
  }

  @Test
  void aServiceAccountTokenIsTheTokenServicesPassword() {
    // OpenShift's registry: the static bearer token is refused, then used as the basic password.
    Registries registries = new Registries().with(RegistryEndpoint.of(registry.hostPort(),
        RegistryCredentials.bearer(registry.password())));
    assertThat(registries.client(registry.hostPort()).blobExists("tok/other", Digests.sha256(new byte[] {1})))
        .isFalse();
  }

  @Test
  void wrongCredentialsAtTheTokenServiceAreAClearError() {
    Registries registries = new Registries().with(RegistryEndpoint.of(registry.hostPort(),
        RegistryCredentials.basic(USER, "wrong-password")));
    assertThatThrownBy(() -> registries.client(registry.hostPort()).getManifest("tok/app", "v1"))
        .isInstanceOf(ImageException.class)
        .hasMessageContaining("getting a token")
        .hasMessageContaining("HTTP 401")
        .hasMessageContaining("check the credentials")
        .hasMessageNotContaining("wrong-password");
  }
}
