package dev.ferry.backup.restore.transform;

import static dev.ferry.backup.restore.transform.TransformTesting.json;
import static dev.ferry.backup.restore.transform.TransformTesting.transformed;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class ClaimBindingResetTest {

  private static final String PVC = """
      {"apiVersion": "v1", "kind": "PersistentVolumeClaim",
       "metadata": {"name": "data", "namespace": "shop", "annotations": {
         "pv.kubernetes.io/bind-completed": "yes", "pv.kubernetes.io/bound-by-controller": "yes",
         "volume.kubernetes.io/storage-provisioner": "rancher.io/local-path"}},
       "spec": {"volumeName": "pvc-1", "accessModes": ["ReadWriteOnce"],
         "resources": {"requests": {"storage": "1Gi"}}}}
      """;

  @Test
  void dropsTheBindingAnnotationsAndKeepsTheVolumeName() {
    ObjectNode result = transformed(new ClaimBindingReset(), "persistentvolumeclaims", json(PVC),
        TransformContext.defaults());
    assertThat(result.path("metadata").path("annotations")).isEqualTo(json("""
        {"volume.kubernetes.io/storage-provisioner": "rancher.io/local-path"}"""));
    assertThat(result.path("spec").path("volumeName").asText()).isEqualTo("pvc-1");
  }

  @Test
  void leavesOtherKindsAndUnannotatedClaimsAlone() {
    ObjectNode plain = json(PVC);
    ((ObjectNode) plain.path("metadata")).remove("annotations");
    assertThat(transformed(new ClaimBindingReset(), "persistentvolumeclaims", plain, TransformContext.defaults()))
        .isEqualTo(plain);
    ObjectNode configMap = json("""
        {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "c", "namespace": "shop",
         "annotations": {"pv.kubernetes.io/bind-completed": "yes"}}}""");
    assertThat(transformed(new ClaimBindingReset(), "configmaps", configMap, TransformContext.defaults()))
        .isEqualTo(configMap);
  }
}
