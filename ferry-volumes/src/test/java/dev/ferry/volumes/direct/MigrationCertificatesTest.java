package dev.ferry.volumes.direct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.volumes.fs.TestTrees;
import dev.ferry.volumes.fs.TreeVerifier;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationCertificatesTest {
  @TempDir
  Path tmp;

  @Test
  void mintsACaAndTwoLeafCertificatesAsPem() throws Exception {
    MigrationCertificates certs = MigrationCertificates.mint("mig-a");
    X509Certificate ca = TlsCredentials.certificate(certs.caCertPem());
    X509Certificate server = TlsCredentials.certificate(certs.receiver().certPem());
    X509Certificate client = TlsCredentials.certificate(certs.sender().certPem());

    assertThat(ca.getBasicConstraints()).isZero();
    server.verify(ca.getPublicKey());
    client.verify(ca.getPublicKey());
    assertThat(server.getPublicKey().getAlgorithm()).isEqualTo("EC");
    assertThat(server.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1"); // serverAuth
    assertThat(client.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2"); // clientAuth
    assertThat(certs.sender().subject()).contains("migration mig-a").contains("ferry-dvm sender");
    assertThat(certs.sender().keyPem()).startsWith("-----BEGIN PRIVATE KEY-----");
    assertThat(certs.sender().toString()).doesNotContain("PRIVATE KEY").contains("<redacted>");
  }

  @Test
  void credentialsRebuiltFromPemStringsCarryATransfer() throws Exception {
    MigrationCertificates minted = MigrationCertificates.mint("mig-b");
    // as a controller would: strings into a Secret, strings back out in the mover pods
    TlsCredentials receiver = new TlsCredentials(minted.caCertPem(), minted.receiver().certPem(),
        minted.receiver().keyPem());
    TlsCredentials sender = new TlsCredentials(minted.caCertPem(), minted.sender().certPem(),
        minted.sender().keyPem());
    Path src = tmp.resolve("src");
    TestTrees.rich(src);
    try (Receiver r = Receiver.start(tmp.resolve("dst"), receiver, DirectOptions.defaults())) {
      Sender.send("127.0.0.1", r.port(), sender, src, DirectOptions.defaults(), null);
    }
    TreeVerifier.verify(src, tmp.resolve("dst"));
  }

  @Test
  void unusablePemIsAClearError() {
    TlsCredentials broken = new TlsCredentials("not pem", "not pem", "not pem");
    assertThatThrownBy(broken::sslContext).hasMessageContaining("cannot build TLS context")
        .hasMessageContaining("MigrationCertificates.mint");
    assertThatThrownBy(() -> MigrationCertificates.mint(" ")).hasMessageContaining("migration name");
  }
}
