package dev.ferry.objectstore;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * CA certificates that an S3-compatible endpoint's certificate chains to (s3CustomCABundle,
 * a BackupStorageLocation's caCert). They are trusted <em>in addition to</em> the JDK's trust store,
 * so a bundle holding only the private CA does not break a public endpoint behind a proxy.
 */
public final class CaBundle {
  private static final Pattern CERTIFICATE = Pattern.compile(
      "-----BEGIN CERTIFICATE-----(.*?)-----END CERTIFICATE-----", Pattern.DOTALL);

  private final List<X509Certificate> certificates;

  private CaBundle(List<X509Certificate> certificates) {
    this.certificates = List.copyOf(certificates);
  }

  /**
   * Parses PEM text, or base64 of PEM text (MigStorage's s3CustomCABundle is a base64 field and
   * users paste either form). Text around the certificates (openssl's "subject=" lines, comments)
   * is ignored; other PEM blocks such as keys are skipped.
   */
  public static CaBundle parse(String pemOrBase64) {
    if (pemOrBase64 == null || pemOrBase64.isBlank()) {
      throw new ObjectStoreException("the CA bundle is empty");
    }
    String pem = pemOrBase64.contains("-----BEGIN") ? pemOrBase64 : decodeBase64(pemOrBase64);
    CertificateFactory factory;
    try {
      factory = CertificateFactory.getInstance("X.509");
    } catch (CertificateException e) {
      throw new IllegalStateException("the JDK has no X.509 support", e);
    }
    List<X509Certificate> certificates = new ArrayList<>();
    Matcher m = CERTIFICATE.matcher(pem);
    while (m.find()) {
      int number = certificates.size() + 1;
      byte[] der;
      try {
        der = Base64.getDecoder().decode(m.group(1).replaceAll("\\s", ""));
      } catch (IllegalArgumentException e) {
        throw new ObjectStoreException("CA bundle certificate #" + number + " is not valid base64: " + e.getMessage());
      }
      try {
        certificates.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
      } catch (CertificateException e) {
        throw new ObjectStoreException("CA bundle certificate #" + number + " is not a valid X.509 certificate: "
            + e.getMessage());
      }
    }
    if (certificates.isEmpty()) {
      throw new ObjectStoreException("the CA bundle holds no certificate: expected PEM blocks starting with "
          + "-----BEGIN CERTIFICATE----- (or their base64 encoding)");
    }
    return new CaBundle(certificates);
  }

  private static String decodeBase64(String text) {
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(text.replaceAll("\\s", "")), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new ObjectStoreException("the CA bundle is neither PEM (-----BEGIN CERTIFICATE-----) nor base64-encoded "
          + "PEM");
    }
    if (!decoded.contains("-----BEGIN")) {
      throw new ObjectStoreException("the CA bundle is base64, but what it encodes is not PEM "
          + "(-----BEGIN CERTIFICATE-----)");
    }
    return decoded;
  }

  public List<X509Certificate> certificates() {
    return certificates;
  }

  /** Trust managers that accept a chain the JDK's store or this bundle vouches for. */
  public TrustManager[] trustManagers() {
    try {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      for (int i = 0; i < certificates.size(); i++) {
        store.setCertificateEntry("ferry-ca-" + i, certificates.get(i));
      }
      return new TrustManager[] {new EitherTrustManager(x509(null), x509(store))};
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new IllegalStateException("cannot build a trust store from the CA bundle", e);
    }
  }

  /** The X.509 trust manager for {@code store} (null: the JDK's default trust store). */
  private static X509ExtendedTrustManager x509(KeyStore store) throws GeneralSecurityException {
    TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    for (TrustManager tm : factory.getTrustManagers()) {
      if (tm instanceof X509ExtendedTrustManager x509) {
        return x509;
      }
    }
    throw new IllegalStateException("the JDK offers no X.509 trust manager");
  }

  @Override
  public String toString() {
    List<String> subjects = new ArrayList<>();
    certificates.forEach(c -> subjects.add(c.getSubjectX500Principal().getName()));
    return "CaBundle" + subjects;
  }
}
