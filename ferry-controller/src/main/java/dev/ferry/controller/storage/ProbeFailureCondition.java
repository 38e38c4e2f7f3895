package dev.ferry.controller.storage;

import dev.ferry.objectstore.ObjectStoreException;

/**
 * The condition a failed repository probe raises: its type says what kind of problem it is
 * (credentials, missing bucket or container, unreachable endpoint, anything else) and its reason
 * says it in the provider's words. Pure.
 *
 * @param type   condition type (see {@link MigStorageConditions})
 * @param reason provider-specific reason, e.g. {@code ContainerNotFound} for Azure
 */
public record ProbeFailureCondition(String type, String reason) {

  public static ProbeFailureCondition of(String provider, ObjectStoreException e) {
    String p = provider == null ? "" : provider;
    return switch (e.failure()) {
      case CREDENTIALS -> new ProbeFailureCondition(MigStorageConditions.STORAGE_CREDENTIALS_REJECTED,
          switch (p) {
            case "azure" -> "AccountKeyRejected";
            case "gcp" -> "ServiceAccountKeyRejected";
            default -> "AccessKeyRejected";
          });
      case MISSING_BUCKET -> new ProbeFailureCondition(MigStorageConditions.STORAGE_BUCKET_NOT_FOUND,
          switch (p) {
            case "azure" -> "ContainerNotFound";
            case "filesystem" -> "DirectoryNotFound";
            default -> "BucketNotFound";
          });
      case UNREACHABLE -> new ProbeFailureCondition(MigStorageConditions.STORAGE_ENDPOINT_UNREACHABLE,
          "EndpointUnreachable");
      case TLS -> new ProbeFailureCondition(MigStorageConditions.STORAGE_PROBE_FAILED, "TlsHandshakeFailed");
      case OTHER -> new ProbeFailureCondition(MigStorageConditions.STORAGE_PROBE_FAILED, "TestFailed");
    };
  }
}
