package dev.ferry.cli.migration;

import static dev.ferry.api.migration.MigrationObjects.metadata;
import static dev.ferry.api.migration.MigrationObjects.ref;

import dev.ferry.api.migration.cluster.MigCluster;
import dev.ferry.api.migration.cluster.MigClusterSpec;
import dev.ferry.api.migration.hook.HookPhase;
import dev.ferry.api.migration.hook.MigHook;
import dev.ferry.api.migration.hook.MigHookSpec;
import dev.ferry.api.migration.hook.TargetCluster;
import dev.ferry.api.migration.plan.MigPlan;
import dev.ferry.api.migration.plan.MigPlanHook;
import dev.ferry.api.migration.plan.MigPlanSpec;
import dev.ferry.api.migration.storage.BackupStorageConfig;
import dev.ferry.api.migration.storage.BackupStorageProvider;
import dev.ferry.api.migration.storage.MigStorage;
import dev.ferry.api.migration.storage.MigStorageSpec;
import dev.ferry.cli.UserError;
import dev.ferry.controller.cluster.ClusterClients;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The MigCluster, MigStorage, MigHook and MigPlan manifests the {@code create} commands write, in
 * the shapes of the MTC manual (label {@code controller-tools.k8s.io: "1.0"}, references with
 * name and namespace, credentials in {@code openshift-config}). Model only: no cluster access.
 */
public final class MigrationManifests {
  /** Where MTC keeps the Secrets that MigClusters and MigStorages reference. */
  public static final String CONFIG_NAMESPACE = "openshift-config";
  /** Marks a Secret that {@code ferry cluster create --token} made, so {@code cluster delete} removes it too. */
  public static final String CREATED_FOR = "ferry.dev/created-for";

  private MigrationManifests() {
  }

  /** A remote cluster: URL, the Secret with its token, and how to trust it. */
  public record RemoteCluster(String url, ObjectReference tokenSecret, String caBundleBase64, boolean insecure,
                       String exposedRegistryPath) {
  }

  public static MigCluster hostCluster(String name, String namespace, String exposedRegistryPath) {
    MigClusterSpec spec = new MigClusterSpec();
    spec.setIsHostCluster(true);
    spec.setInsecure(false);
    spec.setExposedRegistryPath(exposedRegistryPath);
    MigCluster cluster = new MigCluster();
    cluster.setMetadata(metadata(name, namespace));
    cluster.setSpec(spec);
    return cluster;
  }

  public static MigCluster remoteCluster(String name, String namespace, RemoteCluster remote) {
    MigClusterSpec spec = new MigClusterSpec();
    spec.setIsHostCluster(false);
    spec.setUrl(remote.url());
    spec.setCaBundle(remote.caBundleBase64());
    spec.setInsecure(remote.insecure());
    spec.setExposedRegistryPath(remote.exposedRegistryPath());
    spec.setServiceAccountSecretRef(remote.tokenSecret());
    MigCluster cluster = new MigCluster();
    cluster.setMetadata(metadata(name, namespace));
    cluster.setSpec(spec);
    return cluster;
  }

  /** The Secret (key {@code saToken}) a remote MigCluster reads its token from. */
  public static Secret tokenSecret(ObjectReference ref, String token, String clusterName) {
    return new SecretBuilder().withNewMetadata().withName(ref.getName()).withNamespace(ref.getNamespace())
        .addToLabels(CREATED_FOR, "migcluster." + clusterName).endMetadata()
        .withType("Opaque").addToStringData(ClusterClients.TOKEN_KEY, token).build();
  }

  /** What --dry-run prints for a token Secret: its shape, never the token. */
  public static Secret redacted(Secret secret) {
    Map<String, String> hidden = new LinkedHashMap<>();
    secret.getStringData().keySet().forEach(k -> hidden.put(k, "<redacted>"));
    return new SecretBuilder(secret).withStringData(hidden).build();
  }

  /** S3-compatible storage (provider aws). */
  public record S3(String bucket, String region, String endpoint, boolean forcePathStyle, String caBundleBase64,
            boolean insecure, ObjectReference credentials) {
  }

  public static MigStorage s3Storage(String name, String namespace, S3 s3) {
    BackupStorageConfig config = new BackupStorageConfig();
    config.setAwsBucketName(s3.bucket());
    config.setAwsRegion(s3.region());
    config.setCredsSecretRef(s3.credentials());
    config.setAwsS3Url(s3.endpoint());
    config.setAwsS3ForcePathStyle(s3.forcePathStyle() ? Boolean.TRUE : null);
    config.setS3CustomCABundle(s3.caBundleBase64());
    config.setInsecure(s3.insecure() ? Boolean.TRUE : null);
    return storage(name, namespace, BackupStorageProvider.AWS, config);
  }

  public static MigStorage filesystemStorage(String name, String namespace, String absolutePath) {
    BackupStorageConfig config = new BackupStorageConfig();
    config.setFilesystemPath(absolutePath);
    return storage(name, namespace, BackupStorageProvider.FILESYSTEM, config);
  }

  private static MigStorage storage(String name, String namespace, BackupStorageProvider provider,
                                    BackupStorageConfig config) {
    MigStorageSpec spec = new MigStorageSpec();
    spec.setBackupStorageProvider(provider);
    spec.setBackupStorageConfig(config);
    MigStorage storage = new MigStorage();
    storage.setMetadata(metadata(name, namespace));
    storage.setSpec(spec);
    return storage;
  }

