/** Velero's Backup and the types only it uses. */
package dev.ferry.api.velero.backup;
