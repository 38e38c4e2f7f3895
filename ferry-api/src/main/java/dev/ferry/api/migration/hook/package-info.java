/** MigHook: a user-supplied container run at a phase of a migration. */
package dev.ferry.api.migration.hook;
