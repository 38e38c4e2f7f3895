package dev.ferry.testbed;

import io.fabric8.kubernetes.api.model.NamedAuthInfoBuilder;
import io.fabric8.kubernetes.api.model.NamedClusterBuilder;
import io.fabric8.kubernetes.api.model.NamedContextBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * How clients reach a local cluster: its admin token, the CA of the API server's self-signed
 * certificate, the client {@link Config} and kubeconfig files with one context per cluster.
 */
final class Kubeconfigs {
  private Kubeconfigs() {
  }

  /** A random bearer token for the cluster's static token file. */
  static String randomToken() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /**
   * The API server's certificate file once it holds two complete PEM blocks (its certificate and
   * its CA), else null: the API server may still be writing it.
   */
  static String readCa(Path cert) {
    try {
      String pem = Files.isRegularFile(cert) ? Files.readString(cert) : "";
      return pem.split("-----END CERTIFICATE-----", -1).length > 2 ? pem : null;
    } catch (IOException e) {
      return null;
    }
  }

  static Config adminConfig(String url, String token, String caPem) {
    return new ConfigBuilder(Config.empty())
        .withMasterUrl(url)
        .withOauthToken(token)
        .withCaCertData(base64(caPem))
        .withRequestTimeout(30_000)
        .build();
  }

  /** One context per cluster, named after it; the first is current. */
  static void write(Path file, List<LocalCluster> clusters) {
    io.fabric8.kubernetes.api.model.ConfigBuilder config = new io.fabric8.kubernetes.api.model.ConfigBuilder()
        .withApiVersion("v1").withKind("Config").withCurrentContext(clusters.get(0).name());
    for (LocalCluster c : clusters) {
      config.addToClusters(new NamedClusterBuilder().withName(c.name()).withNewCluster()
              .withServer(c.url())
              .withCertificateAuthorityData(base64(c.caPem()))
              .endCluster().build())
          .addToUsers(new NamedAuthInfoBuilder().withName(c.name() + "-admin").withNewUser().withToken(c.adminToken())
              .endUser().build())
          .addToContexts(new NamedContextBuilder().withName(c.name()).withNewContext().withCluster(c.name())
              .withUser(c.name() + "-admin").endContext().build());
    }
    try {
      Files.writeString(file, Serialization.asYaml(config.build()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String base64(String pem) {
    return Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.UTF_8));
  }
}
