/** MigAnalytic: sizes and counts of what a plan would migrate. */
package dev.ferry.api.migration.analytics;
