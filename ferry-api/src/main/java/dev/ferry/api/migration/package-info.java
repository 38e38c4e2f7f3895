/**
 * The migration.openshift.io/v1alpha1 kinds with MTC's field names, one sub-package per kind:
 * {@code cluster} (MigCluster), {@code storage} (MigStorage), {@code plan} (MigPlan), {@code hook}
 * (MigHook), {@code migration} (MigMigration), {@code volumes} (DirectVolumeMigration,
 * DirectVolumeMigrationProgress), {@code images} (DirectImageMigration, DirectImageStreamMigration),
 * {@code analytics} (MigAnalytic) and {@code settings} (MigrationController).
 */
package dev.ferry.api.migration;
