package dev.ferry.controller.plan.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.api.migration.plan.CopyMethod;
import dev.ferry.api.migration.plan.PlanVolume;
import dev.ferry.api.migration.plan.PvAction;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.List;
import org.junit.jupiter.api.Test;

class PvDiscoveryTest {

  private static List<PlanVolume> discover(Snapshots s, String... namespaces) {
    return PvDiscovery.discover(NamespacePair.parseAll(List.of(namespaces)), s.volumes, s.claims, s.pods,
        s.destinationClasses, s.plan.getSpec().getPersistentVolumes());
  }

  @Test
  void boundVolumesOfPlanNamespacesGetDefaults() {
    Snapshots s = new Snapshots()
        .boundClaim("shop", "data", "pv-data", "standard", "Filesystem", "ReadWriteOnce", "ReadOnlyMany")
        .boundClaim("other", "x", "pv-other", "standard", "Filesystem", "ReadWriteOnce");
    s.volumes.add(new PersistentVolumeBuilder(s.volumes.get(0)).editMetadata().withName("pv-released").endMetadata()
        .editStatus().withPhase("Released").endStatus().build());
    List<PlanVolume> found = discover(s, "shop");
    assertThat(found).hasSize(1);
    PlanVolume v = found.get(0);
    assertThat(v.getName()).isEqualTo("pv-data");
    assertThat(v.getCapacity()).isEqualTo(new Quantity("1Gi"));
    assertThat(v.getStorageClass()).isEqualTo("standard");
    assertThat(v.getPvc().getName()).isEqualTo("data");
    assertThat(v.getPvc().getNamespace()).isEqualTo("shop");
    assertThat(v.getPvc().getAccessModes()).containsExactly("ReadWriteOnce", "ReadOnlyMany");
    assertThat(v.getPvc().getVolumeMode()).isEqualTo("Filesystem");
    assertThat(v.getSupported().getActions()).containsExactly(PvAction.COPY, PvAction.SKIP);
    assertThat(v.getSupported().getCopyMethods()).containsExactly(CopyMethod.FILESYSTEM, CopyMethod.SNAPSHOT);
    assertThat(v.getSelection().getAction()).isEqualTo(PvAction.COPY);
    assertThat(v.getSelection().getCopyMethod()).isEqualTo(CopyMethod.FILESYSTEM);
    assertThat(v.getSelection().getStorageClass()).isEqualTo("standard");
    assertThat(v.getSelection().getAccessMode()).isEqualTo("ReadWriteOnce");
    assertThat(v.getSelection().getVerify()).isNull();
    assertThat(v.getPvc().getHasReference()).isNull();
  }

  @Test
  void aMappedNamespaceWritesTheClaimAsSrcDest() {
    Snapshots s = new Snapshots().boundClaim("shop", "data", "pv-data", "standard", "Filesystem", "ReadWriteOnce");
    assertThat(discover(s, "shop:store").get(0).getPvc().getName()).isEqualTo("data:data");
    assertThat(discover(s, "shop:store").get(0).getPvc().getNamespace()).isEqualTo("shop");
  }

  @Test
  void blockVolumesAreCopiedAsBlocks() {
    Snapshots s = new Snapshots().boundClaim("shop", "disk", "pv-disk", "standard", "Block", "ReadWriteOnce");
    PlanVolume v = discover(s, "shop").get(0);
    assertThat(v.getSupported().getCopyMethods()).containsExactly(CopyMethod.BLOCK, CopyMethod.SNAPSHOT);
    assertThat(v.getSelection().getCopyMethod()).isEqualTo(CopyMethod.BLOCK);
  }

  @Test
  void nfsVolumesCanBeMoved() {
    Snapshots s = new Snapshots().boundClaim("shop", "shared", "pv-nfs", "", "Filesystem", "ReadWriteMany");
    PersistentVolume nfs = new PersistentVolumeBuilder(s.volumes.get(0)).editSpec().withHostPath(null)
        .withNewNfs().withServer("nfs.example.com").withPath("/exports/shop").endNfs().endSpec().build();
    s.volumes.set(0, nfs);
    PlanVolume v = discover(s, "shop").get(0);
    assertThat(v.getSupported().getActions()).containsExactly(PvAction.COPY, PvAction.MOVE, PvAction.SKIP);
    assertThat(v.getNfs().getServer()).isEqualTo("nfs.example.com");
    assertThat(v.getNfs().getPath()).isEqualTo("/exports/shop");
    assertThat(v.getStorageClass()).isNull();
    assertThat(v.getSelection().getStorageClass()).as("no class on the source: the destination default")
        .isEqualTo("standard");
  }

