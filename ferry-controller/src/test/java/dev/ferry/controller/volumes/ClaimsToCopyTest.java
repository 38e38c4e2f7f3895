package dev.ferry.controller.volumes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.api.migration.plan.MigPlan;
import dev.ferry.api.migration.volumes.PvcToMigrate;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClaimsToCopyTest {
  private static final MigPlan PLAN = Serialization.unmarshal("""
      apiVersion: migration.openshift.io/v1alpha1
      kind: MigPlan
      metadata: {name: p, namespace: openshift-migration}
      spec:
        namespaces: [shop, "billing:billing-new"]
        persistentVolumes:
        - name: pv-1
          pvc: {name: data, namespace: shop, accessModes: [ReadWriteOnce]}
          selection: {action: copy, copyMethod: filesystem, storageClass: fast, accessMode: ReadWriteMany, verify: true}
        - name: pv-2
          pvc: {name: "ledger:ledger-v2", namespace: billing, accessModes: [ReadWriteOnce], volumeMode: Filesystem}
        - name: pv-3
          pvc: {name: shared, namespace: shop}
          selection: {action: move}
        - name: pv-4
          pvc: {name: scratch, namespace: shop}
          selection: {action: skip}
      """, MigPlan.class);

  @Test
  void copiesTheCopyVolumesWithTheirSelectionsAndMappings() {
    List<PvcToMigrate> claims = ClaimsToCopy.of(PLAN.getSpec().getPersistentVolumes(),
        Map.of("shop", "shop", "billing", "billing-new"));

    assertThat(claims).extracting(ClaimsToCopy::sourceKey).containsExactly("shop/data", "billing/ledger");
    PvcToMigrate data = claims.get(0);
    assertThat(ClaimsToCopy.targetKey(data)).isEqualTo("shop/data");
    assertThat(data.getTargetStorageClass()).isEqualTo("fast");
    assertThat(data.getTargetAccessModes()).containsExactly("ReadWriteMany");
    assertThat(data.getVerify()).isTrue();

    PvcToMigrate ledger = claims.get(1);
    assertThat(ClaimsToCopy.targetKey(ledger)).as("no selection means copy, with the plan's mappings")
        .isEqualTo("billing-new/ledger-v2");
    assertThat(ledger.getTargetStorageClass()).isNull();
    assertThat(ledger.getTargetAccessModes()).containsExactly("ReadWriteOnce");
    assertThat(ledger.getTargetVolumeMode()).isEqualTo("Filesystem");
    assertThat(ledger.getVerify()).isNull();
  }

  @Test
  void noVolumesNothingToCopy() {
    assertThat(ClaimsToCopy.of(null, Map.of())).isEmpty();
  }
}
