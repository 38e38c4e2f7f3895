package dev.ferry.objectstore;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The object-store contract on a local directory. */
class FilesystemObjectStoreContractTest extends ObjectStoreContract {
  @TempDir
  Path root;

  @Override
  ObjectStore store() {
    return new FilesystemObjectStore(root);
  }

  @Override
  ObjectStore storeWithSmallParts() {
    return store();
  }

  @Override
  ObjectStore storeWithBadCredentials() {
    return null;
  }

  @Override
  String badSecret() {
    return null;
  }

  @Override
  ObjectStore storeWithMissingBucket() {
    return new FilesystemObjectStore(root.resolve("missing"));
  }

  @Override
  ObjectStore storeAtUnreachableEndpoint(int closedPort) {
    return null;
  }
}
