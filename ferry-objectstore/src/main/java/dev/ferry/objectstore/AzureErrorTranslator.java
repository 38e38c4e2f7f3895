package dev.ferry.objectstore;

import com.azure.storage.blob.models.BlobErrorCode;
import com.azure.storage.blob.models.BlobStorageException;
import java.util.Set;

/**
 * Turns Azure SDK exceptions into {@link ObjectStoreException}s that say what is wrong in
 * MigStorage's terms and what to change. Messages never carry the account key or the client
 * secret, and errors about credentials do not chain the SDK exception.
 */
record AzureErrorTranslator(AzureSettings settings, String store, String endpoint) {
  private static final Set<String> CREDENTIAL_CODES = Set.of("AuthenticationFailed", "AuthorizationFailure",
      "AuthorizationPermissionMismatch", "InsufficientAccountPermissions", "InvalidAuthenticationInfo",
      "AccountIsDisabled", "KeyBasedAuthenticationNotPermitted");

  AzureErrorTranslator(AzureSettings settings, String store) {
    this(settings, store, settings.effectiveAccountUri());
  }

  ObjectStoreException translate(String action, String key, RuntimeException e) {
    String what = action + (key == null ? "" : " of " + ObjectKeys.printable(key));
    if (e instanceof BlobStorageException blob) {
      return fromService(what, key, blob);
    }
    if (e.getClass().getName().startsWith("com.azure.identity.") || e.getClass().getName().startsWith(
        "com.microsoft.aad.msal4j.")) {
      return new ObjectStoreException("Azure AD refused the service principal for storage account "
          + settings.storageAccount() + " (" + e.getClass().getSimpleName() + "): check " + AzureCredentials.TENANT_ID
          + ", " + AzureCredentials.CLIENT_ID + " and " + AzureCredentials.CLIENT_SECRET + " in the Secret referenced "
          + "by credsSecretRef, and that the principal has the Storage Blob Data Contributor role on the account", null,
          ObjectStoreException.Failure.CREDENTIALS);
    }
    Throwable tls = NetworkFailures.tls(e);
    if (tls != null) {
      return new ObjectStoreException(redact("TLS handshake with Azure Blob endpoint " + endpoint + " failed during "
          + what + ": " + tls.getMessage() + "; check storageAccountURI (http:// for a plain-HTTP emulator)"), e,
          ObjectStoreException.Failure.TLS);
    }
    Throwable network = NetworkFailures.network(e);
    if (network != null) {
      return new ObjectStoreException(redact("cannot reach Azure Blob endpoint " + endpoint + ": "
          + network.getClass().getSimpleName() + ": " + network.getMessage() + "; check azureStorageAccount (or "
          + "storageAccountURI) and the network between Ferry and the storage account"), e,
          ObjectStoreException.Failure.UNREACHABLE);
    }
    return new ObjectStoreException(redact("Azure Blob " + what + " in " + store + " failed: " + e.getMessage()), e);
  }

  private ObjectStoreException fromService(String what, String key, BlobStorageException e) {
    BlobErrorCode errorCode = e.getErrorCode();
    String code = errorCode == null ? "" : errorCode.toString();
    int status = e.getStatusCode();
    if (code.equals("ContainerNotFound")) {
      return new ObjectStoreException("blob container " + settings.container() + " does not exist in storage account "
          + settings.storageAccount() + " at " + endpoint + ": create it or fix azureStorageContainer", null,
          ObjectStoreException.Failure.MISSING_BUCKET);
    }
    if (code.equals("BlobNotFound") || (status == 404 && key != null && code.isEmpty())) {
      return new ObjectNotFoundException("object " + ObjectKeys.printable(key) + " does not exist in " + store);
    }
    if (code.equals("ResourceNotFound") || code.equals("AccountNotFound") || (status == 404 && key == null)) {
      return new ObjectStoreException("storage account " + settings.storageAccount() + " or container "
          + settings.container() + " does not exist at " + endpoint + " (" + (code.isEmpty() ? "HTTP 404" : code)
          + "): fix azureStorageAccount and azureStorageContainer", null, ObjectStoreException.Failure.MISSING_BUCKET);
    }
    if (CREDENTIAL_CODES.contains(code) || status == 401 || status == 403) {
      return new ObjectStoreException("Azure rejected the credentials for storage account " + settings.storageAccount()
          + " at " + endpoint + " (" + (code.isEmpty() ? "access denied" : code) + ", HTTP " + status + ", during "
          + what + "): check " + AzureCredentials.ACCESS_KEY + " (or the service principal) in the Secret "
          + "referenced by credsSecretRef, and that it belongs to this account and may read and write the container",
          null, ObjectStoreException.Failure.CREDENTIALS);
    }
    return new ObjectStoreException(redact("Azure Blob " + what + " in " + store + " failed: "
        + (code.isEmpty() ? "" : code + ", ") + "HTTP " + status + ": " + firstLine(e.getServiceMessage())), e);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }

  String redact(String message) {
    String out = message;
    AzureCredentials creds = settings.credentials();
    for (String secret : new String[] {creds.accountKey(), creds.clientSecret()}) {
      if (secret != null && secret.trim().length() >= 4) {
        out = out.replace(secret.trim(), "<redacted>");
      }
    }
    return out;
  }
}
