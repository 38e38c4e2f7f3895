package dev.ferry.objectstore;

import com.azure.core.http.policy.HttpLogDetailLevel;
import com.azure.core.http.policy.HttpLogOptions;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.BlobRange;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.models.ListBlobsOptions;
import com.azure.storage.blob.specialized.BlockBlobClient;
import com.azure.storage.common.StorageSharedKeyCredential;
import com.azure.storage.common.policy.RequestRetryOptions;
import com.azure.storage.common.policy.RetryPolicyType;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Duration;

/**
 * The replication repository in an Azure Blob container (or Azurite), optionally under a prefix.
 * Objects are block blobs: a known length up to {@link #singlePutLimit} goes up in one Put Blob;
 * anything larger, or of unknown length, is staged block by block ({@link AzureBlockUpload}) and
 * becomes visible only when the block list is committed, so readers never see a partial object.
 */
public final class AzureBlobObjectStore extends BucketObjectStore {
  static final long DEFAULT_SINGLE_PUT_LIMIT = 256L * 1024 * 1024;
  static final int DEFAULT_BLOCK_SIZE = 8 * 1024 * 1024;

  private final AzureSettings settings;
  private final BlobContainerClient container;
  private final AzureErrorTranslator errors;
  private long singlePutLimit = DEFAULT_SINGLE_PUT_LIMIT;
  private int blockSize = DEFAULT_BLOCK_SIZE;

  public AzureBlobObjectStore(AzureSettings settings) {
    super(settings.validate().normalizedPrefix());
    this.settings = settings;
    BlobServiceClientBuilder builder = new BlobServiceClientBuilder()
        .endpoint(settings.effectiveAccountUri())
        // Few, quick retries: an unreachable endpoint should fail the probe in seconds, not minutes.
        .retryOptions(new RequestRetryOptions(RetryPolicyType.EXPONENTIAL, 3, Duration.ofSeconds(120),
            Duration.ofMillis(200), Duration.ofSeconds(2), null))
        // Never log headers or bodies: the Authorization header is derived from the key.
        .httpLogOptions(new HttpLogOptions().setLogLevel(HttpLogDetailLevel.NONE));
    AzureCredentials creds = settings.credentials();
    if (creds.hasAccountKey()) {
      builder.credential(new StorageSharedKeyCredential(settings.storageAccount().trim(), creds.accountKey()));
    } else {
      builder.credential(new ClientSecretCredentialBuilder().tenantId(creds.tenantId()).clientId(creds.clientId())
          .clientSecret(creds.clientSecret()).authorityHost(settings.authorityHost()).build());
    }
    this.container = builder.buildClient().getBlobContainerClient(settings.container().trim());
    this.errors = new AzureErrorTranslator(settings, describe());
  }

  /** Test knob: small limits exercise staged block uploads without hundreds of MiB. */
  AzureBlobObjectStore withBlockSizes(long singlePutLimit, int blockSize) {
    this.singlePutLimit = singlePutLimit;
    this.blockSize = blockSize;
    return this;
  }

  public AzureSettings settings() {
    return settings;
  }

  @Override
  public void put(String key, InputStream content, long length) {
    BlockBlobClient blob = blob(key);
    upload(key, content, length, source -> {
      if (length >= 0 && length <= singlePutLimit) {
        byte[] bytes = AzureBlockUpload.readExactly(source, length, key, describe());
        blob.upload(new ByteArrayInputStream(bytes), bytes.length, true);
      } else {
        new AzureBlockUpload(blob, blockSize).upload(source, length, key, describe());
      }
    });
  }

  @Override
  public InputStream get(String key) {
    return call("get", key, () -> blob(key).openInputStream());
  }

  @Override
  public InputStream get(String key, long offset, long length) {
    ObjectKeys.requireValidRange(offset, length);
    BlockBlobClient blob = blob(key);
    try {
      long size = blob.getProperties().getBlobSize();
      if (offset >= size || length == 0) {
        return InputStream.nullInputStream();
      }
      return blob.openInputStream(new BlobRange(offset, Math.min(length, size - offset)), null);
    } catch (RuntimeException e) {
      throw errors.translate("get", key, e);
    }
  }

  @Override
  public boolean exists(String key) {
    try {
      return blob(key).exists();
    } catch (BlobStorageException e) {
      if (e.getStatusCode() == 404) {
        return false; // a missing container: the probe's put reports that one properly
      }
      throw errors.translate("exists check", key, e);
    } catch (RuntimeException e) {
      throw errors.translate("exists check", key, e);
    }
  }

  @Override
  Iterable<String> names(String fullPrefix) {
    ListBlobsOptions options = new ListBlobsOptions().setPrefix(fullPrefix).setMaxResultsPerPage(listPageSize);
    return container.listBlobs(options, null).stream().map(BlobItem::getName)::iterator;
  }

  @Override
  public void delete(String key) {
    call("delete", key, () -> blob(key).deleteIfExists());
  }

  @Override
  public String describe() {
    return "azure://" + settings.storageAccount().trim() + "/" + settings.container().trim() + "/" + storePrefix
        + " (" + settings.effectiveAccountUri() + ")";
  }

  @Override
  public void close() {
    // The SDK's clients share a global HTTP connection pool; nothing to release per store.
  }

  @Override
  ObjectStoreException translate(String action, String key, RuntimeException e) {
    return errors.translate(action, key, e);
  }

  private BlockBlobClient blob(String key) {
    return container.getBlobClient(fullKey(key)).getBlockBlobClient();
  }
}
