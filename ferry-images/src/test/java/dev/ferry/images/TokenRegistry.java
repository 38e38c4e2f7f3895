package dev.ferry.images;

import com.sun.net.httpserver.HttpServer;
import dev.ferry.testbed.ManagedProcess;
import dev.ferry.testbed.Readiness;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A real docker-registry configured for token authentication, and the token service it trusts:
 * an HTTP endpoint that checks basic credentials and issues ES256 JWTs (with the signing
 * certificate in {@code x5c}) granting what was asked for — the protocol of Docker Hub, Quay and
 * OpenShift's registry, so the client's challenge flow meets a registry that verifies its tokens.
 */
final class TokenRegistry implements AutoCloseable {
  static final String SERVICE = "ferry-test-registry";
  static final String ISSUER = "ferry-test-token-service";

  private final ManagedProcess registry;
  private final HttpServer tokenService;
  private final int port;
  private final String password;
  final AtomicInteger tokensIssued = new AtomicInteger();

  private TokenRegistry(ManagedProcess registry, HttpServer tokenService, int port, String password) {
    this.registry = registry;
    this.tokenService = tokenService;
    this.port = port;
    this.password = password;
  }

  static TokenRegistry start(Path dir, String user, String password) throws Exception {
    Files.createDirectories(dir.resolve("data"));
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(256);
    KeyPair key = generator.generateKeyPair();
    Instant now = Instant.now();
    X500Name name = new X500Name("CN=" + ISSUER);
    X509CertificateHolder cert = new JcaX509v3CertificateBuilder(name, BigInteger.ONE,
        Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(1))), name, key.getPublic())
        .build(new JcaContentSignerBuilder("SHA256withECDSA").build(key.getPrivate()));
    StringWriter pem = new StringWriter();
    try (JcaPEMWriter w = new JcaPEMWriter(pem)) {
      w.writeObject(cert);
    }
    Files.writeString(dir.resolve("token-ca.pem"), pem.toString());
    String x5c = Base64.getEncoder().encodeToString(cert.getEncoded());

    HttpServer tokens = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    TokenRegistry[] self = new TokenRegistry[1];
    tokens.createContext("/token", exchange -> {
      String auth = exchange.getRequestHeaders().getFirst("Authorization");
      String expected = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
          .getBytes(StandardCharsets.UTF_8));
      if (!expected.equals(auth)) {
        exchange.sendResponseHeaders(401, -1);
        exchange.close();
        return;
      }
      List<String> access = new ArrayList<>();
      String query = exchange.getRequestURI().getRawQuery();
      for (String param : query == null ? new String[0] : query.split("&")) {
        if (param.startsWith("scope=")) {
          String[] scope = URLDecoder.decode(param.substring(6), StandardCharsets.UTF_8).split(":");
          StringBuilder actions = new StringBuilder();
          for (String a : scope[2].split(",")) {
            actions.append(actions.isEmpty() ? "" : ",").append('"').append(a).append('"');
          }
          access.add("{\"type\":\"" + scope[0] + "\",\"name\":\"" + scope[1] + "\",\"actions\":[" + actions + "]}");
        }
      }
      long t = Instant.now().getEpochSecond();
      String header = "{\"typ\":\"JWT\",\"alg\":\"ES256\",\"x5c\":[\"" + x5c + "\"]}";
      String claims = "{\"iss\":\"" + ISSUER + "\",\"sub\":\"" + user + "\",\"aud\":\"" + SERVICE + "\",\"exp\":"
          + (t + 300) + ",\"nbf\":" + (t - 10) + ",\"iat\":" + t + ",\"jti\":\"" + UUID.randomUUID()
          + "\",\"access\":[" + String.join(",", access) + "]}";
      String signingInput = b64(header) + "." + b64(claims);
      byte[] signature;
      try {
        Signature es256 = Signature.getInstance("SHA256withECDSAinP1363Format");
        es256.initSign(key.getPrivate());
        es256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        signature = es256.sign();
      } catch (java.security.GeneralSecurityException e) {
        throw new IOException(e);
      }
      String jwt = signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
      byte[] body = ("{\"token\":\"" + jwt + "\"}").getBytes(StandardCharsets.UTF_8);
      self[0].tokensIssued.incrementAndGet();
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    tokens.start();

    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
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
          token:
            realm: http://127.0.0.1:%d/token
            service: %s
            issuer: %s
            rootcertbundle: %s
        http:
          addr: 127.0.0.1:%d
          secret: token-registry
        """.formatted(dir.resolve("data"), tokens.getAddress().getPort(), SERVICE, ISSUER,
        dir.resolve("token-ca.pem"), port));
    ManagedProcess process = ManagedProcess.start("token-registry",
        List.of("/usr/bin/docker-registry", "serve", dir.resolve("config.yml").toString()), dir,
        dir.resolve("registry.log"));
    TokenRegistry registry = new TokenRegistry(process, tokens, port, password);
    self[0] = registry;
    try {
      Readiness.await("token registry on port " + port, process, Duration.ofSeconds(30),
          () -> Readiness.listening(port));
    } catch (RuntimeException e) {
      registry.close();
      throw e;
    }
    return registry;
  }

  private static String b64(String json) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  String hostPort() {
    return "127.0.0.1:" + port;
  }

  String password() {
    return password;
  }

  @Override
  public void close() {
    registry.close();
    tokenService.stop(0);
  }
}
