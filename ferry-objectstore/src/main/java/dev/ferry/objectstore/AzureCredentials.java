package dev.ferry.objectstore;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How Ferry signs in to an Azure storage account, read from the Secret a MigStorage's
 * credsSecretRef (or a BackupStorageLocation's credential) names, with Velero's variable names:
 * either the storage account's access key ({@code AZURE_STORAGE_ACCOUNT_ACCESS_KEY}, or the
 * variable a BackupStorageLocation's {@code storageAccountKeyEnvVar} names), or a service
 * principal ({@code AZURE_TENANT_ID}, {@code AZURE_CLIENT_ID}, {@code AZURE_CLIENT_SECRET}) that
 * signs in with Azure AD. The variables may sit in a credentials file under the Secret key
 * {@code cloud} (Velero's form) or {@code azure-credentials} (MTC's), or be keys of the Secret.
 * An access key wins when both are given. Nothing here is ever printed.
 */
public record AzureCredentials(String accountKey, String tenantId, String clientId, String clientSecret,
                               String subscriptionId, String resourceGroup, String cloudName) {
  public static final String CLOUD = "cloud";
  public static final String MTC_KEY = "azure-credentials";
  public static final String ACCESS_KEY = "AZURE_STORAGE_ACCOUNT_ACCESS_KEY";
  public static final String TENANT_ID = "AZURE_TENANT_ID";
  public static final String CLIENT_ID = "AZURE_CLIENT_ID";
  public static final String CLIENT_SECRET = "AZURE_CLIENT_SECRET";
  public static final String SUBSCRIPTION_ID = "AZURE_SUBSCRIPTION_ID";
  public static final String RESOURCE_GROUP = "AZURE_RESOURCE_GROUP";
  public static final String CLOUD_NAME = "AZURE_CLOUD_NAME";

  /** An access key alone (what Azurite and most MTC installations use). */
  public static AzureCredentials accountKey(String key) {
    return new AzureCredentials(key, null, null, null, null, null, null);
  }

  public boolean hasAccountKey() {
    return accountKey != null && !accountKey.isBlank();
  }

  /** From a Secret's {@code data} (base64 values); {@code keyVariable} is storageAccountKeyEnvVar or null. */
  public static AzureCredentials fromSecretData(String secretName, Map<String, String> base64Data,
                                                String keyVariable) {
    return fromDecoded(secretName, SecretData.decode(secretName, base64Data), keyVariable);
  }

  public static AzureCredentials fromDecoded(String secretName, Map<String, String> data, String keyVariable) {
    Map<String, String> secret = data == null ? Map.of() : data;
    Map<String, String> vars = new LinkedHashMap<>(secret);
    for (String fileKey : new String[] {MTC_KEY, CLOUD}) {
      String file = secret.get(fileKey);
      if (file != null && !file.isBlank()) {
        vars.putAll(EnvFile.parse(file, "Secret " + secretName + " key " + fileKey));
      }
    }
    String keyName = keyVariable == null || keyVariable.isBlank() ? ACCESS_KEY : keyVariable.trim();
    String key = SecretData.trimmed(vars.get(keyName));
    if (keyVariable != null && !keyVariable.isBlank() && key == null) {
      throw new ObjectStoreException("Secret " + secretName + " has no variable " + keyName + " (named by "
          + "storageAccountKeyEnvVar): add it to the credentials file under " + CLOUD);
    }
    AzureCredentials creds = new AzureCredentials(key, SecretData.trimmed(vars.get(TENANT_ID)),
        SecretData.trimmed(vars.get(CLIENT_ID)), SecretData.trimmed(vars.get(CLIENT_SECRET)),
        SecretData.trimmed(vars.get(SUBSCRIPTION_ID)), SecretData.trimmed(vars.get(RESOURCE_GROUP)),
        SecretData.trimmed(vars.get(CLOUD_NAME)));
    if (creds.hasAccountKey()) {
      return creds;
    }
    if (creds.tenantId != null && creds.clientId != null && creds.clientSecret != null) {
      return creds;
    }
    throw new ObjectStoreException("Secret " + secretName + " holds no Azure storage credentials: put "
        + ACCESS_KEY + "=<storage account key>, or a service principal (" + TENANT_ID + ", " + CLIENT_ID + ", "
        + CLIENT_SECRET + "), in a credentials file under the key " + CLOUD + "; it has "
        + (secret.isEmpty() ? "no keys" : "only " + String.join(", ", secret.keySet()))
        + (vars.size() > secret.size() ? " (and the file names only " + String.join(", ", vars.keySet().stream()
            .filter(k -> !secret.containsKey(k)).toList()) + ")" : ""));
  }

  /** The secrets are left out on purpose: this string ends up in logs and conditions. */
  @Override
  public String toString() {
    return "AzureCredentials[" + (hasAccountKey() ? "access key" : "service principal") + ", <redacted>]";
  }
}
