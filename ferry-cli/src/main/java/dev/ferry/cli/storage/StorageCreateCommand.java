package dev.ferry.cli.storage;

import dev.ferry.api.migration.storage.MigStorage;
import dev.ferry.cli.Creation;
import dev.ferry.cli.UserError;
import dev.ferry.cli.cluster.ClusterCreateCommand;
import dev.ferry.cli.kube.NamespacedObjects;
import dev.ferry.cli.migration.MigrationManifests;
import dev.ferry.objectstore.AwsCredentials;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code ferry storage create NAME --provider aws|filesystem ...}: a MigStorage with the fields
 * MigStorageReconciler reads (awsBucketName, awsRegion, awsS3Url, awsS3ForcePathStyle,
 * s3CustomCABundle, insecure, credsSecretRef; or filesystemPath).
 */
@Command(name = "create", description = "Declare a replication repository: an S3-compatible bucket or a local directory.")
public class StorageCreateCommand implements Callable<Integer> {
  @ParentCommand
  StorageCommand group;

  @Parameters(index = "0", paramLabel = "NAME")
  String name;

  @Option(names = "--provider", required = true, paramLabel = "aws|filesystem",
      description = "aws (any S3-compatible store) or filesystem (a directory the controller can write).")
  String provider;

  @Option(names = "--bucket", paramLabel = "BUCKET", description = "aws: the (existing) bucket.")
  String bucket;

  @Option(names = "--region", paramLabel = "REGION", description = "aws: the bucket's region, e.g. us-east-1.")
  String region;

  @Option(names = "--endpoint", paramLabel = "URL", description = "aws: an S3-compatible endpoint (default: AWS).")
  String endpoint;

  @Option(names = "--force-path-style", description = "aws: path-style URLs (most S3-compatible stores need them).")
  boolean forcePathStyle;

  @Option(names = "--ca-bundle", paramLabel = "FILE", description = "aws: PEM file of CA certificates for the endpoint.")
  Path caBundle;

  @Option(names = "--insecure", description = "aws: do not verify the endpoint's TLS certificate.")
  boolean insecure;

  @Option(names = "--credentials-secret", paramLabel = "[NS/]NAME", description = "aws: Secret with keys "
      + AwsCredentials.ACCESS_KEY_ID + " and " + AwsCredentials.SECRET_ACCESS_KEY + " (namespace default: openshift-config).")
  String credentialsSecret;

  @Option(names = "--path", paramLabel = "DIR", description = "filesystem: the repository directory.")
  Path path;

  @Option(names = "--dry-run", description = "Print what would be created (with -o yaml: the manifest) and create nothing.")
  boolean dryRun;

  @Option(names = "--wait", description = "Wait until the controller reports the repository Ready (after its write/read/delete probe).")
  boolean wait;

  @Override
  public Integer call() {
    MigStorage storage = storage();
    if (dryRun) {
      Creation.dryRun(group.root.output, List.of(storage));
      return 0;
    }
    try (KubernetesClient client = group.root.connection().quickClient()) {
      ObjectReference creds = storage.getSpec().getBackupStorageConfig().getCredsSecretRef();
      if (creds != null) {
        requireCredentials(client, creds);
      }
      NamespacedObjects<MigStorage> objects = group.objects(client);
      Creation.create(client, objects, null, storage);
      if (wait) {
        Creation.awaitReady(objects, name, MigStorage::getStatus);
      }
    }
    return 0;
  }

  private MigStorage storage() {
    switch (provider) {
      case "filesystem" -> {
        if (bucket != null || region != null || endpoint != null || credentialsSecret != null || caBundle != null
            || insecure || forcePathStyle) {
          throw new UserError("--provider filesystem takes only --path; --bucket, --region, --endpoint, "
              + "--credentials-secret, --ca-bundle, --insecure and --force-path-style are for --provider aws");
        }
        if (path == null) {
          throw new UserError("--provider filesystem needs --path DIR, the repository directory");
        }
        return MigrationManifests.filesystemStorage(name, group.namespace, path.toAbsolutePath().normalize().toString());
      }
      case "aws" -> {
        if (path != null) {
          throw new UserError("--path is for --provider filesystem; an aws repository is a --bucket");
        }
        if (bucket == null) {
          throw new UserError("--provider aws needs --bucket BUCKET (an existing bucket)");
        }
        if (credentialsSecret == null) {
          throw new UserError("--provider aws needs --credentials-secret [NS/]NAME, a Secret with keys "
              + AwsCredentials.ACCESS_KEY_ID + " and " + AwsCredentials.SECRET_ACCESS_KEY);
        }
        if (caBundle != null && insecure) {
          throw new UserError("--ca-bundle and --insecure exclude each other: either verify with the bundle or not at all");
        }
        String ca = caBundle == null ? null : Base64.getEncoder().encodeToString(ClusterCreateCommand.readPem(caBundle)
            .getBytes(StandardCharsets.UTF_8));
        return MigrationManifests.s3Storage(name, group.namespace, new MigrationManifests.S3(bucket, region, endpoint,
            forcePathStyle, ca, insecure, MigrationManifests.secretRef(credentialsSecret)));
      }
      default -> throw new UserError("--provider " + provider + " is not supported by 'storage create'; use aws "
          + "(any S3-compatible store) or filesystem (azure and gcp: write the MigStorage manifest yourself)");
    }
  }

  private static void requireCredentials(KubernetesClient client, ObjectReference ref) {
    Secret secret = client.secrets().inNamespace(ref.getNamespace()).withName(ref.getName()).get();
    if (secret == null) {
      throw new UserError("Secret " + ref.getNamespace() + "/" + ref.getName() + " (--credentials-secret) does not "
          + "exist; create it with keys " + AwsCredentials.ACCESS_KEY_ID + " and " + AwsCredentials.SECRET_ACCESS_KEY);
    }
    for (String key : List.of(AwsCredentials.ACCESS_KEY_ID, AwsCredentials.SECRET_ACCESS_KEY)) {
      if (secret.getData() == null || !secret.getData().containsKey(key)) {
        throw new UserError("Secret " + ref.getNamespace() + "/" + ref.getName() + " (--credentials-secret) has no "
            + "key " + key + "; it needs " + AwsCredentials.ACCESS_KEY_ID + " and " + AwsCredentials.SECRET_ACCESS_KEY);
      }
    }
  }
}
