package dev.ferry.objectstore;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

/** Opens the store a {@link StorageLocation} names, and checks that it really works. */
public final class ObjectStores {
  /**
   * Where {@link #probe} writes. Inside Velero's own {@code plugins/} folder: a Velero sharing the
   * bucket marks its location Unavailable ("Backup store contains invalid top-level directories")
   * while any other top-level folder exists, and it never lists {@code plugins/} itself.
   */
  public static final String PROBE_PREFIX = "plugins/ferry-probe/";

  private ObjectStores() {
  }

  public static ObjectStore open(StorageLocation location) {
    String provider = location.normalizedProvider();
    switch (provider) {
      case StorageLocation.FILESYSTEM -> {
        if (location.filesystemPath() == null || location.filesystemPath().isBlank()) {
          throw new ObjectStoreException("provider filesystem needs backupStorageConfig.filesystemPath: the directory "
              + "that holds the repository");
        }
        return new FilesystemObjectStore(Path.of(location.filesystemPath().trim()));
      }
      case StorageLocation.AWS -> {
        if (location.s3() == null) {
          throw new ObjectStoreException("provider aws needs its bucket settings (awsBucketName, awsRegion, "
              + "credsSecretRef)");
        }
        return new S3ObjectStore(location.s3());
      }
      case StorageLocation.AZURE -> {
        if (location.azure() == null) {
          throw new ObjectStoreException("provider azure needs its container settings (azureStorageAccount, "
              + "azureStorageContainer, credsSecretRef)");
        }
        return new AzureBlobObjectStore(location.azure());
      }
      case StorageLocation.GCP -> {
        if (location.gcs() == null) {
          throw new ObjectStoreException("provider gcp needs its bucket settings (gcpBucket, credsSecretRef)");
        }
        return new GcsObjectStore(location.gcs());
      }
      case "" -> throw new ObjectStoreException("backupStorageProvider is empty: use aws (any S3-compatible store), "
          + "azure, gcp or filesystem");
      default -> throw new ObjectStoreException("provider " + provider + " is not supported by Ferry's repository; "
          + "use aws (any S3-compatible store), azure, gcp or filesystem");
    }
  }

  /**
   * Writes, reads back, lists and deletes a unique object under {@value #PROBE_PREFIX}: what
   * MigStorage readiness and BackupStorageLocation availability require. Throws an
   * {@link ObjectStoreException} naming the step that failed; leaves nothing behind if it can.
   */
  public static void probe(ObjectStore store) {
    String key = PROBE_PREFIX + UUID.randomUUID();
    byte[] content = ("ferry repository probe " + Instant.now() + "\n").getBytes(StandardCharsets.UTF_8);
    step(store, "write", () -> store.put(key, new ByteArrayInputStream(content), content.length));
    try {
      step(store, "read", () -> {
        byte[] read = store.getBytes(key);
        if (!Arrays.equals(read, content)) {
          throw new ObjectStoreException("read back " + read.length + " bytes that differ from the " + content.length
              + " written");
        }
      });
      step(store, "list", () -> {
        if (!store.list(PROBE_PREFIX).contains(key)) {
          throw new ObjectStoreException("the object just written is missing from the listing of " + PROBE_PREFIX);
        }
      });
    } catch (ObjectStoreException e) {
      try {
        store.delete(key);
      } catch (RuntimeException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
    step(store, "delete", () -> {
      store.delete(key);
      if (store.exists(key)) {
        throw new ObjectStoreException("the object still exists after deleting it");
      }
    });
  }

  private static void step(ObjectStore store, String name, Runnable action) {
    try {
      action.run();
    } catch (RuntimeException e) {
      throw new ObjectStoreException("repository probe of " + store.describe() + " failed at the " + name + " step: "
          + e.getMessage(), e);
    }
  }
}
