package dev.ferry.backup.restore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.backup.discovery.ApiResource;
import dev.ferry.backup.format.ItemRef;
import dev.ferry.backup.model.GroupResource;
import dev.ferry.backup.model.Json;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EntryAgreementTest {
  private static final ApiResource CONFIGMAPS = new ApiResource("", "v1", "configmaps", "ConfigMap", true,
      List.of("create"));
  private static final ApiResource CLUSTER_ROLE_BINDINGS = new ApiResource("rbac.authorization.k8s.io", "v1",
      "clusterrolebindings", "ClusterRoleBinding", false, List.of("create"));
  private static final String ENTRY = "resources/configmaps/namespaces/a/settings.json";

  private static ItemRef configMap(String namespace, String name) {
    return new ItemRef(GroupResource.core("configmaps"), namespace, name, "v1", Path.of("x.json"));
  }

  private static String check(ItemRef ref, String json, ApiResource served) {
    return EntryAgreement.disagreement(ref, ENTRY, Json.parseObject(json), Optional.ofNullable(served));
  }

  @Test
  void contentThatConfirmsItsPathOrLeavesTheNamespaceOutAgrees() {
    assertThat(check(configMap("a", "settings"),
        "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"settings\",\"namespace\":\"a\"}}",
        CONFIGMAPS)).isNull();
    assertThat(check(configMap("a", "settings"),
        "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"settings\"}}", CONFIGMAPS)).isNull();
    // Not served yet (e.g. its CRD comes with this restore): group, name and namespace still checked.
    assertThat(check(configMap("a", "settings"),
        "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"settings\"}}", null)).isNull();
  }

  @Test
  void anotherNamespaceInTheContentIsRefusedNamingTheEntryAndBothNamespaces() {
    assertThat(check(configMap("a", "settings"),
        "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"settings\",\"namespace\":\"kube-system\"}}",
        CONFIGMAPS)).isEqualTo("backup entry " + ENTRY + " names namespace kube-system in metadata.namespace, but "
            + "its path puts it in namespace a; not restored");
  }

  @Test
  void anotherKindThanThePathsResourceIsRefused() {
    String binding = "{\"apiVersion\":\"rbac.authorization.k8s.io/v1\",\"kind\":\"ClusterRoleBinding\","
        + "\"metadata\":{\"name\":\"settings\"},\"roleRef\":{\"kind\":\"ClusterRole\",\"name\":\"cluster-admin\"}}";
    assertThat(check(configMap("a", "settings"), binding, CONFIGMAPS)).isEqualTo("backup entry " + ENTRY
        + " holds a ClusterRoleBinding of apiVersion rbac.authorization.k8s.io/v1, but its path files it under "
        + "configmaps (API group core); not restored");
    assertThat(check(configMap("a", "settings"),
        "{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":\"settings\"}}", CONFIGMAPS))
        .contains("holds a Secret, but the destination serves ConfigMap under configmaps");
  }

  @Test
  void scopeNameAndShapeMustMatch() {
    ItemRef crb = new ItemRef(GroupResource.parse("clusterrolebindings.rbac.authorization.k8s.io"), "a", "x",
        "v1", Path.of("x.json"));
    assertThat(check(crb, "{\"apiVersion\":\"rbac.authorization.k8s.io/v1\",\"kind\":\"ClusterRoleBinding\","
        + "\"metadata\":{\"name\":\"x\"}}", CLUSTER_ROLE_BINDINGS))
        .contains("is filed under namespace a, but clusterrolebindings.rbac.authorization.k8s.io is cluster-scoped");
    assertThat(check(configMap(null, "settings"),
        "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"settings\"}}", CONFIGMAPS))
        .contains("is filed as cluster-scoped, but configmaps is namespaced");
    assertThat(check(configMap("a", "settings"),
        "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"other\"}}", CONFIGMAPS))
        .contains("names \"other\" in metadata.name, but its path names \"settings\"");
    assertThat(check(configMap("a", "settings"), "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\"}", CONFIGMAPS))
        .contains("has no metadata object");
    assertThat(check(configMap("a", "settings"), "{\"metadata\":{\"name\":\"settings\"}}", CONFIGMAPS))
        .contains("has no apiVersion or kind");
    assertThat(check(configMap("a", "settings"),
        "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"settings\",\"namespace\":7}}",
        CONFIGMAPS)).contains("metadata.namespace that is not a string");
  }
}
