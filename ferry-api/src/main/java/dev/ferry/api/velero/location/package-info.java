/** Velero's BackupStorageLocation and VolumeSnapshotLocation. */
package dev.ferry.api.velero.location;
