package dev.ferry.cli.migration;

import dev.ferry.api.migration.MigrationObjects;
import dev.ferry.api.migration.storage.MigStorage;
import dev.ferry.cli.UserError;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.client.Config;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@code ferry migrate --source-context A --destination-context B} declares on the destination
 * (the host, where the controller runs): the host MigCluster, the source as a remote MigCluster
 * (URL, CA and a token taken from the kubeconfig) with its token Secret, a MigStorage and the
 * MigPlan. Model only.
 */
public final class ContextPlan {
  private ContextPlan() {
  }

  /** How the source is reached, as read from its kubeconfig context. */
  record Remote(String url, String caBundleBase64, boolean insecure, String token) {
    static Remote of(Config config, String token) {
      String ca = config.getCaCertData();
      if ((ca == null || ca.isBlank()) && config.getCaCertFile() != null) {
        try {
          ca = java.util.Base64.getEncoder().encodeToString(java.nio.file.Files.readAllBytes(
              java.nio.file.Path.of(config.getCaCertFile())));
        } catch (java.io.IOException e) {
          throw new UserError("cannot read the CA file " + config.getCaCertFile() + " named by the kubeconfig: "
              + e.getMessage());
        }
      }
      String url = config.getMasterUrl().endsWith("/") ? config.getMasterUrl()
          .substring(0, config.getMasterUrl().length() - 1) : config.getMasterUrl();
      return new Remote(url, ca == null || ca.isBlank() ? null : ca, config.isTrustCerts(), token);
    }
  }

  /** A context name as a MigCluster name: lower-case letters, digits and '-'. */
  static String clusterName(String context) {
    String name = context.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-").replaceAll("^-+|-+$", "");
    if (name.isEmpty()) {
      name = "cluster";
    }
    return name.length() > 50 ? name.substring(0, 50).replaceAll("-+$", "") : name;
  }

  /** The objects to apply on the host, in order (Secret, clusters, storage, plan). */
  static List<HasMetadata> manifests(String namespace, String plan, String sourceContext, String destinationContext,
                                     Remote source, MigStorage storage, List<String> namespaces) {
    String sourceName = clusterName(sourceContext);
    String hostName = clusterName(destinationContext);
    if (sourceName.equals(hostName)) {
      sourceName = sourceName + "-source";
    }
    ObjectReference tokenRef = MigrationObjects.ref(sourceName + "-token", MigrationManifests.CONFIG_NAMESPACE);
    List<HasMetadata> objects = new ArrayList<>();
    objects.add(MigrationManifests.tokenSecret(tokenRef, source.token(), sourceName));
    objects.add(MigrationManifests.hostCluster(hostName, namespace, null));
    objects.add(MigrationManifests.remoteCluster(sourceName, namespace, new MigrationManifests.RemoteCluster(
        source.url(), tokenRef, source.insecure() ? null : source.caBundleBase64(), source.insecure(), null)));
    objects.add(storage);
    objects.add(MigrationManifests.plan(plan, namespace, sourceName, hostName, storage.getMetadata().getName(),
        namespaces, false, false, List.of()));
    return objects;
  }

  /** {@code --storage DIR} or {@code s3://BUCKET} as a MigStorage named after the plan. */
  static MigStorage storage(String namespace, String plan, String location, String s3Endpoint,
                            ObjectReference s3Credentials) {
    String name = plan + "-repository";
    if (location.startsWith("s3://")) {
      String bucket = location.substring("s3://".length()).replaceAll("/+$", "");
      if (bucket.isEmpty() || bucket.contains("/")) {
        throw new UserError("--storage " + location + " is not s3://BUCKET");
      }
      return MigrationManifests.s3Storage(name, namespace, new MigrationManifests.S3(bucket, null, s3Endpoint,
          s3Endpoint != null, null, false, s3Credentials));
    }
    java.nio.file.Path dir = java.nio.file.Path.of(location).toAbsolutePath().normalize();
    return MigrationManifests.filesystemStorage(name, namespace, dir.toString());
  }
}
