package dev.ferry.volumes.direct;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;

/**
 * One side's TLS identity for a migration: the migration CA (the only thing it trusts), its
 * own certificate and private key, all PEM so a controller can put them in a Secret.
 * {@link #toString()} never shows the key.
 */
public record TlsCredentials(String caCertPem, String certPem, String keyPem) {

  @Override
  public String toString() {
    return "TlsCredentials[subject=" + subject() + ", key=<redacted>]";
  }

  /** Subject of this side's certificate, e.g. {@code CN=ferry-dvm sender,O=migration-x}. */
  public String subject() {
    try {
      return certificate(certPem).getSubjectX500Principal().getName();
    } catch (GeneralSecurityException | IOException e) {
      return "<unreadable certificate>";
    }
  }

  /**
   * A TLS 1.3 context presenting this certificate and trusting only the migration CA, so a
   * peer whose certificate was minted for another migration fails the handshake.
   */
  public SSLContext sslContext() {
    try {
      X509Certificate ca = certificate(caCertPem);
      X509Certificate cert = certificate(certPem);
      PrivateKey key = privateKey(keyPem);
      // Not a PKCS12 key entry: that costs two PBKDF2 runs per context (see MigrationKeyManager).
      KeyManager[] keyManagers = {new MigrationKeyManager(key, new X509Certificate[] {cert, ca})};
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      trust.setCertificateEntry("migration-ca", ca);
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      SSLContext ctx = SSLContext.getInstance("TLSv1.3");
      ctx.init(keyManagers, tmf.getTrustManagers(), new SecureRandom());
      return ctx;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalArgumentException("cannot build TLS context from the migration certificates (" + e.getMessage()
          + "); mint them again with MigrationCertificates.mint", e);
    }
  }

  /** The JDK reads PEM certificates itself: movers need no BouncyCastle to load their credentials. */
  static X509Certificate certificate(String pem) throws IOException, GeneralSecurityException {
    if (pem == null || !pem.contains("-----BEGIN CERTIFICATE-----")) {
      throw new IOException("expected a PEM certificate (-----BEGIN CERTIFICATE-----)");
    }
    return (X509Certificate) CertificateFactory.getInstance("X.509")
        .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
  }

  /** PKCS#8 ("PRIVATE KEY", what {@link MigrationCertificates} writes) with the JDK; other PEM key forms via BouncyCastle. */
  static PrivateKey privateKey(String pem) throws IOException, GeneralSecurityException {
    String begin = "-----BEGIN PRIVATE KEY-----";
    String end = "-----END PRIVATE KEY-----";
    int b = pem == null ? -1 : pem.indexOf(begin);
    int e = b < 0 ? -1 : pem.indexOf(end, b);
    if (b >= 0 && e > b) {
      byte[] der = Base64.getMimeDecoder().decode(pem.substring(b + begin.length(), e));
      return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
    }
    try (PEMParser p = new PEMParser(new StringReader(pem == null ? "" : pem))) {
      Object o = p.readObject();
      JcaPEMKeyConverter conv = new JcaPEMKeyConverter();
      if (o instanceof PEMKeyPair pair) {
        return conv.getPrivateKey(pair.getPrivateKeyInfo());
      }
      if (o instanceof PrivateKeyInfo info) {
        return conv.getPrivateKey(info);
      }
      throw new IOException("expected a PEM private key, found " + (o == null ? "nothing" : o.getClass().getSimpleName()));
    }
  }
}
