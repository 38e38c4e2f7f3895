package dev.ferry.images;

import dev.ferry.testbed.ManagedProcess;
import dev.ferry.testbed.Readiness;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A real docker-registry like the testbed's, but serving TLS with a fresh self-signed certificate
 * and requiring basic auth from one htpasswd (bcrypt) user; its storage directory is known, so
 * tests can damage stored blobs.
 */
final class SecuredRegistry implements AutoCloseable {
  static final String USER = "ferry";

  private final ManagedProcess process;
  private final int port;
  private final String caPem;
  private final String password;
  private final Path data;

  private SecuredRegistry(ManagedProcess process, int port, String caPem, String password, Path data) {
    this.process = process;
    this.port = port;
    this.caPem = caPem;
    this.password = password;
    this.data = data;
  }

  static SecuredRegistry start(Path dir) throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    Files.createDirectories(dir.resolve("data"));
    String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(8));
    byte[] salt = new byte[16];
    new SecureRandom().nextBytes(salt);
    Files.writeString(dir.resolve("htpasswd"),
        USER + ":" + OpenBSDBCrypt.generate("2y", password.toCharArray(), salt, 6) + "\n");
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(256);
    KeyPair key = generator.generateKeyPair();
    Instant now = Instant.now();
    X500Name name = new X500Name("CN=ferry test registry");
    X509CertificateHolder cert = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
        Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(1))), name, key.getPublic())
        .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
        .addExtension(Extension.subjectAlternativeName, false,
            new GeneralNames(new GeneralName(GeneralName.iPAddress, "127.0.0.1")))
        .build(new JcaContentSignerBuilder("SHA256withECDSA").build(key.getPrivate()));
    String certPem = pem(cert);
    Files.writeString(dir.resolve("tls.crt"), certPem);
    // PKCS#8, which Go's TLS stack reads for every key type.
    Files.writeString(dir.resolve("tls.key"), "-----BEGIN PRIVATE KEY-----\n"
        + java.util.Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(key.getPrivate().getEncoded())
        + "\n-----END PRIVATE KEY-----\n");
    Files.writeString(dir.resolve("config.yml"), """
        version: 0.1
        log:
          level: warn
          accesslog:
            disabled: true
        storage:
          filesystem:
            rootdirectory: %s
        auth:
          htpasswd:
            realm: ferry-test
            path: %s
        http:
          addr: 127.0.0.1:%d
          secret: %s
          tls:
            certificate: %s
            key: %s
        """.formatted(dir.resolve("data"), dir.resolve("htpasswd"), port, password,
        dir.resolve("tls.crt"), dir.resolve("tls.key")));
    ManagedProcess process = ManagedProcess.start("secured-registry",
        List.of("/usr/bin/docker-registry", "serve", dir.resolve("config.yml").toString()), dir,
        dir.resolve("registry.log"));
    SecuredRegistry registry = new SecuredRegistry(process, port, certPem, password, dir.resolve("data"));
    try {
      Readiness.await("secured registry on port " + port, process, Duration.ofSeconds(30),
          () -> Readiness.listening(port));
    } catch (RuntimeException e) {
      registry.close();
      throw e;
    }
    return registry;
  }

  private static String pem(Object o) throws IOException {
    StringWriter w = new StringWriter();
    try (JcaPEMWriter p = new JcaPEMWriter(w)) {
      p.writeObject(o);
    }
    return w.toString();
  }

  String hostPort() {
    return "127.0.0.1:" + port;
  }

  String caPem() {
    return caPem;
  }

  String password() {
    return password;
  }

  /** The stored content of a blob (to damage it). */
  Path blobData(String digest) {
    String hex = digest.substring("sha256:".length());
    return data.resolve("docker/registry/v2/blobs/sha256/" + hex.substring(0, 2) + "/" + hex + "/data");
  }

  RegistryEndpoint endpoint(RegistryCredentials credentials) {
    return new RegistryEndpoint(hostPort(), credentials, RegistryEndpoint.Transport.HTTPS, caPem);
  }

  @Override
  public void close() {
    process.close();
  }

  static void write(Path file, byte[] content) {
    try {
      Files.write(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String utf8(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }
}
