package dev.ferry.objectstore;

import com.google.cloud.BaseServiceException;

/**
 * Turns Google Cloud Storage client exceptions into {@link ObjectStoreException}s that say what
 * is wrong in MigStorage's terms and what to change. Errors about credentials do not chain the
 * client's exception.
 */
record GcsErrorTranslator(GcsSettings settings, String store, String endpoint) {
  GcsErrorTranslator(GcsSettings settings, String store) {
    this(settings, store, settings.effectiveEndpoint());
  }

  ObjectStoreException translate(String action, String key, RuntimeException e) {
    String what = action + (key == null ? "" : " of " + ObjectKeys.printable(key));
    Throwable tls = NetworkFailures.tls(e);
    if (tls != null) {
      return new ObjectStoreException("TLS handshake with GCS endpoint " + endpoint + " failed during " + what + ": "
          + tls.getMessage() + "; check the endpoint (http:// for a plain-HTTP emulator)", e,
          ObjectStoreException.Failure.TLS);
    }
    Throwable network = NetworkFailures.network(e);
    if (network != null) {
      return new ObjectStoreException("cannot reach GCS endpoint " + endpoint + ": "
          + network.getClass().getSimpleName() + ": " + network.getMessage() + "; check the endpoint and the "
          + "network between Ferry and Google Cloud Storage", e, ObjectStoreException.Failure.UNREACHABLE);
    }
    if (e instanceof BaseServiceException service) {
      int code = service.getCode();
      String reason = service.getReason() == null ? "" : service.getReason();
      if (code == 404) {
        if (key == null || action.equals("put")) {
          return new ObjectStoreException("GCS bucket " + settings.bucket().trim() + " does not exist at " + endpoint
              + ": create it or fix gcpBucket", null, ObjectStoreException.Failure.MISSING_BUCKET);
        }
        return new ObjectNotFoundException("object " + ObjectKeys.printable(key) + " does not exist in " + store);
      }
      if (code == 401 || code == 403) {
        return new ObjectStoreException("GCS rejected the credentials of " + (settings.credentials() == null
            ? "this anonymous client" : "service account " + settings.credentials().clientEmail()) + " for bucket "
            + settings.bucket().trim() + " (" + (reason.isEmpty() ? "access denied" : reason) + ", HTTP " + code
            + ", during " + what + "): check the service-account key under " + GcsCredentials.CLOUD + " in the "
            + "Secret referenced by credsSecretRef, and that the account may read and write the bucket "
            + "(roles/storage.objectAdmin)", null, ObjectStoreException.Failure.CREDENTIALS);
      }
      return new ObjectStoreException("GCS " + what + " in " + store + " failed: " + (reason.isEmpty() ? ""
          : reason + ", ") + "HTTP " + code + ": " + service.getMessage(), e);
    }
    String message = String.valueOf(e.getMessage());
    if (message.contains("invalid_grant") || message.contains("Error getting access token")) {
      return new ObjectStoreException("Google refused the service-account key for bucket " + settings.bucket().trim()
          + " (it could not get an access token): the key under " + GcsCredentials.CLOUD + " in the Secret "
          + "referenced by credsSecretRef is revoked or wrong; create a new key", null,
          ObjectStoreException.Failure.CREDENTIALS);
    }
    return new ObjectStoreException("GCS " + what + " in " + store + " failed: " + e, e);
  }
}
