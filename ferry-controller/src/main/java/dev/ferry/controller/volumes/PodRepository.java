package dev.ferry.controller.volumes;

import dev.ferry.objectstore.S3Settings;
import dev.ferry.objectstore.StorageLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The replication repository as transfer pods reach it: {@code ferry mover snapshot|restore}
 * arguments and the credentials their Secret gives them as environment variables. Only an S3
 * repository is reachable from pods; a filesystem one is a directory of the controller's machine.
 * Model only.
 *
 * @param arguments   {@code --repository s3://bucket/prefix} and the endpoint options
 * @param environment AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, for a Secret (never logged)
 */
public record PodRepository(List<String> arguments, Map<String, String> environment) {

  /** Thrown when pods cannot use the repository; the message says why and what to do. */
  public static final class UnreachableException extends RuntimeException {
    public UnreachableException(String message) {
      super(message);
    }
  }

  public static PodRepository of(StorageLocation location) {
    S3Settings s3 = location.s3();
    if (!StorageLocation.AWS.equals(location.normalizedProvider()) || s3 == null) {
      throw new UnreachableException("transfer pods cannot reach a " + location.normalizedProvider()
          + " replication repository (a directory of the controller's machine); use an S3 MigStorage, or volumes "
          + "that are local directories on the controller's machine");
    }
    List<String> args = new ArrayList<>(List.of("--repository", "s3://" + s3.bucket()
        + (s3.normalizedPrefix().isEmpty() ? "" : "/" + s3.normalizedPrefix().replaceAll("/$", ""))));
    if (s3.endpoint() != null && !s3.endpoint().isBlank()) {
      args.addAll(List.of("--s3-endpoint", s3.endpoint()));
    }
    args.addAll(List.of("--s3-region", s3.effectiveRegion()));
    if (s3.forcePathStyle()) {
      args.add("--s3-path-style");
    }
    return new PodRepository(args, Map.of("AWS_ACCESS_KEY_ID", s3.accessKeyId(),
        "AWS_SECRET_ACCESS_KEY", s3.secretAccessKey()));
  }

  @Override
  public String toString() {
    return "PodRepository" + arguments; // never the credentials
  }
}
