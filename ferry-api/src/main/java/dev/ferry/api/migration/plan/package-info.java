/** MigPlan: what to migrate and how, with the per-volume choices and what validation found. */
package dev.ferry.api.migration.plan;
