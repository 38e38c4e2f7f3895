/** DirectVolumeMigration and DirectVolumeMigrationProgress: volume data copied cluster to cluster. */
package dev.ferry.api.migration.volumes;
