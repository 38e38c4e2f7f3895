package dev.ferry.objectstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Base64;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaBundleTest {
  @TempDir
  static Path tmp;
  static TestCertificates first;
  static TestCertificates second;
  static TestCertificates stranger;

  @BeforeAll
  static void certificates() {
    first = TestCertificates.create(tmp, "first-ca");
    second = TestCertificates.create(tmp, "second-ca");
    stranger = TestCertificates.create(tmp, "stranger");
  }

  @Test
  void parsesPem() {
    CaBundle bundle = CaBundle.parse(first.pem());
    assertThat(bundle.certificates()).singleElement()
        .satisfies(c -> assertThat(c.getSubjectX500Principal().getName()).contains("CN=first-ca"));
  }

  @Test
  void parsesBase64OfPemAsMigStorageStoresIt() {
    String base64 = Base64.getEncoder().encodeToString(first.pem().getBytes(StandardCharsets.UTF_8));
    assertThat(CaBundle.parse(base64).certificates()).hasSize(1);
    String wrapped = Base64.getMimeEncoder().encodeToString(first.pem().getBytes(StandardCharsets.UTF_8));
    assertThat(CaBundle.parse(wrapped).certificates()).hasSize(1);
  }

  @Test
  void parsesABundleWithCommentsAndOtherBlocks() {
    String bundle = "# corporate CAs\nsubject=CN = first-ca\n" + first.pem() + "\n"
        + "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"
        + "issuer=CN = second-ca\r\n" + second.pem().replace("\n", "\r\n");
    assertThat(CaBundle.parse(bundle).certificates()).hasSize(2);
    assertThat(CaBundle.parse(bundle).toString()).contains("first-ca").contains("second-ca");
  }

  @Test
  void rejectsWhatIsNotACertificateBundle() {
    assertThatThrownBy(() -> CaBundle.parse("")).hasMessageContaining("empty");
    assertThatThrownBy(() -> CaBundle.parse("not base64 !!")).hasMessageContaining("neither PEM");
    assertThatThrownBy(() -> CaBundle.parse(Base64.getEncoder().encodeToString("hello".getBytes())))
        .hasMessageContaining("not PEM");
    assertThatThrownBy(() -> CaBundle.parse("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"))
        .hasMessageContaining("holds no certificate");
    String broken = "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----";
    assertThatThrownBy(() -> CaBundle.parse(first.pem() + broken))
        .hasMessageContaining("certificate #2").hasMessageContaining("not a valid X.509");
    assertThatThrownBy(() -> CaBundle.parse("-----BEGIN CERTIFICATE-----\n@@@\n-----END CERTIFICATE-----"))
        .hasMessageContaining("certificate #1 is not valid base64");
  }

  @Test
  void trustsTheBundleAndStillTheJdkCertificates() throws Exception {
    CaBundle bundle = CaBundle.parse(first.pem() + second.pem());
    X509TrustManager tm = (X509TrustManager) bundle.trustManagers()[0];
    tm.checkServerTrusted(new X509Certificate[] {bundle.certificates().get(0)}, "RSA");
    tm.checkServerTrusted(new X509Certificate[] {bundle.certificates().get(1)}, "RSA");

    X509Certificate strangerCert = CaBundle.parse(stranger.pem()).certificates().get(0);
    assertThatThrownBy(() -> tm.checkServerTrusted(new X509Certificate[] {strangerCert}, "RSA"))
        .isInstanceOf(CertificateException.class);

    X509Certificate[] issuers = tm.getAcceptedIssuers();
    assertThat(issuers).contains(bundle.certificates().get(0), bundle.certificates().get(1));
    assertThat(issuers.length).as("the JDK's CAs are kept alongside the bundle").isGreaterThan(10);
    assertThat(Arrays.stream(issuers).map(c -> c.getSubjectX500Principal().getName()))
        .anyMatch(n -> !n.contains("Ferry tests"));
  }
}
