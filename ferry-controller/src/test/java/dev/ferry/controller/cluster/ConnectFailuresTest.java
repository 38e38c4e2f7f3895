package dev.ferry.controller.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class ConnectFailuresTest {
  private static final String URL = "https://api.example.com:6443";

  @Test
  void rejectedTokenNamesTheSecretNotTheToken() {
    String m = ConnectFailures.explain(new KubernetesClientException("Unauthorized", 401, null), URL,
        "the token in Secret openshift-config/src", "openshift-config/src");
    assertThat(m).contains("the token in Secret openshift-config/src was rejected").contains("401")
        .contains("saToken");
  }

  @Test
  void tlsFailureMentionsCaBundleAndInsecure() {
    var e = new KubernetesClientException("An error has occurred.",
        new SSLHandshakeException("PKIX path building failed: unable to find valid certification path"));
    String m = ConnectFailures.explain(e, URL, "x", "s/x");
    assertThat(m).contains("TLS handshake").contains("PKIX path building failed").contains("spec.caBundle")
        .contains("spec.insecure");
  }

  @Test
  void unreachableAndUnknownHosts() {
    String refused = ConnectFailures.explain(new KubernetesClientException("An error has occurred.",
        new IOException("wrapped", new ConnectException("Connection refused"))), URL, "x", "s/x");
    assertThat(refused).contains("unreachable").contains("Connection refused").contains("spec.url");
    String unknown = ConnectFailures.explain(new KubernetesClientException("x",
        new UnknownHostException("api.example.com")), URL, "x", "s/x");
    assertThat(unknown).contains("cannot be resolved");
  }

  @Test
  void forbiddenAndOtherCodes() {
    assertThat(ConnectFailures.explain(new KubernetesClientException("Forbidden", 403, null), URL,
        "the controller's own service account", null)).contains("403").contains("cluster-admin");
    assertThat(ConnectFailures.explain(new KubernetesClientException("boom", 500, null), URL, "x", null))
        .contains("HTTP 500");
  }
}
