package dev.ferry.objectstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ObjectStoresTest {
  @TempDir
  Path root;

  @Test
  void opensAndProbesAFilesystemRepository() {
    try (ObjectStore store = ObjectStores.open(StorageLocation.filesystem(root.toString()))) {
      assertThat(store).isInstanceOf(FilesystemObjectStore.class);
      ObjectStores.probe(store);
      assertThat(store.list("")).as("the probe cleans up after itself").isEmpty();
    }
    assertThat(root).isEmptyDirectory();
  }

  @Test
  void providerNamesAreCaseInsensitive() {
    try (ObjectStore store = ObjectStores.open(new StorageLocation(" FileSystem ", root.toString(), null))) {
      assertThat(store).isInstanceOf(FilesystemObjectStore.class);
    }
  }

  @Test
  void unsupportedProvidersSaySoAndWhatToUse() {
    assertThatThrownBy(() -> ObjectStores.open(new StorageLocation("oracle", null, null)))
        .hasMessage("provider oracle is not supported by Ferry's repository; use aws (any S3-compatible store), "
            + "azure, gcp or filesystem");
    assertThatThrownBy(() -> ObjectStores.open(new StorageLocation("azure", null, null)))
        .hasMessageContaining("azureStorageAccount");
    assertThatThrownBy(() -> ObjectStores.open(new StorageLocation("gcp", null, null)))
        .hasMessageContaining("gcpBucket");
    assertThatThrownBy(() -> ObjectStores.open(new StorageLocation(null, null, null)))
        .hasMessageContaining("backupStorageProvider is empty");
    assertThatThrownBy(() -> ObjectStores.open(StorageLocation.filesystem(" ")))
        .hasMessageContaining("filesystemPath");
    assertThatThrownBy(() -> ObjectStores.open(new StorageLocation("aws", null, null)))
        .hasMessageContaining("awsBucketName");
  }

  @Test
  void probeNamesTheStepThatFailed() {
    try (ObjectStore real = new FilesystemObjectStore(root)) {
      ObjectStore listsNothing = new Delegating(real) {
        @Override
        public List<String> list(String prefix) {
          return List.of();
        }
      };
      assertThatThrownBy(() -> ObjectStores.probe(listsNothing))
          .isInstanceOf(ObjectStoreException.class)
          .hasMessageContaining("repository probe of filesystem repository " + root + " failed at the list step");
      assertThat(real.list("")).as("the probe object is removed even when the probe fails").isEmpty();

      ObjectStore readOnly = new Delegating(real) {
        @Override
        public void put(String key, InputStream content, long length) {
          throw new ObjectStoreException("permission denied");
        }
      };
      assertThatThrownBy(() -> ObjectStores.probe(readOnly))
          .hasMessageContaining("failed at the write step: permission denied");

      ObjectStore neverDeletes = new Delegating(real) {
        @Override
        public void delete(String key) {
        }
      };
      assertThatThrownBy(() -> ObjectStores.probe(neverDeletes)).hasMessageContaining("failed at the delete step");
    }
  }

  private static class Delegating implements ObjectStore {
    private final ObjectStore delegate;

    Delegating(ObjectStore delegate) {
      this.delegate = delegate;
    }

    @Override
    public void put(String key, InputStream content, long length) {
      delegate.put(key, content, length);
    }

    @Override
    public InputStream get(String key, long offset, long length) {
      return delegate.get(key, offset, length);
    }

    @Override
    public InputStream get(String key) {
      return delegate.get(key);
    }

    @Override
    public boolean exists(String key) {
      return delegate.exists(key);
    }

    @Override
    public List<String> list(String prefix) {
      return delegate.list(prefix);
    }

    @Override
    public void delete(String key) {
      delegate.delete(key);
    }

    @Override
    public String describe() {
      return delegate.describe();
    }

    @Override
    public void close() {
      delegate.close();
    }
  }
}
