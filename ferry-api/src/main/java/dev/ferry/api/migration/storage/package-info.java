/** MigStorage: the replication repository (object store) and volume snapshot settings. */
package dev.ferry.api.migration.storage;
