package dev.ferry.controller.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.api.common.Condition;
import dev.ferry.api.migration.cluster.MigCluster;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterSpecCheckTest {
  private static MigCluster cluster(String spec) {
    return Serialization.unmarshal("""
        apiVersion: migration.openshift.io/v1alpha1
        kind: MigCluster
        metadata: {name: src, namespace: openshift-migration}
        spec:
        """ + spec.indent(2), MigCluster.class);
  }

  private static Secret secret(String token) {
    SecretBuilder b = new SecretBuilder().withNewMetadata().withName("sa").withNamespace("openshift-config")
        .endMetadata();
    if (token != null) {
      b.addToData("saToken", Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8)));
    }
    return b.build();
  }

  private static List<String> types(List<Condition> conditions) {
    return conditions.stream().map(Condition::getType).toList();
  }

  @Test
  void theHostClusterNeedsNothingElse() {
    assertThat(ClusterSpecCheck.problems(cluster("isHostCluster: true\n"), null)).isEmpty();
  }

  @Test
  void aRemoteClusterNeedsAUrlAndATokenSecret() {
    List<Condition> found = ClusterSpecCheck.problems(cluster("isHostCluster: false\n"), null);
    assertThat(types(found)).containsExactly(MigClusterConditions.INVALID_URL,
        MigClusterConditions.MISSING_SERVICE_ACCOUNT_SECRET);
    assertThat(found.get(0).getReason()).isEqualTo("NotSet");
    assertThat(found.get(1).getMessage()).contains("serviceAccountSecretRef").contains("saToken");
  }

  @Test
  void urlMustBeHttpsWithAHost() {
    assertThat(ClusterSpecCheck.urlProblem("https://api.example.com:6443")).isNull();
    assertThat(ClusterSpecCheck.urlProblem("api.example.com:6443")).contains("https://");
    assertThat(ClusterSpecCheck.urlProblem("https://")).isNotNull();
    assertThat(ClusterSpecCheck.urlProblem("https://exa mple.com")).contains("not a URL");
    List<Condition> found = ClusterSpecCheck.problems(cluster("""
        url: ftp://api.example.com
        serviceAccountSecretRef: {name: sa, namespace: openshift-config}
        """), secret("t0ken"));
    assertThat(types(found)).containsExactly(MigClusterConditions.INVALID_URL);
    assertThat(found.get(0).getReason()).isEqualTo("NotValid");
  }

  @Test
  void theSecretMustExistAndHoldAToken() {
    String spec = """
        url: https://api.example.com:6443
        serviceAccountSecretRef: {name: sa, namespace: openshift-config}
        """;
    assertThat(ClusterSpecCheck.problems(cluster(spec), secret("t0ken"))).isEmpty();
    Condition missing = ClusterSpecCheck.problems(cluster(spec), null).get(0);
    assertThat(missing.getReason()).isEqualTo("NotFound");
    assertThat(missing.getMessage()).contains("openshift-config/sa");
    Condition empty = ClusterSpecCheck.problems(cluster(spec), secret(null)).get(0);
    assertThat(empty.getReason()).isEqualTo("KeyError");
    assertThat(ClusterSpecCheck.problems(cluster(spec), secret("  ")).get(0).getReason()).isEqualTo("KeyError");
  }

  @Test
  void caBundleMustBeBase64Pem() {
    String pem = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
    String good = Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.UTF_8));
    String spec = "url: https://api.example.com\nserviceAccountSecretRef: {name: sa, namespace: openshift-config}\n";
    assertThat(ClusterSpecCheck.problems(cluster(spec + "caBundle: " + good + "\n"), secret("t"))).isEmpty();
    assertThat(types(ClusterSpecCheck.problems(cluster(spec + "caBundle: \"" + pem.replace("\n", "\\n") + "\"\n"),
        secret("t")))).containsExactly(MigClusterConditions.INVALID_CA_BUNDLE);
    assertThat(ClusterSpecCheck.problems(cluster(spec + "caBundle: junk\ninsecure: true\n"), secret("t"))).isEmpty();
  }
}
