package dev.ferry.backup.restore.transform;

import static dev.ferry.backup.restore.transform.TransformTesting.json;
import static dev.ferry.backup.restore.transform.TransformTesting.transformed;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NamespaceMappingTest {

  private static final TransformContext MAPPING =
      TransformContext.withNamespaceMapping(Map.of("shop", "shop-prod", "tools", "tools-prod"));

  private final NamespaceMapping transform = new NamespaceMapping();

  @Test
  void mapsTheObjectsNamespace() {
    ObjectNode pvc = json("""
        {"apiVersion": "v1", "kind": "PersistentVolumeClaim",
         "metadata": {"name": "data", "namespace": "shop"},
         "spec": {"volumeName": "pvc-3f1c9a52", "accessModes": ["ReadWriteOnce"]}}
        """);
    ObjectNode result = transformed(transform, "persistentvolumeclaims", pvc, MAPPING);
    assertThat(result.path("metadata").path("namespace").asText()).isEqualTo("shop-prod");
    assertThat(result.path("spec").path("volumeName").asText()).isEqualTo("pvc-3f1c9a52");
  }

  @Test
  void renamesTheNamespaceItselfAndKeepsSccAnnotations() {
    ObjectNode ns = json("""
        {"apiVersion": "v1", "kind": "Namespace",
         "metadata": {"name": "shop",
           "labels": {"kubernetes.io/metadata.name": "shop", "team": "web"},
           "annotations": {"openshift.io/sa.scc.uid-range": "1000650000/10000",
                           "openshift.io/sa.scc.supplemental-groups": "1000650000/10000",
                           "openshift.io/sa.scc.mcs": "s0:c26,c5"}}}
        """);
    ObjectNode result = transformed(transform, "namespaces", ns, MAPPING);
    assertThat(result).isEqualTo(json("""
        {"apiVersion": "v1", "kind": "Namespace",
         "metadata": {"name": "shop-prod",
           "labels": {"kubernetes.io/metadata.name": "shop-prod", "team": "web"},
           "annotations": {"openshift.io/sa.scc.uid-range": "1000650000/10000",
                           "openshift.io/sa.scc.supplemental-groups": "1000650000/10000",
                           "openshift.io/sa.scc.mcs": "s0:c26,c5"}}}
        """));
  }

  @Test
  void mapsRoleBindingSubjects() {
    ObjectNode binding = json("""
        {
          "apiVersion": "rbac.authorization.k8s.io/v1",
          "kind": "RoleBinding",
          "metadata": {"name": "deployers", "namespace": "shop"},
          "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole", "name": "edit"},
          "subjects": [
            {"kind": "ServiceAccount", "name": "deployer", "namespace": "shop"},
            {"kind": "ServiceAccount", "name": "pipeline", "namespace": "tools"},
            {"kind": "ServiceAccount", "name": "monitor", "namespace": "monitoring"},
            {"apiGroup": "rbac.authorization.k8s.io", "kind": "User",
             "name": "system:serviceaccount:tools:builder"},
            {"apiGroup": "rbac.authorization.k8s.io", "kind": "Group",
             "name": "system:serviceaccounts:shop"},
            {"apiGroup": "rbac.authorization.k8s.io", "kind": "User", "name": "alice"}
          ]
        }
        """);
    ObjectNode result = transformed(transform, "rolebindings.rbac.authorization.k8s.io", binding,
        MAPPING);
    assertThat(result.path("metadata").path("namespace").asText()).isEqualTo("shop-prod");
    assertThat(result.path("subjects")).isEqualTo(json("""
        {"s": [
          {"kind": "ServiceAccount", "name": "deployer", "namespace": "shop-prod"},
          {"kind": "ServiceAccount", "name": "pipeline", "namespace": "tools-prod"},
          {"kind": "ServiceAccount", "name": "monitor", "namespace": "monitoring"},
          {"apiGroup": "rbac.authorization.k8s.io", "kind": "User",
           "name": "system:serviceaccount:tools-prod:builder"},
          {"apiGroup": "rbac.authorization.k8s.io", "kind": "Group",
           "name": "system:serviceaccounts:shop-prod"},
          {"apiGroup": "rbac.authorization.k8s.io", "kind": "User", "name": "alice"}
        ]}
        """).path("s"));
  }

  @Test
  void mapsClusterRoleBindingSubjects() {
    ObjectNode binding = json("""
        {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRoleBinding",
         "metadata": {"name": "shop-anyuid"},
         "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole",
                     "name": "system:openshift:scc:anyuid"},
         "subjects": [{"kind": "ServiceAccount", "name": "web", "namespace": "shop"}]}
        """);
    ObjectNode result = transformed(transform, "clusterrolebindings.rbac.authorization.k8s.io",
        binding, MAPPING);
    assertThat(result.path("metadata").has("namespace")).isFalse();
    assertThat(result.path("subjects").get(0).path("namespace").asText()).isEqualTo("shop-prod");
  }

  @Test
  void mapsServiceAccountUsersInSccs() {
    ObjectNode scc = json("""
        {"apiVersion": "security.openshift.io/v1", "kind": "SecurityContextConstraints",
         "metadata": {"name": "shop-privileged"},
         "allowPrivilegedContainer": true,
         "users": ["system:serviceaccount:shop:web", "system:admin",
                   "system:serviceaccount:other:x"],
         "groups": ["system:serviceaccounts:tools", "system:cluster-admins"]}
        """);
    ObjectNode result = transformed(transform,
        "securitycontextconstraints.security.openshift.io", scc, MAPPING);
    assertThat(result.path("users")).isEqualTo(json("""
        {"u": ["system:serviceaccount:shop-prod:web", "system:admin",
               "system:serviceaccount:other:x"]}
        """).path("u"));
    assertThat(result.path("groups").get(0).asText()).isEqualTo("system:serviceaccounts:tools-prod");
  }

  @Test
  void mapsDeploymentConfigImageTriggers() {
    ObjectNode dc = json("""
        {"apiVersion": "apps.openshift.io/v1", "kind": "DeploymentConfig",
         "metadata": {"name": "web", "namespace": "shop"},
         "spec": {"triggers": [
           {"type": "ConfigChange"},
           {"type": "ImageChange", "imageChangeParams": {"automatic": true,
             "containerNames": ["web"],
             "from": {"kind": "ImageStreamTag", "name": "web:latest", "namespace": "shop"}}}]}}
        """);
    ObjectNode result = transformed(transform, "deploymentconfigs.apps.openshift.io", dc, MAPPING);
    assertThat(result.path("spec").path("triggers").get(1).path("imageChangeParams").path("from")
        .path("namespace").asText()).isEqualTo("shop-prod");
  }

  @Test
  void noMappingNoChange() {
    ObjectNode cm = json("""
        {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "c", "namespace": "shop"}}
        """);
    assertThat(transform.apply(TransformTesting.key("configmaps", cm), cm,
        TransformContext.defaults()).isNoChange()).isTrue();
    assertThat(transform.apply(TransformTesting.key("configmaps", cm), cm,
        TransformContext.withNamespaceMapping(Map.of("other", "x"))).isNoChange()).isTrue();
  }
}
