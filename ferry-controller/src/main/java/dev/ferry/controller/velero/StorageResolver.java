package dev.ferry.controller.velero;

import dev.ferry.objectstore.ObjectStore;

/** Opens the repository a BackupStorageLocation names (the default location when the name is empty). */
public interface StorageResolver {
  ObjectStore open(String namespace, String locationName);
}
