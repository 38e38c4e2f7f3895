/** MigCluster: a cluster Ferry migrates from or to, and how to reach it. */
package dev.ferry.api.migration.cluster;
