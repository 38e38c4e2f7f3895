/** MigMigration: one run of a plan (stage, cutover, rollback), its itinerary and pipeline. */
package dev.ferry.api.migration.migration;
