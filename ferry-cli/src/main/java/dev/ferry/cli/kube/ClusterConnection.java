package dev.ferry.cli.kube;

import dev.ferry.cli.UserError;
import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.internal.KubeConfigUtils;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Turns {@code --kubeconfig}/{@code --context} into a client, failing with a message that
 * says what is wrong with the kubeconfig before any request is made.
 */
public final class ClusterConnection {
  private final Path kubeconfig;
  private final String context;

  public ClusterConnection(Path kubeconfig, String context) {
    this.kubeconfig = kubeconfig;
    this.context = context;
  }

  /** A client for any work: its JSON mapping knows every model class on the class path (found by a scan). */
  public KubernetesClient client() {
    return CliHttpClients.builder().withConfig(config()).build();
  }

  /**
   * A client for the one-shot commands that read and write Ferry's own kinds (get, describe,
   * create, delete, logs, cancel): no scan of the class path for model classes, which is most of
   * such a command's start-up (see {@link LightSerialization}). Objects of a kind the command
   * did not name by class would come back as GenericKubernetesResource.
   */
  public KubernetesClient quickClient() {
    return CliHttpClients.builder().withConfig(config()).withKubernetesSerialization(LightSerialization.get())
        .build();
  }

  public Config config() {
    if (kubeconfig == null && context == null && inCluster()) {
      // In a pod (the controller Deployment): its ServiceAccount's token and CA, the API server
      // from KUBERNETES_SERVICE_HOST/PORT.
      Config config = Config.autoConfigure(null);
      config.setHttp2Disable(true);
      return config;
    }
    Path file = resolveFile();
    io.fabric8.kubernetes.api.model.Config parsed;
    try {
      parsed = parse(file);
    } catch (Exception e) {
      throw new UserError("cannot read kubeconfig " + file + ": " + firstLine(e.getMessage())
          + "; check that it is a valid kubeconfig (YAML with clusters, users and contexts)");
    }
    List<String> contexts = parsed.getContexts() == null ? List.of()
        : parsed.getContexts().stream().map(NamedContext::getName).toList();
    String use = context != null ? context : parsed.getCurrentContext();
    if (use == null || use.isBlank()) {
      throw new UserError("kubeconfig " + file + " has no current context; pass --context (one of " + contexts + ")");
    }
    if (!contexts.contains(use)) {
      throw new UserError("context '" + use + "' is not in kubeconfig " + file + "; contexts there: " + contexts);
    }
    try {
      // Parsed once, here, without fabric8's static Serialization (whose first use scans the class
      // path for model classes); Config.fromKubeconfig(context, file) would parse it again.
      Config config = Config.empty();
      KubeConfigUtils.merge(config, use, parsed);
      // HTTP/1.1: over HTTP/2 the API server answers bad credentials with GOAWAY, which the JDK
      // client reports as an I/O error; over HTTP/1.1 the user gets a clear 401.
      config.setHttp2Disable(true);
      config.setRequestRetryBackoffLimit(1);
      return config;
    } catch (RuntimeException e) {
      throw new UserError("cannot use context '" + use + "' of kubeconfig " + file + ": " + firstLine(e.getMessage()));
    }
  }

  /**
   * The kubeconfig as {@code KubeConfigUtils.parseConfig} reads it: each context, cluster and user
   * remembers the file it came from, so relative certificate and token paths resolve against it.
   */
  private static io.fabric8.kubernetes.api.model.Config parse(Path file) throws java.io.IOException {
    io.fabric8.kubernetes.api.model.Config parsed =
        LightSerialization.get().unmarshal(Files.readString(file), io.fabric8.kubernetes.api.model.Config.class);
    if (parsed == null) {
      throw new java.io.IOException("the file is empty");
    }
    File origin = file.toFile();
    if (parsed.getContexts() != null) {
      parsed.getContexts().forEach(c -> c.getAdditionalProperties().put(CONTEXT_FILE_KEY, origin));
    }
    if (parsed.getClusters() != null) {
      parsed.getClusters().forEach(c -> c.getAdditionalProperties().put(CLUSTER_FILE_KEY, origin));
    }
    if (parsed.getUsers() != null) {
      parsed.getUsers().forEach(u -> u.getAdditionalProperties().put(AUTH_INFO_FILE_KEY, origin));
    }
    return parsed;
  }

  // The keys fabric8 7.x's KubeConfigUtils.parseConfig(File) uses for the same purpose (private there).
  private static final String CONTEXT_FILE_KEY = "KUBERNETES_CONFIG_CONTEXT_FILE_KEY";
  private static final String CLUSTER_FILE_KEY = "KUBERNETES_CONFIG_CLUSTER_FILE_KEY";
  private static final String AUTH_INFO_FILE_KEY = "KUBERNETES_CONFIG_AUTH_INFO_FILE_KEY";

  /** The kubeconfig file in use: --kubeconfig, else the first existing file of $KUBECONFIG, else ~/.kube/config. */
  public Path kubeconfigFile() {
    return resolveFile();
  }

  private Path resolveFile() {
    if (kubeconfig != null) {
      if (!Files.isRegularFile(kubeconfig)) {
        throw new UserError("kubeconfig " + kubeconfig + " does not exist or is not a file");
      }
      return kubeconfig;
    }
    String env = System.getenv("KUBECONFIG");
    if (env != null && !env.isBlank()) {
      for (String candidate : env.split(File.pathSeparator)) {
        if (!candidate.isBlank() && Files.isRegularFile(Path.of(candidate))) {
          return Path.of(candidate);
        }
      }
      throw new UserError("no file named in $KUBECONFIG (" + env + ") exists; pass --kubeconfig FILE");
    }
    Path home = Path.of(System.getProperty("user.home"), ".kube", "config");
    if (Files.isRegularFile(home)) {
      return home;
    }
    throw new UserError("no kubeconfig found: pass --kubeconfig FILE or set KUBECONFIG "
        + "(for a local test pair of clusters run 'ferry testbed up')");
  }

  /** In a pod with a ServiceAccount token, and no kubeconfig named or at ~/.kube/config. */
  private static boolean inCluster() {
    String env = System.getenv("KUBECONFIG");
    return (env == null || env.isBlank()) && System.getenv("KUBERNETES_SERVICE_HOST") != null
        && Files.isRegularFile(Path.of(Config.KUBERNETES_SERVICE_ACCOUNT_TOKEN_PATH))
        && !Files.isRegularFile(Path.of(System.getProperty("user.home"), ".kube", "config"));
  }

  public static String firstLine(String message) {
    if (message == null) {
      return "(no message)";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
