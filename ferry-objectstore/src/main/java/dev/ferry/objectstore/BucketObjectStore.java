package dev.ferry.objectstore;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the stores in a bucket or container share (S3, Azure Blob, Google Cloud Storage): every
 * key lives under the repository's prefix, every SDK failure becomes the store's own
 * {@link ObjectStoreException} ({@link #translate}), an upload whose content stream fails blames
 * that stream rather than the store, and a listing skips names Ferry cannot address and comes
 * back sorted. The vendor SDK calls stay in the subclasses.
 */
abstract class BucketObjectStore implements ObjectStore {
  private static final Logger LOG = LoggerFactory.getLogger(BucketObjectStore.class);

  /** "" or "a/b/": the folder of the bucket that holds the repository. */
  protected final String storePrefix;
  /** Names per list request; tests make it small to exercise pagination without thousands of keys. */
  int listPageSize = 1000;

  BucketObjectStore(String storePrefix) {
    this.storePrefix = storePrefix;
  }

  /** The store's message for an SDK failure while doing {@code action} to {@code key} (null: no key). */
  abstract ObjectStoreException translate(String action, String key, RuntimeException e);

  /** The full names (prefix included) of the objects whose names start with {@code fullPrefix}. */
  abstract Iterable<String> names(String fullPrefix);

  /** What an upload does with the caller's content, wrapped to tell its failures from the store's. */
  @FunctionalInterface
  interface Upload {
    void send(CountingSource content);
  }

  /** The object's name in the bucket. */
  final String fullKey(String key) {
    return storePrefix + ObjectKeys.requireValidKey(key);
  }

  /**
   * Runs {@code upload}. The store's own refusals pass through; a failure of the caller's stream
   * is reported as such (the SDK would retry it into a puzzling message); anything else is the
   * store's, by {@link #uploadFailure}.
   */
  final void upload(String key, InputStream content, long length, Upload upload) {
    CountingSource source = new CountingSource(content);
    try {
      upload.send(source);
    } catch (ObjectStoreException e) {
      throw e;
    } catch (RuntimeException e) {
      if (source.failure() != null) {
        throw UploadContent.unreadable(key, describe(), source.count(), source.failure());
      }
      throw uploadFailure(key, length, source, e);
    }
  }

  /** A failed put that was not the content's fault; a store may recognise its SDK's own complaints. */
  ObjectStoreException uploadFailure(String key, long length, CountingSource source, RuntimeException e) {
    return translate("put", key, e);
  }

  /** {@code call}'s result, or its failure translated as {@code action} of {@code key}. */
  final <T> T call(String action, String key, Supplier<T> call) {
    try {
      return call.get();
    } catch (RuntimeException e) {
      throw translate(action, key, e);
    }
  }

  @Override
  public List<String> list(String prefix) {
    String valid = ObjectKeys.requireValidPrefix(prefix);
    List<String> keys = new ArrayList<>();
    try {
      for (String name : names(storePrefix + valid)) {
        String key = name.substring(storePrefix.length());
        if (ObjectKeys.isAddressable(key)) {
          keys.add(key);
        } else if (!key.endsWith("/")) {
          LOG.debug("ignoring object with an unaddressable key: {}", ObjectKeys.printable(key));
        }
      }
    } catch (RuntimeException e) {
      throw translate("list", valid.isEmpty() ? null : valid, e);
    }
    // S3 lists in UTF-8 byte order, other stores differ; sorting here keeps the interface's promise.
    Collections.sort(keys);
    return keys;
  }

  @Override
  public String toString() {
    return describe();
  }
}
