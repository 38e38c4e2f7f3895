package dev.ferry.cli.demo;

import java.util.List;

/** The demo's migration, in the seed's own manifest shapes. Model only. */
public final class DemoManifests {
  private DemoManifests() {
  }

  /**
   * The MigClusters (each with its registry as exposedRegistryPath), the MigStorage and the MigPlan.
   * The plan names the database's volume {@code volumeName} (bound to the claim {@code claim}) with
   * the selection copy + {@code verify: true}, so the controller compares every file after copying;
   * the plan's discovery keeps a selection made in the spec.
   */
  static List<String> declarations(String destinationUrl, String destinationCaBase64, String sourceRegistry,
                                String destinationRegistry, String repositoryDir, String volumeName, String claim) {
    return List.of("""
        apiVersion: migration.openshift.io/v1alpha1
        kind: MigCluster
        metadata:
          labels:
            controller-tools.k8s.io: "1.0"
          name: host
          namespace: openshift-migration
        spec:
          isHostCluster: true
          insecure: false
          exposedRegistryPath: %s
        """.formatted(sourceRegistry), """
        apiVersion: migration.openshift.io/v1alpha1
        kind: MigCluster
        metadata:
          labels:
            controller-tools.k8s.io: "1.0"
          name: destination
          namespace: openshift-migration
        spec:
          isHostCluster: false
          url: %s
          caBundle: %s
          insecure: false
          exposedRegistryPath: %s
          serviceAccountSecretRef:
            name: destination-token
            namespace: openshift-config
        """.formatted(destinationUrl, destinationCaBase64, destinationRegistry), """
        apiVersion: migration.openshift.io/v1alpha1
        kind: MigStorage
        metadata:
          labels:
            controller-tools.k8s.io: "1.0"
          name: local-repository
          namespace: openshift-migration
        spec:
          backupStorageProvider: filesystem
          backupStorageConfig:
            filesystemPath: %s
        """.formatted(repositoryDir), """
        apiVersion: migration.openshift.io/v1alpha1
        kind: MigPlan
        metadata:
          labels:
            controller-tools.k8s.io: "1.0"
          name: shop-plan
          namespace: openshift-migration
        spec:
          srcMigClusterRef:
            name: host
            namespace: openshift-migration
          destMigClusterRef:
            name: destination
            namespace: openshift-migration
          migStorageRef:
            name: local-repository
            namespace: openshift-migration
          namespaces:
            - shop:shop-prod
          indirectImageMigration: false
          indirectVolumeMigration: false
          persistentVolumes:
            - name: %s
              pvc: {name: %s, namespace: shop, accessModes: [ReadWriteOnce]}
              selection: {action: copy, copyMethod: filesystem, verify: true}
        """.formatted(volumeName, claim));
  }

  /** A stage (copies volume data, the application keeps running) or a cutover with quiesce. */
  static String migration(String name, boolean stage) {
    return """
        apiVersion: migration.openshift.io/v1alpha1
        kind: MigMigration
        metadata:
          labels:
            controller-tools.k8s.io: "1.0"
          name: %s
          namespace: openshift-migration
        spec:
          stage: %s
          quiescePods: %s
          keepAnnotations: true
          verify: %s
          migPlanRef:
            name: shop-plan
            namespace: openshift-migration
        """.formatted(name, stage, !stage, !stage);
  }
}