  /**
   * A hook: a custom image, or (with a playbook and no image) the default runner image with the
   * playbook base64-encoded, as the manual has it.
   */
  public static MigHook hook(String name, String namespace, String image, String playbook, TargetCluster target,
                      Long deadlineSeconds) {
    MigHookSpec spec = new MigHookSpec();
    boolean custom = playbook == null;
    spec.setCustom(custom);
    spec.setImage(image);
    if (!custom) {
      spec.setPlaybook(Base64.getEncoder().encodeToString(playbook.getBytes(StandardCharsets.UTF_8)));
    }
    spec.setTargetCluster(target);
    spec.setActiveDeadlineSeconds(deadlineSeconds);
    MigHook hook = new MigHook();
    ObjectMeta metadata = new ObjectMeta();
    metadata.setName(name);
    metadata.setNamespace(namespace);
    hook.setMetadata(metadata);
    hook.setSpec(spec);
    return hook;
  }

  /** A hook attached to a plan: {@code --hook NAME:PHASE:EXECUTION_NAMESPACE:SERVICE_ACCOUNT}. */
  public record PlanHook(String hook, HookPhase phase, String executionNamespace, String serviceAccount) {
  }

  public static MigPlan plan(String name, String namespace, String source, String destination, String storage,
                      List<String> namespaces, boolean indirectVolumes, boolean indirectImages,
                      List<PlanHook> hooks) {
    MigPlanSpec spec = new MigPlanSpec();
    spec.setSrcMigClusterRef(ref(source, namespace));
    spec.setDestMigClusterRef(ref(destination, namespace));
    spec.setMigStorageRef(ref(storage, namespace));
    spec.setNamespaces(new ArrayList<>(namespaces));
    spec.setIndirectImageMigration(indirectImages);
    spec.setIndirectVolumeMigration(indirectVolumes);
    if (!hooks.isEmpty()) {
      spec.setHooks(hooks.stream().map(h -> {
        MigPlanHook planHook = new MigPlanHook();
        planHook.setReference(ref(h.hook(), namespace));
        planHook.setPhase(h.phase());
        planHook.setExecutionNamespace(h.executionNamespace());
        planHook.setServiceAccount(h.serviceAccount());
        return planHook;
      }).toList());
    }
    MigPlan plan = new MigPlan();
    plan.setMetadata(metadata(name, namespace));
    plan.setSpec(spec);
    return plan;
  }

  private static final java.util.regex.Pattern NAMESPACE = java.util.regex.Pattern.compile(
      "[a-z0-9]([-a-z0-9]*[a-z0-9])?");

  /** Each entry is {@code NS} or {@code NS:DEST} (valid names), no source or destination twice. */
  public static void checkPlanNamespaces(List<String> entries) {
    java.util.Set<String> sources = new java.util.HashSet<>();
    java.util.Set<String> targets = new java.util.HashSet<>();
    for (String entry : entries) {
      String[] parts = entry.split(":", -1);
      if (parts.length > 2) {
        throw new UserError("--namespaces " + entry + " is not NS or NS:DEST (e.g. --namespaces shop:shop-prod)");
      }
      for (String name : parts) {
        if (name.length() > 63 || !NAMESPACE.matcher(name).matches()) {
          throw new UserError("--namespaces " + entry + ": '" + name + "' is not a valid namespace name (lower-case "
              + "letters, digits and '-', at most 63 characters)");
        }
      }
      String target = parts.length == 2 ? parts[1] : parts[0];
      if (!sources.add(parts[0])) {
        throw new UserError("--namespaces: " + parts[0] + " is given twice");
      }
      if (!targets.add(target)) {
        throw new UserError("--namespaces: two namespaces would land in " + target + " on the destination");
      }
    }
  }

  /** {@code HOOK:PHASE:EXECUTION_NAMESPACE:SERVICE_ACCOUNT}, all four required (the controller needs them). */
  public static PlanHook parseHook(String value) {
    String[] parts = value.split(":", -1);
    if (parts.length != 4 || java.util.Arrays.stream(parts).anyMatch(String::isBlank)) {
      throw new UserError("--hook " + value + " is not HOOK:PHASE:EXECUTION_NAMESPACE:SERVICE_ACCOUNT, "
          + "e.g. --hook backup-db:PreBackup:shop:migration-controller");
    }
    HookPhase phase = null;
    for (HookPhase p : HookPhase.values()) {
      if (p.value().equals(parts[1])) {
        phase = p;
      }
    }
    if (phase == null) {
      throw new UserError("--hook " + value + ": phase " + parts[1]
          + " is not one of PreBackup, PostBackup, PreRestore, PostRestore");
    }
    return new PlanHook(parts[0], phase, parts[2], parts[3]);
  }

  /** {@code NAME} or {@code NAMESPACE/NAME}; the namespace defaults to openshift-config. */
  public static ObjectReference secretRef(String value) {
    int slash = value.indexOf('/');
    String namespace = slash < 0 ? CONFIG_NAMESPACE : value.substring(0, slash);
    String name = slash < 0 ? value : value.substring(slash + 1);
    if (name.isBlank() || namespace.isBlank()) {
      throw new UserError("secret reference " + value + " is not NAME or NAMESPACE/NAME");
    }
    return ref(name, namespace);
  }

  /** The manifests as one YAML stream, in creation order. */
  public static String yaml(List<? extends HasMetadata> objects) {
    StringBuilder out = new StringBuilder();
    for (HasMetadata object : objects) {
      String doc = io.fabric8.kubernetes.client.utils.Serialization.asYaml(object);
      out.append(doc.startsWith("---") ? doc : "---\n" + doc);
    }
    return out.toString();
  }
}
