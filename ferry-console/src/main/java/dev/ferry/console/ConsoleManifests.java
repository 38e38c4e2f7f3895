package dev.ferry.console;

import static dev.ferry.api.migration.MigrationObjects.metadata;
import static dev.ferry.api.migration.MigrationObjects.ref;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.api.migration.cluster.MigCluster;
import dev.ferry.api.migration.cluster.MigClusterSpec;
import dev.ferry.api.migration.hook.MigHook;
import dev.ferry.api.migration.hook.MigHookSpec;
import dev.ferry.api.migration.hook.TargetCluster;
import dev.ferry.api.migration.migration.MigMigration;
import dev.ferry.api.migration.migration.MigMigrationSpec;
import dev.ferry.api.migration.plan.MigPlan;
import dev.ferry.api.migration.plan.MigPlanSpec;
import dev.ferry.api.migration.storage.MigStorage;
import dev.ferry.api.migration.storage.MigStorageSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The objects the console's forms create, in the shapes MTC users write by hand (label
 * {@code controller-tools.k8s.io: "1.0"}, references with name and namespace, credentials in a
 * Secret in {@code openshift-config}). Each form field is checked here, with a message naming the
 * field. Model only: no cluster access.
 */
final class ConsoleManifests {
  static final String CONFIG_NAMESPACE = "openshift-config";
  /** Same marker as {@code ferry cluster create}: the Secret belongs to that object and goes with it. */
  static final String CREATED_FOR = "ferry.dev/created-for";
  static final String TOKEN_KEY = "saToken";
  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern DNS_SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9.]*[a-z0-9])?");

  private ConsoleManifests() {
  }

  /** A MigCluster and, for a remote cluster, the Secret with its token (created first, generateName). */
  record ClusterObjects(Secret tokenSecret, MigCluster cluster) {
  }

  static ClusterObjects cluster(ObjectNode form, String namespace) {
    return cluster(form, namespace, true);
  }

  /**
   * @param tokenRequired false when editing: an empty token keeps the Secret the cluster already
   *                      references, and {@code tokenSecret} is then null
   */
  static ClusterObjects cluster(ObjectNode form, String namespace, boolean tokenRequired) {
    String name = name(form, "name");
    boolean host = form.path("isHostCluster").asBoolean(false);
    MigClusterSpec spec = new MigClusterSpec();
    spec.setIsHostCluster(host);
    spec.setExposedRegistryPath(optional(form, "exposedRegistryPath"));
    spec.setAzureResourceGroup(optional(form, "azureResourceGroup"));
    MigCluster cluster = new MigCluster();
    cluster.setMetadata(metadata(name, namespace));
    cluster.setSpec(spec);
    if (host) {
      spec.setInsecure(false);
      return new ClusterObjects(null, cluster);
    }
    String url = required(form, "url", "the API server URL of the remote cluster, e.g. https://api.example:6443");
    if (!url.startsWith("https://") && !url.startsWith("http://")) {
      throw ApiError.badRequest("url " + url + " is not an http(s) URL, e.g. https://api.example:6443");
    }
    spec.setUrl(url.replaceAll("/+$", ""));
    String what = "the service account token of the remote cluster (the controller acts there with it)";
    String token = tokenRequired ? required(form, "token", what) : optional(form, "token");
    boolean insecure = form.path("insecure").asBoolean(false);
    spec.setInsecure(insecure);
    String ca = optional(form, "caBundle");
    if (ca != null) {
      if (!ca.contains("-----BEGIN CERTIFICATE-----")) {
        throw ApiError.badRequest("caBundle is not a PEM certificate bundle (-----BEGIN CERTIFICATE----- …)");
      }
      spec.setCaBundle(Base64.getEncoder().encodeToString(ca.getBytes(StandardCharsets.UTF_8)));
    }
    if (token == null) {
      return new ClusterObjects(null, cluster);
    }
    Secret secret = new SecretBuilder().withNewMetadata().withGenerateName(name + "-token-")
        .withNamespace(CONFIG_NAMESPACE).addToLabels(CREATED_FOR, "migcluster." + name).endMetadata()
        .withType("Opaque").addToStringData(TOKEN_KEY, token.strip()).build();
    return new ClusterObjects(secret, cluster);
  }

  /** Points the cluster at the Secret the API server named. */
  static void useSecret(MigCluster cluster, Secret created) {
    cluster.getSpec().setServiceAccountSecretRef(ref(created.getMetadata().getName(), CONFIG_NAMESPACE));
  }

  /** A MigStorage of the form's provider and, when the provider has credentials, their Secret. */
  record StorageObjects(Secret credentials, MigStorage storage) {
  }

  static StorageObjects storage(ObjectNode form, String namespace) {
    return storage(form, namespace, true);
  }

  /**
   * @param credentialsRequired false when editing: credentials left empty keep what the Secret
   *                            the repository references holds, and {@code credentials} is then
   *                            null when none is given
   */
  static StorageObjects storage(ObjectNode form, String namespace, boolean credentialsRequired) {
    String name = name(form, "name");
    StorageProviders.Provider provider = StorageProviders.find(required(form, "provider",
        "the storage provider, one of " + StorageProviders.ids()));
    JsonNode values = form.path("config");
    Map<String, Object> config = new LinkedHashMap<>();
    for (StorageProviders.Field field : provider.config()) {
      JsonNode value = values.get(field.key());
      Object converted = field.convert(value);
      if (converted == null && field.required()) {
        throw ApiError.badRequest(field.label() + " (" + field.key() + ") is required for " + provider.label());
      }
      if (converted != null) {
        config.put(field.key(), converted);
      }
    }
    Secret secret = null;
    if (!provider.credentials().isEmpty()) {
      SecretBuilder builder = new SecretBuilder().withNewMetadata().withGenerateName(name + "-credentials-")
          .withNamespace(CONFIG_NAMESPACE).addToLabels(CREATED_FOR, "migstorage." + name).endMetadata()
          .withType("Opaque");
      JsonNode given = form.path("credentials");
      for (StorageProviders.Field field : provider.credentials()) {
        String value = given.path(field.key()).asText("").strip();
        if (value.isEmpty() && field.required() && credentialsRequired) {
          throw ApiError.badRequest(field.label() + " is required for " + provider.label());
        }
        if (!value.isEmpty()) {
          builder.addToStringData(field.key(), value);
        }
      }
      secret = builder.build();
      if (secret.getStringData() == null || secret.getStringData().isEmpty()) {
        secret = null;
      }
    }
    MigStorageSpec spec = Serialization.jsonMapper().convertValue(Map.of(
        "backupStorageProvider", provider.id(), "backupStorageConfig", config), MigStorageSpec.class);
    MigStorage storage = new MigStorage();
    storage.setMetadata(metadata(name, namespace));
    storage.setSpec(spec);
    return new StorageObjects(secret, storage);
  }

  static void useSecret(MigStorage storage, Secret created) {
    storage.getSpec().getBackupStorageConfig().setCredsSecretRef(ref(created.getMetadata().getName(),
        CONFIG_NAMESPACE));
  }

  /** The plan of the wizard's first two steps: clusters, repository and namespaces ({@code src} or {@code src:dest}). */
  static MigPlan plan(ObjectNode form, String namespace) {
    String name = name(form, "name");
    String source = required(form, "sourceCluster", "the source cluster");
    String destination = required(form, "destinationCluster", "the destination cluster");
    String storage = required(form, "storage", "the replication repository");
    List<String> namespaces = new ArrayList<>();
    form.path("namespaces").forEach(n -> namespaces.add(n.asText()));
    checkNamespaces(namespaces);
    MigPlanSpec spec = new MigPlanSpec();
    spec.setSrcMigClusterRef(ref(source, namespace));
    spec.setDestMigClusterRef(ref(destination, namespace));
    spec.setMigStorageRef(ref(storage, namespace));
    spec.setNamespaces(namespaces);
    spec.setIndirectImageMigration(form.path("indirectImageMigration").asBoolean(false));
    spec.setIndirectVolumeMigration(form.path("indirectVolumeMigration").asBoolean(false));
    MigPlan plan = new MigPlan();
    plan.setMetadata(metadata(name, namespace));
    plan.setSpec(spec);
    return plan;
  }

  /** Each entry {@code NS} or {@code NS:DEST} with valid names; no source or destination twice. */
  static void checkNamespaces(List<String> entries) {
    if (entries.isEmpty()) {
      throw ApiError.badRequest("select at least one namespace to migrate");
    }
    Set<String> sources = new HashSet<>();
    Set<String> targets = new HashSet<>();
    for (String entry : entries) {
      String[] parts = entry.split(":", -1);
      if (parts.length > 2) {
        throw ApiError.badRequest("namespace " + entry + " is not NS or NS:DEST");
      }
      for (String part : parts) {
        if (part.length() > 63 || !DNS_LABEL.matcher(part).matches()) {
          throw ApiError.badRequest("'" + part + "' is not a valid namespace name (lower-case letters, digits "
              + "and '-', at most 63 characters)");
        }
      }
      if (!sources.add(parts[0])) {
        throw ApiError.badRequest("namespace " + parts[0] + " is selected twice");
      }
      if (!targets.add(parts.length == 2 ? parts[1] : parts[0])) {
        throw ApiError.badRequest("two namespaces would land in " + (parts.length == 2 ? parts[1] : parts[0])
            + " on the destination");
      }
    }
  }

  /** Stage, cutover (quiesce or not) or rollback of a plan, as {@code oc create -f} of the manual's MigMigration. */
  static MigMigration migration(String plan, String namespace, String type, boolean quiescePods, String suffix) {
    MigMigrationSpec spec = new MigMigrationSpec();
    spec.setMigPlanRef(ref(plan, namespace));
    switch (type) {
      case "stage" -> {
        spec.setStage(true);
        spec.setQuiescePods(false);
      }
      case "cutover" -> {
        spec.setStage(false);
        spec.setQuiescePods(quiescePods);
      }
      case "rollback" -> {
        spec.setStage(false);
        spec.setRollback(true);
      }
      default -> throw ApiError.badRequest("migration type " + type + " is not stage, cutover or rollback");
    }
    MigMigration migration = new MigMigration();
    String base = plan.length() > 40 ? plan.substring(0, 40) : plan;
    migration.setMetadata(metadata(base + "-" + type + "-" + suffix, namespace));
    migration.setSpec(spec);
    return migration;
  }

  /** A hook with a custom image (the wizard's hooks step), run by the controller as a Job. */
  static MigHook hook(ObjectNode form, String namespace) {
    String name = name(form, "name");
    MigHookSpec spec = new MigHookSpec();
    spec.setCustom(true);
    spec.setImage(required(form, "image", "the hook's container image"));
    String target = required(form, "targetCluster", "source or destination");
    spec.setTargetCluster(switch (target) {
      case "source" -> TargetCluster.SOURCE;
      case "destination" -> TargetCluster.DESTINATION;
      default -> throw ApiError.badRequest("targetCluster " + target + " is not source or destination");
    });
    String deadline = optional(form, "activeDeadlineSeconds");
    if (deadline != null) {
      try {
        spec.setActiveDeadlineSeconds(Long.parseLong(deadline));
      } catch (NumberFormatException e) {
        throw ApiError.badRequest("activeDeadlineSeconds " + deadline + " is not a number of seconds");
      }
    }
    MigHook hook = new MigHook();
    hook.setMetadata(metadata(name, namespace));
    hook.setSpec(spec);
    return hook;
  }

  private static String name(ObjectNode form, String field) {
    String name = required(form, field, "a name");
    if (name.length() > 63 || !DNS_SUBDOMAIN.matcher(name).matches()) {
      throw ApiError.badRequest(field + " '" + name + "' is not a valid name: lower-case letters, digits, '-' "
          + "and '.', starting and ending with a letter or digit, at most 63 characters");
    }
    return name;
  }

  static String required(ObjectNode form, String field, String what) {
    String value = optional(form, field);
    if (value == null) {
      throw ApiError.badRequest(field + " is required: " + what);
    }
    return value;
  }

  static String optional(ObjectNode form, String field) {
    JsonNode node = form.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    String text = node.asText().strip();
    return text.isEmpty() ? null : text;
  }
}
