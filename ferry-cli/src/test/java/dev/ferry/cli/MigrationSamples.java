package dev.ferry.cli;

import dev.ferry.api.migration.migration.MigMigration;
import dev.ferry.api.migration.plan.MigPlan;
import io.fabric8.kubernetes.client.utils.Serialization;

/** MigMigrations and MigPlans as the controller leaves them, for the renderer tests. */
public final class MigrationSamples {
  private MigrationSamples() {
  }

  public static MigMigration migration(String specYaml, String statusYaml) {
    return Serialization.unmarshal("""
        apiVersion: migration.openshift.io/v1alpha1
        kind: MigMigration
        metadata:
          name: m1
          namespace: openshift-migration
          creationTimestamp: "2026-11-28T12:00:00Z"
        spec:
          migPlanRef: {name: shop, namespace: openshift-migration}
        """ + specYaml.indent(2) + "status:\n" + statusYaml.indent(2), MigMigration.class);
  }

  public static final String COMPLETED = """
      phase: Completed
      itinerary: Final
      startTimestamp: "2026-11-28T12:00:01Z"
      pipeline:
      - {name: Prepare, phase: ValidatePlan, message: Completed, started: "2026-11-28T12:00:01Z", completed: "2026-11-28T12:00:02Z"}
      - {name: Backup, phase: InitialBackupCreated, message: Completed, started: "2026-11-28T12:00:02Z", completed: "2026-11-28T12:00:10Z"}
      - {name: Restore, phase: FinalRestoreCreated, message: Completed, started: "2026-11-28T12:00:10Z", completed: "2026-11-28T12:00:20Z"}
      conditions:
      - {type: Succeeded, status: "True", category: Advisory, reason: Completed, message: The migration has completed successfully., lastTransitionTime: "2026-11-28T12:00:20Z"}
      """;

  public static final String RUNNING = """
      phase: InitialBackupCreated
      itinerary: Final
      startTimestamp: "2026-11-28T12:00:01Z"
      pipeline:
      - {name: Prepare, phase: ValidatePlan, message: Completed, started: "2026-11-28T12:00:01Z", completed: "2026-11-28T12:00:02Z"}
      - {name: Backup, phase: InitialBackupCreated, message: "Running: InitialBackupCreated", started: "2026-11-28T12:00:02Z"}
      - {name: Restore, message: Not started}
      conditions:
      - {type: Running, status: "True", category: Advisory, reason: InitialBackupCreated, message: "Step: 2/7", lastTransitionTime: "2026-11-28T12:00:02Z"}
      """;

  public static final String FAILED = """
      phase: Failed
      itinerary: Final
      startTimestamp: "2026-11-28T12:00:01Z"
      pipeline:
      - {name: Prepare, phase: ValidatePlan, message: Completed, started: "2026-11-28T12:00:01Z", completed: "2026-11-28T12:00:02Z"}
      - {name: Backup, phase: InitialBackupCreated, message: "Failed: InitialBackupCreated: bucket gone", started: "2026-11-28T12:00:02Z", completed: "2026-11-28T12:00:05Z", failed: true}
      - {name: Restore, message: Not started}
      conditions:
      - {type: Failed, status: "True", category: Critical, reason: InitialBackupCreated, message: "The migration has failed. See: Errors. InitialBackupCreated: bucket gone", lastTransitionTime: "2026-11-28T12:00:05Z"}
      errors:
      - "InitialBackupCreated: bucket gone"
      """;

  public static MigPlan plan(String statusYaml) {
    return Serialization.unmarshal("""
        apiVersion: migration.openshift.io/v1alpha1
        kind: MigPlan
        metadata:
          name: shop
          namespace: openshift-migration
          creationTimestamp: "2026-11-28T10:00:00Z"
        spec:
          srcMigClusterRef: {name: host, namespace: openshift-migration}
          destMigClusterRef: {name: prod, namespace: openshift-migration}
          migStorageRef: {name: repo, namespace: openshift-migration}
          namespaces: ["shop:shop-moved", cache]
          persistentVolumes:
          - name: pv-1
            capacity: 10Gi
            storageClass: standard
            pvc: {name: "data:data", namespace: shop}
            selection: {action: copy, storageClass: fast}
          - name: pv-2
            capacity: 1Gi
            storageClass: nfs
            pvc: {name: shared, namespace: cache}
            selection: {action: move, storageClass: nfs}
        status:
        """ + statusYaml.indent(2), MigPlan.class);
  }
}
