/**
 * The migration.openshift.io/v1alpha1 kinds (MigCluster, MigStorage, MigPlan, MigMigration, MigHook,
 * MigAnalytic, DirectImageMigration, DirectImageStreamMigration, DirectVolumeMigration,
 * DirectVolumeMigrationProgress, MigrationController) with MTC's field names.
 */
package dev.ferry.api.migration;
