package dev.ferry.volumes.direct;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The certificates of one migration's direct transfers: a CA minted for this migration only,
 * a receiver (server) certificate and a sender (client) certificate, all ECDSA P-256. Both
 * sides trust only this CA, so a mover of another migration cannot connect or be connected to.
 */
public final class MigrationCertificates {
  /** Long enough for a slow migration with many stages, short enough not to matter if leaked later. */
  private static final Duration VALIDITY = Duration.ofDays(30);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String caCertPem;
  private final TlsCredentials receiver;
  private final TlsCredentials sender;

  private MigrationCertificates(String caCertPem, TlsCredentials receiver, TlsCredentials sender) {
    this.caCertPem = caCertPem;
    this.receiver = receiver;
    this.sender = sender;
  }

  public static MigrationCertificates mint(String migrationName) {
    if (migrationName == null || migrationName.isBlank()) {
      throw new IllegalArgumentException("a migration name is needed to mint its certificates");
    }
    try {
      Instant now = Instant.now();
      KeyPair caKeys = ecKeyPair();
      X500Name caName = name("ferry-dvm CA", migrationName);
      X509Certificate ca = sign(new JcaX509v3CertificateBuilder(caName, serial(), Date.from(now.minusSeconds(300)),
          Date.from(now.plus(VALIDITY)), caName, caKeys.getPublic())
          .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
          .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign)), caKeys);
      String caPem = pem(ca);
      KeyPair serverKeys = ecKeyPair();
      X509Certificate server = leaf(ca, caKeys, serverKeys, name("ferry-dvm receiver", migrationName),
          KeyPurposeId.id_kp_serverAuth, now);
      KeyPair clientKeys = ecKeyPair();
      X509Certificate client = leaf(ca, caKeys, clientKeys, name("ferry-dvm sender", migrationName),
          KeyPurposeId.id_kp_clientAuth, now);
      return new MigrationCertificates(caPem,
          new TlsCredentials(caPem, pem(server), pem(new JcaPKCS8Generator(serverKeys.getPrivate(), null))),
          new TlsCredentials(caPem, pem(client), pem(new JcaPKCS8Generator(clientKeys.getPrivate(), null))));
    } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
      throw new IllegalStateException("cannot mint certificates for migration " + migrationName + ": " + e, e);
    }
  }

  /** Rebuilds from PEM (e.g. read back from a Secret). */
  public static MigrationCertificates fromPem(String caCertPem, TlsCredentials receiver, TlsCredentials sender) {
    return new MigrationCertificates(caCertPem, receiver, sender);
  }

  public String caCertPem() {
    return caCertPem;
  }

  /** The receiver's (TLS server's) identity. */
  public TlsCredentials receiver() {
    return receiver;
  }

  /** The sender's (TLS client's) identity. */
  public TlsCredentials sender() {
    return sender;
  }

  private static X509Certificate leaf(X509Certificate ca, KeyPair caKeys, KeyPair keys, X500Name subject,
      KeyPurposeId purpose, Instant now) throws GeneralSecurityException, IOException, OperatorCreationException {
    JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
    X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(ca, serial(), Date.from(now.minusSeconds(300)),
        Date.from(now.plus(VALIDITY)), subject, keys.getPublic())
        .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
        .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
        .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose))
        .addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(ca))
        .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(keys.getPublic()));
    if (purpose == KeyPurposeId.id_kp_serverAuth) {
      // Pods reach the receiver by Service name or pod IP; the sender checks the CA, not the name.
      b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
          new GeneralName(GeneralName.dNSName, "localhost"), new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
    }
    return sign(b, caKeys);
  }

  private static X509Certificate sign(X509v3CertificateBuilder b, KeyPair signer)
      throws OperatorCreationException, GeneralSecurityException {
    ContentSigner s = new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate());
    return new JcaX509CertificateConverter().getCertificate(b.build(s));
  }

  private static X500Name name(String cn, String migration) {
    return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, "migration " + migration).addRDN(BCStyle.CN, cn)
        .build();
  }

  private static BigInteger serial() {
    return new BigInteger(127, RANDOM);
  }

  private static KeyPair ecKeyPair() throws GeneralSecurityException {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
    return g.generateKeyPair();
  }

  private static String pem(Object o) throws IOException {
    StringWriter w = new StringWriter();
    try (JcaPEMWriter p = new JcaPEMWriter(w)) {
      p.writeObject(o);
    }
    return w.toString();
  }
}
