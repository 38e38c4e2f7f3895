/**
 * The velero.io/v1 kinds Ferry processes itself, one sub-package per kind ({@code backup},
 * {@code restore}, {@code location} for BackupStorageLocation and VolumeSnapshotLocation); the types
 * Backup and Restore share (hooks, unknown fields) stay here.
 */
package dev.ferry.api.velero;
