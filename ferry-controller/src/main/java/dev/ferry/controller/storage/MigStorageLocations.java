package dev.ferry.controller.storage;

import static dev.ferry.controller.storage.MigStorageConditions.INVALID_STORAGE_PROVIDER;

import dev.ferry.api.migration.storage.MigStorage;
import dev.ferry.objectstore.ObjectStore;
import dev.ferry.objectstore.ObjectStores;
import dev.ferry.objectstore.StorageLocation;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * The replication repository a MigStorage describes, for the MigStorage reconciler and for
 * migrations: its {@link StorageLocation}, or the open {@link ObjectStore}. Credentials are read
 * from the referenced Secret on every call, so a rotated key is used at once.
 */
public final class MigStorageLocations {
  private final KubernetesClient client;
  private final StorageLocationMapper mapper;

  public MigStorageLocations(KubernetesClient client) {
    this.client = client;
    this.mapper = new StorageLocationMapper((ns, name) -> client.secrets().inNamespace(ns).withName(name).get());
  }

  /** The MigStorage {@code ref} names (its namespace defaulting to {@code defaultNamespace}). */
  public MigStorage find(ObjectReference ref, String defaultNamespace) {
    if (ref == null || ref.getName() == null || ref.getName().isBlank()) {
      throw new InvalidMigStorageException(INVALID_STORAGE_PROVIDER, "NotSet", "no MigStorage is referenced: set "
          + "spec.migStorageRef");
    }
    String namespace = ref.getNamespace() == null || ref.getNamespace().isBlank() ? defaultNamespace
        : ref.getNamespace();
    MigStorage storage = client.resources(MigStorage.class).inNamespace(namespace).withName(ref.getName()).get();
    if (storage == null) {
      throw new InvalidMigStorageException(INVALID_STORAGE_PROVIDER, "NotFound", "MigStorage " + namespace + "/"
          + ref.getName() + " does not exist");
    }
    return storage;
  }

  /** Where the repository is; throws {@link InvalidMigStorageException} naming the field to fix. */
  public StorageLocation location(MigStorage storage) {
    return mapper.map(storage);
  }

  /** The open repository; close it after use. */
  public ObjectStore open(MigStorage storage) {
    return ObjectStores.open(location(storage));
  }
}
