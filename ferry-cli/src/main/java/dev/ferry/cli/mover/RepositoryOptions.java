package dev.ferry.cli.mover;

import dev.ferry.objectstore.FilesystemObjectStore;
import dev.ferry.objectstore.ObjectStore;
import dev.ferry.objectstore.S3ObjectStore;
import dev.ferry.objectstore.S3Settings;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * Where the replication repository is: {@code file:///path} (or an absolute path), or
 * {@code s3://bucket[/prefix]} with the endpoint options and the credentials in the usual
 * environment variables {@code AWS_ACCESS_KEY_ID} / {@code AWS_SECRET_ACCESS_KEY} (from the
 * MigStorage's Secret; never on the command line, where {@code ps} would show them).
 */
final class RepositoryOptions {
  @Option(names = "--repository", required = true, paramLabel = "LOCATION",
      description = "file:///path or s3://bucket[/prefix] (credentials from AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY).")
  String location;

  @Option(names = "--s3-endpoint", paramLabel = "URL", description = "S3-compatible endpoint (default: AWS).")
  String endpoint;

  @Option(names = "--s3-region", paramLabel = "REGION", description = "S3 region (default us-east-1).")
  String region;

  @Option(names = "--s3-path-style", description = "Address buckets as host/bucket (most S3-compatible stores).")
  boolean pathStyle;

  @Option(names = "--prefix", paramLabel = "PREFIX", defaultValue = "volumes",
      description = "Folder of the volume snapshots in the repository (default ${DEFAULT-VALUE}).")
  String prefix;

  ObjectStore open(CommandSpec spec, Map<String, String> environment) {
    if (location.startsWith("s3://")) {
      String rest = location.substring("s3://".length());
      int slash = rest.indexOf('/');
      String bucket = slash < 0 ? rest : rest.substring(0, slash);
      String keyPrefix = slash < 0 ? "" : rest.substring(slash + 1);
      String accessKey = environment.get("AWS_ACCESS_KEY_ID");
      String secretKey = environment.get("AWS_SECRET_ACCESS_KEY");
      if (bucket.isBlank()) {
        throw new ParameterException(spec.commandLine(), "--repository " + location + " names no bucket");
      }
      if (accessKey == null || secretKey == null) {
        throw new ParameterException(spec.commandLine(), "an s3:// repository needs AWS_ACCESS_KEY_ID and "
            + "AWS_SECRET_ACCESS_KEY in the environment (the MigStorage's credentials Secret)");
      }
      return new S3ObjectStore(S3Settings.builder().bucket(bucket).prefix(keyPrefix).region(region)
          .endpoint(endpoint).forcePathStyle(pathStyle).credentials(accessKey, secretKey).build());
    }
    String path = location.startsWith("file://") ? location.substring("file://".length()) : location;
    if (!path.startsWith("/")) {
      throw new ParameterException(spec.commandLine(), "--repository must be file:///absolute/path or "
          + "s3://bucket[/prefix], not '" + location + "'");
    }
    return new FilesystemObjectStore(Path.of(path));
  }
}
