package dev.ferry.cli;

import dev.ferry.api.velero.backup.Backup;
import dev.ferry.api.velero.restore.Restore;
import io.fabric8.kubernetes.client.utils.Serialization;

/** Backup and Restore CRs as the controller leaves them, for the renderer tests. */
public final class VeleroSamples {
  private VeleroSamples() {
  }

  public static Backup backup(String statusYaml) {
    return Serialization.unmarshal("""
        apiVersion: velero.io/v1
        kind: Backup
        metadata:
          name: b1
          namespace: openshift-migration
          creationTimestamp: "2026-11-28T11:59:59Z"
        spec:
          includedNamespaces: [shop]
          storageLocation: default
          ttl: 720h0m0s
        status:
        """ + statusYaml.indent(2), Backup.class);
  }

  public static Restore restore(String statusYaml) {
    return Serialization.unmarshal("""
        apiVersion: velero.io/v1
        kind: Restore
        metadata:
          name: r1
          namespace: openshift-migration
          creationTimestamp: "2026-11-28T13:00:00Z"
        spec:
          backupName: b1
          excludedResources: [nodes, events, events.events.k8s.io, backups.velero.io, restores.velero.io,
            resticrepositories.velero.io]
          namespaceMapping: {shop: shop-moved}
          restorePVs: true
        status:
        """ + statusYaml.indent(2), Restore.class);
  }
}
