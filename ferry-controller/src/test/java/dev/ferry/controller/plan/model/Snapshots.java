package dev.ferry.controller.plan.model;

import dev.ferry.api.common.Category;
import dev.ferry.api.migration.cluster.MigCluster;
import dev.ferry.api.migration.cluster.MigClusterStatus;
import dev.ferry.api.migration.hook.MigHook;
import dev.ferry.api.migration.plan.MigPlan;
import dev.ferry.api.migration.storage.MigStorage;
import dev.ferry.api.migration.storage.MigStorageStatus;
import dev.ferry.controller.settings.ControllerSettings;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
import io.fabric8.kubernetes.api.model.storage.StorageClassBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds {@link PlanSnapshot}s in code: by default a valid plan migrating namespace {@code shop}
 * from the host cluster to a remote one, both Ready, with a Ready repository.
 */
final class Snapshots {
  static final String NS = "openshift-migration";

  MigPlan plan;
  ControllerSettings settings = ControllerSettings.defaults();
  MigCluster source = cluster("host", true, true);
  MigCluster destination = cluster("remote", false, true);
  MigStorage storage = storage("repo", true);
  final Map<String, Namespace> sourceNamespaces = new HashMap<>();
  final Map<String, Namespace> destinationNamespaces = new HashMap<>();
  final List<Pod> pods = new ArrayList<>();
  final List<PersistentVolume> volumes = new ArrayList<>();
  final List<PersistentVolumeClaim> claims = new ArrayList<>();
  final List<StorageClass> sourceClasses = new ArrayList<>(List.of(storageClass("standard", true)));
  final List<StorageClass> destinationClasses = new ArrayList<>(List.of(storageClass("standard", true)));
  final List<MigPlan> otherPlans = new ArrayList<>();
  final Map<String, MigHook> hooks = new HashMap<>();
  String sourceError;
  boolean sourceInspected = true;
  boolean destinationInspected = true;
  List<dev.ferry.api.migration.plan.IncompatibleNamespace> incompatible;

  Snapshots() {
    plan = plan("plan", "shop");
    sourceNamespaces.put("shop", namespace("shop", null));
  }

  static MigPlan plan(String name, String... namespaces) {
    MigPlan plan = Serialization.unmarshal("""
        apiVersion: migration.openshift.io/v1alpha1
        kind: MigPlan
        metadata: {name: %s, namespace: %s}
        spec:
          srcMigClusterRef: {name: host, namespace: %s}
          destMigClusterRef: {name: remote, namespace: %s}
          migStorageRef: {name: repo, namespace: %s}
        """.formatted(name, NS, NS, NS, NS), MigPlan.class);
    plan.getSpec().setNamespaces(new ArrayList<>(List.of(namespaces)));
    return plan;
  }

  static MigCluster cluster(String name, boolean host, boolean ready) {
    MigCluster c = Serialization.unmarshal("""
        apiVersion: migration.openshift.io/v1alpha1
        kind: MigCluster
        metadata: {name: %s, namespace: %s, uid: uid-%s}
        spec: {isHostCluster: %s}
        """.formatted(name, NS, name, host), MigCluster.class);
    if (!host) {
      c.getSpec().setUrl("https://" + name + ".example.com:6443");
    }
    c.setStatus(new MigClusterStatus());
    if (ready) {
      c.getStatus().conditions().setReady(true, "The cluster is ready.");
    } else {
      c.getStatus().conditions().set("TestConnectFailed", Category.CRITICAL, "ConnectFailed",
          "the token in Secret openshift-config/x was rejected");
    }
    return c;
  }

  static MigStorage storage(String name, boolean ready) {
    MigStorage s = Serialization.unmarshal("""
        apiVersion: migration.openshift.io/v1alpha1
        kind: MigStorage
        metadata: {name: %s, namespace: %s}
        spec: {backupStorageProvider: filesystem, backupStorageConfig: {filesystemPath: /repo}}
        """.formatted(name, NS), MigStorage.class);
    s.setStatus(new MigStorageStatus());
    if (ready) {
      s.getStatus().conditions().setReady(true, "The storage is ready.");
    } else {
      s.getStatus().conditions().set("StorageProbeFailed", Category.CRITICAL, "TestFailed", "bucket b does not exist");
    }
    return s;
  }

  static Namespace namespace(String name, String nodeSelector) {
    NamespaceBuilder b = new NamespaceBuilder().withNewMetadata().withName(name).endMetadata();
    if (nodeSelector != null) {
      b.editMetadata().addToAnnotations("openshift.io/node-selector", nodeSelector).endMetadata();
    }
    return b.build();
  }

  static StorageClass storageClass(String name, boolean isDefault) {
    StorageClassBuilder b = new StorageClassBuilder().withNewMetadata().withName(name).endMetadata()
        .withProvisioner("kubernetes.io/host-path");
    if (isDefault) {
      b.editMetadata().addToAnnotations("storageclass.kubernetes.io/is-default-class", "true").endMetadata();
    }
    return b.build();
  }

  static ObjectReference ref(String name) {
    return new ObjectReferenceBuilder().withName(name).withNamespace(NS).build();
  }

  /** A Bound claim {@code claim} in {@code namespace} and its volume {@code pv}. */
  Snapshots boundClaim(String namespace, String claim, String pv, String storageClass, String volumeMode,
                       String... accessModes) {
    claims.add(new PersistentVolumeClaimBuilder().withNewMetadata().withName(claim).withNamespace(namespace)
        .endMetadata().withNewSpec().withAccessModes(accessModes).withStorageClassName(storageClass)
        .withVolumeMode(volumeMode).withVolumeName(pv).endSpec().withNewStatus().withPhase("Bound").endStatus()
        .build());
    volumes.add(new PersistentVolumeBuilder().withNewMetadata().withName(pv).endMetadata().withNewSpec()
        .addToCapacity("storage", new Quantity("1Gi")).withAccessModes(accessModes).withStorageClassName(storageClass)
        .withVolumeMode(volumeMode).withNewClaimRef().withName(claim).withNamespace(namespace).endClaimRef()
        .withNewHostPath().withPath("/tmp/" + pv).endHostPath().endSpec()
        .withNewStatus().withPhase("Bound").endStatus().build());
    return this;
  }

  Pod pod(String namespace, String name) {
    Pod p = new PodBuilder().withNewMetadata().withName(name).withNamespace(namespace).endMetadata().build();
    pods.add(p);
    return p;
  }

  PlanSnapshot build() {
    ClusterInspection src = !sourceInspected ? ClusterInspection.notInspected()
        : sourceError != null ? ClusterInspection.failed(sourceError)
        : new ClusterInspection(true, null, sourceNamespaces, pods, volumes, claims, sourceClasses);
    ClusterInspection dest = destinationInspected
        ? new ClusterInspection(true, null, destinationNamespaces, null, null, null, destinationClasses)
        : ClusterInspection.notInspected();
    return new PlanSnapshot(plan, settings,
        new ClusterState(plan.getSpec().getSrcMigClusterRef(), source),
        new ClusterState(plan.getSpec().getDestMigClusterRef(), destination),
        plan.getSpec().getMigStorageRef(), storage, src, dest, otherPlans, hooks, incompatible);
  }
}
