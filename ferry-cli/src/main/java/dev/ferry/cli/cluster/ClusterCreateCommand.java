package dev.ferry.cli.cluster;

import dev.ferry.api.migration.MigrationObjects;
import dev.ferry.api.migration.cluster.MigCluster;
import dev.ferry.cli.Creation;
import dev.ferry.cli.UserError;
import dev.ferry.cli.kube.NamespacedObjects;
import dev.ferry.cli.migration.MigrationManifests;
import dev.ferry.controller.cluster.ClusterClients;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code ferry cluster create NAME --host | --url URL (--token-secret S | --token T | --token-file F)}:
 * a MigCluster as the MTC manual writes it. A token given here goes into a Secret (key saToken) in
 * openshift-config and is never printed.
 */
@Command(name = "create", description = "Declare a cluster: the host cluster (--host), or a remote one by --url and token.")
public class ClusterCreateCommand implements Callable<Integer> {
  @ParentCommand
  ClusterCommand group;

  @Parameters(index = "0", paramLabel = "NAME")
  String name;

  @Option(names = "--host", description = "The cluster the controller runs on (reached with its own credentials).")
  boolean host;

  @Option(names = "--url", paramLabel = "URL", description = "Remote cluster: its API server, e.g. https://api.example:6443.")
  String url;

  @Option(names = "--token-secret", paramLabel = "[NS/]NAME",
      description = "Remote cluster: an existing Secret with key saToken (namespace default: openshift-config).")
  String tokenSecret;

  @Option(names = "--token", paramLabel = "TOKEN", description = "Remote cluster: a service-account token, stored "
      + "into Secret NAME-token in openshift-config (prefer --token-file: arguments are visible to other users).")
  String token;

  @Option(names = "--token-file", paramLabel = "FILE", description = "Remote cluster: read the token from FILE.")
  Path tokenFile;

  @Option(names = "--ca-bundle", paramLabel = "FILE", description = "PEM file of CA certificates that sign the cluster's certificate.")
  Path caBundle;

  @Option(names = "--insecure", description = "Do not verify the cluster's TLS certificate.")
  boolean insecure;

  @Option(names = "--exposed-registry-path", paramLabel = "HOST[:PORT]",
      description = "The cluster's exposed image registry (for direct image migration).")
  String exposedRegistryPath;

  @Option(names = "--dry-run", description = "Print what would be created (with -o yaml: the manifests) and create nothing.")
  boolean dryRun;

  @Option(names = "--wait", description = "Wait until the controller reports the cluster Ready.")
  boolean wait;

  @Override
  public Integer call() {
    Plan plan = plan();
    if (dryRun) {
      List<HasMetadata> manifests = new ArrayList<>();
      if (plan.secret() != null) {
        manifests.add(MigrationManifests.redacted(plan.secret()));
      }
      manifests.add(plan.cluster());
      Creation.dryRun(group.root.output, manifests);
      return 0;
    }
    try (KubernetesClient client = group.root.connection().quickClient()) {
      if (tokenSecret != null) {
        requireTokenSecret(client, plan.cluster().getSpec().getServiceAccountSecretRef());
      }
      NamespacedObjects<MigCluster> objects = group.objects(client);
      Creation.create(client, objects, plan.secret(), plan.cluster());
      if (wait) {
        Creation.awaitReady(objects, name, MigCluster::getStatus);
      }
    }
    return 0;
  }

  private record Plan(MigCluster cluster, Secret secret) {
  }

  /** Checks the flags and builds the manifests; every conflict is a one-line UserError. */
  private Plan plan() {
    if (host) {
      if (url != null || tokenSecret != null || token != null || tokenFile != null || caBundle != null || insecure) {
        throw new UserError("--host declares the controller's own cluster: it takes no --url, token, --ca-bundle "
            + "or --insecure");
      }
      return new Plan(MigrationManifests.hostCluster(name, group.namespace, exposedRegistryPath), null);
    }
    if (url == null) {
      throw new UserError("give --host (the controller's own cluster) or --url URL of a remote cluster");
    }
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new UserError("--url " + url + " is not a URL; give the API server's address, e.g. https://api.example:6443");
    }
    if (!"https".equals(uri.getScheme()) || uri.getHost() == null) {
      throw new UserError("--url " + url + " is not an https:// URL with a host; give the API server's address, "
          + "e.g. https://api.example:6443");
    }
    int tokenSources = (tokenSecret != null ? 1 : 0) + (token != null ? 1 : 0) + (tokenFile != null ? 1 : 0);
    if (tokenSources != 1) {
      throw new UserError(tokenSources == 0
          ? "a remote cluster needs a service-account token: give --token-secret, --token-file or --token"
          : "give only one of --token-secret, --token-file and --token");
    }
    if (caBundle != null && insecure) {
      throw new UserError("--ca-bundle and --insecure exclude each other: either verify with the bundle or not at all");
    }
    String ca = caBundle == null ? null : Base64.getEncoder().encodeToString(readPem(caBundle)
        .getBytes(StandardCharsets.UTF_8));
    ObjectReference secretRef = tokenSecret != null ? MigrationManifests.secretRef(tokenSecret)
        : MigrationObjects.ref(name + "-token", MigrationManifests.CONFIG_NAMESPACE);
    MigCluster cluster = MigrationManifests.remoteCluster(name, group.namespace, new MigrationManifests.RemoteCluster(
        url, secretRef, ca, insecure, exposedRegistryPath));
    Secret secret = tokenSecret != null ? null : MigrationManifests.tokenSecret(secretRef, readToken(), name);
    return new Plan(cluster, secret);
  }

  private String readToken() {
    String value = token;
    if (tokenFile != null) {
      try {
        value = Files.readString(tokenFile).strip();
      } catch (IOException e) {
        throw new UserError("cannot read --token-file " + tokenFile + ": " + e.getMessage());
      }
    }
    if (value == null || value.isBlank()) {
      throw new UserError("the token is empty; give the service account's token");
    }
    return value;
  }

  public static String readPem(Path file) {
    String pem;
    try {
      pem = Files.readString(file);
    } catch (IOException e) {
      throw new UserError("cannot read --ca-bundle " + file + ": " + e.getMessage());
    }
    if (!pem.contains("-----BEGIN CERTIFICATE-----")) {
      throw new UserError("--ca-bundle " + file + " holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
    }
    return pem;
  }

  private static void requireTokenSecret(KubernetesClient client, ObjectReference ref) {
    Secret secret = client.secrets().inNamespace(ref.getNamespace()).withName(ref.getName()).get();
    if (secret == null) {
      throw new UserError("Secret " + ref.getNamespace() + "/" + ref.getName() + " (--token-secret) does not exist; "
          + "create it with key " + ClusterClients.TOKEN_KEY + ", or give --token-file");
    }
    boolean hasKey = secret.getData() != null && secret.getData().containsKey(ClusterClients.TOKEN_KEY)
        || secret.getStringData() != null && secret.getStringData().containsKey(ClusterClients.TOKEN_KEY);
    if (!hasKey) {
      throw new UserError("Secret " + ref.getNamespace() + "/" + ref.getName() + " (--token-secret) has no key "
          + ClusterClients.TOKEN_KEY + "; add the service-account token under that key");
    }
  }
}
