package dev.ferry.controller.storage;

/** Labels and config keys Ferry puts on the Velero locations it makes for MigStorages. */
public final class StorageLocationKeys {
  /** MTC's correlation label: the MigStorage's uid. */
  public static final String MIGSTORAGE_LABEL = "migstorage";
  /** MTC's label: the uid of the MigrationController that owns the installation. */
  public static final String MIGRATION_CONTROLLER_LABEL = "migrationcontroller";
  /** Ferry-specific BackupStorageLocation config key of the gcp provider: the JSON API endpoint. */
  public static final String GCS_STORE_ENDPOINT = "storeEndpoint";

  private StorageLocationKeys() {
  }
}
