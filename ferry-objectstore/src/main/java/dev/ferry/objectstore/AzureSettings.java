package dev.ferry.objectstore;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where and how to reach an Azure Blob container: MigStorage's azureStorageAccount and
 * azureStorageContainer, or a Velero BackupStorageLocation's {@code storageAccount} config and
 * bucket, plus the credentials read from the referenced Secret.
 *
 * @param storageAccount  the storage account (azureStorageAccount / config.storageAccount)
 * @param container       the blob container (azureStorageContainer / objectStorage.bucket); must exist
 * @param prefix          folder inside the container; null or "" for the container root
 * @param accountUri      blob endpoint of the account (config.storageAccountURI), e.g. an Azure Stack
 *                        endpoint or Azurite's {@code http://127.0.0.1:10000/devstoreaccount1}; null for
 *                        {@code https://<account>.blob.<cloud suffix>}
 * @param resourceGroup   resource group of the account (azureResourceGroup); informational for Ferry, which
 *                        signs in to the data plane directly
 * @param credentials     access key or service principal; never printed
 */
public record AzureSettings(String storageAccount, String container, String prefix, String accountUri,
                            String resourceGroup, AzureCredentials credentials) {
  // Azure's rules: 3-24 lower-case letters and digits; 3-63 for containers, with single hyphens.
  private static final Pattern ACCOUNT = Pattern.compile("[a-z0-9]{3,24}");
  private static final Pattern CONTAINER = Pattern.compile("[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]");

  /** The prefix as stored before every key: "" or "a/b/". */
  public String normalizedPrefix() {
    return KeyPrefix.normalize(prefix);
  }

  /** Checks the names and the endpoint before any request; messages name the field to fix. */
  public AzureSettings validate() {
    if (storageAccount == null || !ACCOUNT.matcher(storageAccount.trim()).matches()) {
      throw new ObjectStoreException("Azure storage account " + (storageAccount == null ? "(not set)"
          : "'" + storageAccount.trim() + "'") + " is not valid: set azureStorageAccount (storageAccount) to the "
          + "account name, 3 to 24 lower-case letters and digits", null, ObjectStoreException.Failure.MISSING_BUCKET);
    }
    if (container == null || !CONTAINER.matcher(container.trim()).matches()) {
      throw new ObjectStoreException("Azure blob container " + (container == null ? "(not set)"
          : "'" + container.trim() + "'") + " is not valid: set azureStorageContainer (the bucket) to an existing "
          + "container, 3 to 63 lower-case letters, digits and single hyphens", null,
          ObjectStoreException.Failure.MISSING_BUCKET);
    }
    if (credentials == null) {
      throw new ObjectStoreException("Azure storage account " + storageAccount + " needs credentials: a Secret "
          + "with " + AzureCredentials.ACCESS_KEY + " or a service principal", null,
          ObjectStoreException.Failure.CREDENTIALS);
    }
    if (accountUri != null && !accountUri.isBlank()) {
      URI uri;
      try {
        uri = URI.create(accountUri.trim());
      } catch (IllegalArgumentException e) {
        throw new ObjectStoreException("storageAccountURI " + accountUri.trim() + " is not a URL: " + e.getMessage());
      }
      if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null) {
        throw new ObjectStoreException("storageAccountURI " + accountUri.trim() + " must be an http:// or https:// "
            + "URL of the account's blob endpoint, e.g. https://" + storageAccount.trim() + ".blob.core.windows.net");
      }
      if (uri.getUserInfo() != null) {
        throw new ObjectStoreException("storageAccountURI must not carry credentials; put them in the Secret");
      }
    }
    if (credentials.hasAccountKey()) {
      try {
        java.util.Base64.getDecoder().decode(credentials.accountKey().trim());
      } catch (IllegalArgumentException e) {
        throw new ObjectStoreException("the Azure storage account key (" + AzureCredentials.ACCESS_KEY + ") is not "
            + "base64 as Azure issues it: copy key1 or key2 of account " + storageAccount.trim() + " again", null,
            ObjectStoreException.Failure.CREDENTIALS);
      }
    }
    return this;
  }

  /** The blob endpoint Ferry talks to. */
  public String effectiveAccountUri() {
    if (accountUri != null && !accountUri.isBlank()) {
      String uri = accountUri.trim();
      return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    }
    return "https://" + storageAccount.trim() + ".blob." + cloudSuffix();
  }

  /** The Azure AD authority of the account's cloud (AZURE_CLOUD_NAME), for service-principal sign-in. */
  public String authorityHost() {
    return switch (cloudName()) {
      case "azureusgovernmentcloud" -> "https://login.microsoftonline.us/";
      case "azurechinacloud" -> "https://login.chinacloudapi.cn/";
      default -> "https://login.microsoftonline.com/";
    };
  }

  private String cloudSuffix() {
    return switch (cloudName()) {
      case "azureusgovernmentcloud" -> "core.usgovcloudapi.net";
      case "azurechinacloud" -> "core.chinacloudapi.cn";
      case "azuregermancloud" -> "core.cloudapi.de";
      default -> "core.windows.net";
    };
  }

  private String cloudName() {
    String name = credentials == null ? null : credentials.cloudName();
    return name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
  }

  /** The credentials are left out on purpose: this string ends up in logs and conditions. */
  @Override
  public String toString() {
    return "AzureSettings[storageAccount=" + storageAccount + ", container=" + container + ", prefix=" + prefix
        + ", accountUri=" + accountUri + ", resourceGroup=" + resourceGroup + ", credentials="
        + (credentials == null ? "none" : credentials.toString()) + "]";
  }
}
