package dev.ferry.controller.storage;

/** Condition types of a MigStorage, besides Ready. */
public final class MigStorageConditions {
  /** backupStorageProvider is missing or not supported (yet): Critical. */
  public static final String INVALID_STORAGE_PROVIDER = "InvalidStorageProvider";
  /** credsSecretRef is missing, names no Secret, or the Secret lacks the keys: Critical. */
  public static final String INVALID_CREDS_SECRET_REF = "InvalidCredsSecretRef";
  /** The bucket (or filesystem directory) is missing or not a valid name: Critical. */
  public static final String INVALID_BUCKET_NAME = "InvalidBucketName";
  /** Another backupStorageConfig field is unusable, e.g. a CA bundle that is not PEM: Critical. */
  public static final String INVALID_STORAGE_SETTINGS = "InvalidStorageSettings";
  /** The write/read/list/delete probe of the repository failed: Critical. */
  public static final String STORAGE_PROBE_FAILED = "StorageProbeFailed";
  /** The store refused the credentials of the Secret (wrong key, revoked key, no permission): Critical. */
  public static final String STORAGE_CREDENTIALS_REJECTED = "StorageCredentialsRejected";
  /** The bucket or blob container does not exist at the store: Critical. */
  public static final String STORAGE_BUCKET_NOT_FOUND = "StorageBucketNotFound";
  /** The store's endpoint cannot be reached (refused, unknown host, timeout): Critical. */
  public static final String STORAGE_ENDPOINT_UNREACHABLE = "StorageEndpointUnreachable";
  /** Velero's locations for this MigStorage could not be written on some cluster: Warn. */
  public static final String VELERO_LOCATIONS_FAILED = "VeleroLocationsFailed";

  public static final String READY_MESSAGE = "The storage is ready.";

  private MigStorageConditions() {
  }
}
