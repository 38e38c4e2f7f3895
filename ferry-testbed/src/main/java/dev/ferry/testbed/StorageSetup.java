package dev.ferry.testbed;

import io.fabric8.kubernetes.api.model.storage.StorageClassBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * The default StorageClass of a testbed cluster. kube-controller-manager's hostPath
 * provisioner binds every claim to a new directory {@code /tmp/hostpath_pv/<uuid>} on this
 * machine (the path is fixed in Kubernetes), so a bound PVC's data is a real directory that
 * tests and the in-process mover can read and write.
 */
public final class StorageSetup {
  public static final String STORAGE_CLASS = "standard";
  public static final String PROVISIONER = "kubernetes.io/host-path";

  private StorageSetup() {
  }

  static void createDefaultStorageClass(KubernetesClient client) {
    client.storage().v1().storageClasses().resource(new StorageClassBuilder()
        .withNewMetadata().withName(STORAGE_CLASS)
        .addToAnnotations("storageclass.kubernetes.io/is-default-class", "true")
        .endMetadata()
        .withProvisioner(PROVISIONER)
        .withReclaimPolicy("Delete")
        .withVolumeBindingMode("Immediate")
        .build()).serverSideApply();
  }
}
