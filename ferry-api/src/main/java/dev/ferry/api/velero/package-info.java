/** The velero.io/v1 kinds Ferry processes itself: Backup, Restore, BackupStorageLocation, VolumeSnapshotLocation. */
package dev.ferry.api.velero;
