package dev.ferry.cli.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.cli.UserError;
import io.fabric8.kubernetes.client.Config;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kubeconfig is read once, by the CLI's own mapping (no class-path scan): the client's
 * settings must come out as fabric8's own {@code Config.fromKubeconfig(context, file)} makes them,
 * relative file paths resolved against the kubeconfig's directory included.
 */
class ClusterConnectionTest {
  @TempDir
  Path dir;

  private Path kubeconfig() throws Exception {
    Files.writeString(dir.resolve("ca.crt"), "not read by the test");
    Files.writeString(dir.resolve("client.crt"), "not read by the test");
    return Files.writeString(dir.resolve("config"), """
        apiVersion: v1
        kind: Config
        clusters:
        - name: one
          cluster: {server: "https://10.0.0.1:6443", certificate-authority: ca.crt}
        - name: two
          cluster: {server: "https://10.0.0.2:6443", insecure-skip-tls-verify: true}
        users:
        - name: alice
          user: {token: secret-token}
        - name: bob
          user: {client-certificate: client.crt, client-key: client.key}
        contexts:
        - name: first
          context: {cluster: one, user: alice, namespace: shop}
        - name: second
          context: {cluster: two, user: bob}
        current-context: first
        """);
  }

  @Test
  void currentContextMatchesFabric8sOwnReading() throws Exception {
    Path file = kubeconfig();
    Config ours = new ClusterConnection(file, null).config();
    Config theirs = Config.fromKubeconfig("first", file.toFile());

    assertThat(ours.getMasterUrl()).isEqualTo(theirs.getMasterUrl()).isEqualTo("https://10.0.0.1:6443/");
    assertThat(ours.getCaCertFile()).isEqualTo(theirs.getCaCertFile())
        .isEqualTo(dir.resolve("ca.crt").toAbsolutePath().toString());
    assertThat(ours.getAutoOAuthToken()).isEqualTo(theirs.getAutoOAuthToken()).isEqualTo("secret-token");
    assertThat(ours.getNamespace()).isEqualTo(theirs.getNamespace()).isEqualTo("shop");
    assertThat(ours.getCurrentContext().getName()).isEqualTo("first");
  }

  @Test
  void namedContextMatchesFabric8sOwnReading() throws Exception {
    Path file = kubeconfig();
    Config ours = new ClusterConnection(file, "second").config();
    Config theirs = Config.fromKubeconfig("second", file.toFile());

    assertThat(ours.getMasterUrl()).isEqualTo(theirs.getMasterUrl()).isEqualTo("https://10.0.0.2:6443/");
    assertThat(ours.isTrustCerts()).isEqualTo(theirs.isTrustCerts()).isTrue();
    assertThat(ours.getClientCertFile()).isEqualTo(theirs.getClientCertFile())
        .isEqualTo(dir.resolve("client.crt").toAbsolutePath().toString());
    assertThat(ours.getClientKeyFile()).isEqualTo(theirs.getClientKeyFile())
        .isEqualTo(dir.resolve("client.key").toAbsolutePath().toString());
    // the CLI always speaks HTTP/1.1 (a clear 401 instead of HTTP/2's GOAWAY on bad credentials)
    assertThat(ours.isHttp2Disable()).isTrue();
  }

  @Test
  void unknownContextSaysWhichExist() throws Exception {
    Path file = kubeconfig();
    assertThatThrownBy(() -> new ClusterConnection(file, "third").config())
        .isInstanceOf(UserError.class)
        .hasMessageContaining("context 'third' is not in kubeconfig")
        .hasMessageContaining("[first, second]");
  }

  @Test
  void emptyOrBrokenFileSaysWhatIsWrong() throws Exception {
    Path empty = Files.writeString(dir.resolve("empty"), "");
    assertThatThrownBy(() -> new ClusterConnection(empty, null).config())
        .isInstanceOf(UserError.class).hasMessageContaining("cannot read kubeconfig " + empty);
    Path broken = Files.writeString(dir.resolve("broken"), "clusters: [unclosed");
    assertThatThrownBy(() -> new ClusterConnection(broken, null).config())
        .isInstanceOf(UserError.class).hasMessageContaining("cannot read kubeconfig " + broken);
  }
}