  @Test
  void storageClassIsTheSameNameIfTheDestinationHasItElseItsDefault() {
    Snapshots s = new Snapshots()
        .boundClaim("shop", "a", "pv-a", "gold", "Filesystem", "ReadWriteOnce")
        .boundClaim("shop", "b", "pv-b", "silver", "Filesystem", "ReadWriteOnce");
    s.destinationClasses.add(Snapshots.storageClass("gold", false));
    List<PlanVolume> found = discover(s, "shop");
    assertThat(found).extracting(v -> v.getSelection().getStorageClass()).containsExactly("gold", "standard");

    s.destinationClasses.clear();
    assertThat(discover(s, "shop")).extracting(v -> v.getSelection().getStorageClass()).containsOnlyNulls();
  }

  @Test
  void theUsersChoicesSurviveRediscovery() {
    Snapshots s = new Snapshots().boundClaim("shop", "data", "pv-data", "standard", "Filesystem", "ReadWriteOnce");
    s.destinationClasses.add(Snapshots.storageClass("gold", false));
    List<PlanVolume> first = discover(s, "shop");
    first.get(0).getSelection().setAction(PvAction.SKIP);
    first.get(0).getSelection().setStorageClass("gold");
    first.get(0).getSelection().setVerify(true);
    first.get(0).getSelection().setAccessMode(null);
    first.get(0).getPvc().setName("data:data-new");
    first.get(0).setCapacityConfirmed(true);
    s.plan.getSpec().setPersistentVolumes(first);
    PlanVolume again = discover(s, "shop").get(0);
    assertThat(again.getSelection().getAction()).isEqualTo(PvAction.SKIP);
    assertThat(again.getSelection().getStorageClass()).isEqualTo("gold");
    assertThat(again.getSelection().getVerify()).isTrue();
    assertThat(again.getSelection().getAccessMode()).as("an unset choice gets its default").isEqualTo("ReadWriteOnce");
    assertThat(again.getPvc().getName()).isEqualTo("data:data-new");
    assertThat(again.getCapacityConfirmed()).isTrue();
    assertThat(discover(s, "shop")).isEqualTo(discover(s, "shop"));
  }

  @Test
  void volumesThatAreGoneAreDroppedAndTheOrderIsStable() {
    Snapshots s = new Snapshots()
        .boundClaim("shop", "zeta", "pv-1", "standard", "Filesystem", "ReadWriteOnce")
        .boundClaim("cart", "alpha", "pv-2", "standard", "Filesystem", "ReadWriteOnce");
    s.plan.getSpec().setPersistentVolumes(discover(s, "shop", "cart"));
    assertThat(s.plan.getSpec().getPersistentVolumes()).extracting(PlanVolume::getName).containsExactly("pv-2", "pv-1");
    s.volumes.remove(1);
    assertThat(discover(s, "shop", "cart")).extracting(PlanVolume::getName).containsExactly("pv-1");
  }

  @Test
  void aMountingPodTellsTheOwnerKind() {
    Snapshots s = new Snapshots().boundClaim("shop", "data", "pv-data", "standard", "Filesystem", "ReadWriteOnce");
    s.pods.add(podMounting("data", "ReplicaSet", true));
    PlanVolume v = discover(s, "shop").get(0);
    assertThat(v.getPvc().getHasReference()).isTrue();
    assertThat(v.getPvc().getOwnerType()).isEqualTo("Deployment");
    assertThat(PvDiscovery.ownerType(podMounting("data", "StatefulSet", false))).isEqualTo("StatefulSet");
    assertThat(PvDiscovery.ownerType(podMounting("data", "ReplicaSet", false))).isEqualTo("ReplicaSet");
    assertThat(PvDiscovery.ownerType(new PodBuilder().withNewMetadata().withName("bare").endMetadata().build()))
        .isEqualTo("Unknown");
  }

  private static Pod podMounting(String claim, String ownerKind, boolean templateHash) {
    PodBuilder b = new PodBuilder().withNewMetadata().withName("web-1").withNamespace("shop")
        .addNewOwnerReference().withKind(ownerKind).withName("web").withController(true).endOwnerReference()
        .endMetadata()
        .withNewSpec().addNewVolume().withName("v").withNewPersistentVolumeClaim().withClaimName(claim)
        .endPersistentVolumeClaim().endVolume().endSpec();
    if (templateHash) {
      b.editMetadata().addToLabels("pod-template-hash", "abc").endMetadata();
    }
    return b.build();
  }
}
