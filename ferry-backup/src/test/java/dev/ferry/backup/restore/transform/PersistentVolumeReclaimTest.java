package dev.ferry.backup.restore.transform;

import static dev.ferry.backup.restore.transform.TransformTesting.json;
import static dev.ferry.backup.restore.transform.TransformTesting.transformed;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PersistentVolumeReclaimTest {

  private static final String PV = """
      {
        "apiVersion": "v1",
        "kind": "PersistentVolume",
        "metadata": {"name": "pvc-3f1c9a52", "annotations": {"pv.kubernetes.io/provisioned-by": "nfs"}},
        "spec": {
          "capacity": {"storage": "10Gi"},
          "accessModes": ["ReadWriteMany"],
          "persistentVolumeReclaimPolicy": "Delete",
          "storageClassName": "nfs",
          "nfs": {"server": "10.0.0.5", "path": "/exports/data"},
          "claimRef": {"apiVersion": "v1", "kind": "PersistentVolumeClaim", "name": "data",
                       "namespace": "shop", "uid": "7b6f2a1e", "resourceVersion": "4711"}
        }
      }
      """;

  private final PersistentVolumeReclaim transform = new PersistentVolumeReclaim();

  @Test
  void retainsSavesOriginalPolicyAndRepointsClaimRef() {
    ObjectNode result = transformed(transform, "persistentvolumes", json(PV),
        TransformContext.withNamespaceMapping(Map.of("shop", "shop-new")));

    assertThat(result.path("metadata").path("annotations")).isEqualTo(json("""
        {"pv.kubernetes.io/provisioned-by": "nfs", "openshift.io/orig-reclaim-policy": "Delete"}
        """));
    assertThat(result.path("spec").path("persistentVolumeReclaimPolicy").asText())
        .isEqualTo("Retain");
    assertThat(result.path("spec").path("claimRef")).isEqualTo(json("""
        {"apiVersion": "v1", "kind": "PersistentVolumeClaim", "name": "data",
         "namespace": "shop-new"}
        """));
  }

  @Test
  void createsTheAnnotationsMapWhenMissing() {
    ObjectNode pv = json(PV);
    ((ObjectNode) pv.path("metadata")).remove("annotations");
    ObjectNode result = transformed(transform, "persistentvolumes", pv,
        TransformContext.defaults());
    assertThat(result.path("metadata").path("annotations")).isEqualTo(json("""
        {"openshift.io/orig-reclaim-policy": "Delete"}
        """));
    assertThat(result.path("spec").path("claimRef").path("namespace").asText()).isEqualTo("shop");
  }

  @Test
  void keepsAnAlreadySavedOriginalPolicy() {
    // MTC sets Retain on the source PV before the backup and records the original there.
    ObjectNode pv = json(PV);
    ((ObjectNode) pv.path("metadata").path("annotations"))
        .put("openshift.io/orig-reclaim-policy", "Recycle");
    ((ObjectNode) pv.path("spec")).put("persistentVolumeReclaimPolicy", "Retain");
    ObjectNode result = transformed(transform, "persistentvolumes", pv,
        TransformContext.defaults());
    assertThat(result.path("metadata").path("annotations")
        .path("openshift.io/orig-reclaim-policy").asText()).isEqualTo("Recycle");
    assertThat(result.path("spec").path("persistentVolumeReclaimPolicy").asText())
        .isEqualTo("Retain");
  }

  @Test
  void otherResourcesAreIgnored() {
    ObjectNode pvc = json("""
        {"apiVersion": "v1", "kind": "PersistentVolumeClaim",
         "metadata": {"name": "data", "namespace": "shop"},
         "spec": {"volumeName": "pvc-3f1c9a52", "persistentVolumeReclaimPolicy": "Delete"}}
        """);
    assertThat(transform.apply(TransformTesting.key("persistentvolumeclaims", pvc), pvc,
        TransformContext.defaults()).isNoChange()).isTrue();
  }
}
