/** MigrationController: the settings of the Ferry controller (MTC's operator CR). */
package dev.ferry.api.migration.settings;
