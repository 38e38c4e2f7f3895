package dev.ferry.objectstore;

import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.common.StorageSharedKeyCredential;
import dev.ferry.testbed.LocalAzurite;
import dev.ferry.testbed.Testbed;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The object-store contract on the testbed's Azure Blob emulator (Azurite, shared-key signed requests). */
@ExtendWith(dev.ferry.testbed.TestbedExtension.class)
class AzureBlobObjectStoreContractIT extends ObjectStoreContract {
  /** Base64 like a real key, but not Azurite's. */
  private static final String WRONG_KEY = Base64.getEncoder().encodeToString(
      "not the devstoreaccount1 key, but 64 bytes long all the same!!!!".getBytes());
  private LocalAzurite azurite;
  private String container;

  @BeforeEach
  void createContainer(Testbed testbed) {
    azurite = testbed.azurite();
    container = "contract-" + UUID.randomUUID().toString().substring(0, 8);
    new BlobServiceClientBuilder().endpoint(azurite.blobEndpoint())
        .credential(new StorageSharedKeyCredential(LocalAzurite.ACCOUNT, LocalAzurite.ACCOUNT_KEY)).buildClient()
        .createBlobContainer(container);
  }

  private AzureSettings settings(String containerName, String uri, String key) {
    return new AzureSettings(LocalAzurite.ACCOUNT, containerName, "velero", uri, null,
        AzureCredentials.accountKey(key));
  }

  @Override
  ObjectStore store() {
    return new AzureBlobObjectStore(settings(container, azurite.blobEndpoint(), LocalAzurite.ACCOUNT_KEY));
  }

  @Override
  ObjectStore storeWithSmallParts() {
    return new AzureBlobObjectStore(settings(container, azurite.blobEndpoint(), LocalAzurite.ACCOUNT_KEY))
        .withBlockSizes(MIB, MIB);
  }

  @Override
  ObjectStore storeWithBadCredentials() {
    return new AzureBlobObjectStore(settings(container, azurite.blobEndpoint(), WRONG_KEY));
  }

  @Override
  String badSecret() {
    return WRONG_KEY;
  }

  @Override
  ObjectStore storeWithMissingBucket() {
    return new AzureBlobObjectStore(settings("missing-" + container, azurite.blobEndpoint(),
        LocalAzurite.ACCOUNT_KEY));
  }

  @Override
  ObjectStore storeAtUnreachableEndpoint(int closedPort) {
    return new AzureBlobObjectStore(settings(container, "http://127.0.0.1:" + closedPort + "/"
        + LocalAzurite.ACCOUNT, LocalAzurite.ACCOUNT_KEY));
  }
}
