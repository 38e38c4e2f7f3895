package dev.ferry.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.api.migration.MigrationObjects;
import dev.ferry.api.migration.cluster.MigCluster;
import dev.ferry.api.migration.cluster.MigClusterSpec;
import dev.ferry.api.migration.hook.MigHook;
import dev.ferry.api.migration.images.DirectImageMigration;
import dev.ferry.api.migration.images.DirectImageStreamMigration;
import dev.ferry.api.migration.migration.MigMigration;
import dev.ferry.api.migration.plan.MigPlan;
import dev.ferry.api.migration.storage.MigStorage;
import dev.ferry.api.migration.volumes.DirectVolumeMigration;
import dev.ferry.api.migration.volumes.DirectVolumeMigrationProgress;
import dev.ferry.controller.logging.reader.LogCollector;
import dev.ferry.controller.logging.reader.LogLine;
import dev.ferry.controller.logging.reader.MigrationTarget;
import dev.ferry.controller.logging.reader.Redaction;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The console's JSON API. Reads return the Ferry objects as the API server has them (they hold
 * references to Secrets, never Secret data); writes create or edit exactly the objects an MTC user
 * would write by hand, with the user's kubeconfig identity, and leave the work to the controller.
 */
public final class ConsoleApi implements AutoCloseable {
  private static final String NAME = "([a-z0-9][-a-z0-9.]*)";
  private static final int MAX_LOG_LINES = 5000;
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);
  private final KubernetesClient host;
  private final String namespace;
  private final KubeconfigContexts contexts;
  private final RemoteClusters remotes;
  private final ObjectMapper json = Serialization.jsonMapper();
  private final ChangeFeed feed;
  private final Clock clock;
  private Path logDir;

  /**
   * @param host     the user's client for the host cluster (where the Ferry objects live)
   * @param namespace the controller's namespace (default openshift-migration)
   * @param kubeconfig the user's kubeconfig, to name each cluster's context in copied commands
   */
  public ConsoleApi(KubernetesClient host, String namespace, io.fabric8.kubernetes.api.model.Config kubeconfig,
                    String hostContext, Clock clock) {
    this.host = host;
    this.namespace = namespace;
    this.contexts = KubeconfigContexts.of(kubeconfig, hostContext);
    this.remotes = new RemoteClusters(host);
    this.clock = clock;
    this.feed = new ChangeFeed().watch(host, namespace, List.of(MigCluster.class, MigStorage.class, MigPlan.class,
        MigMigration.class, MigHook.class, DirectVolumeMigration.class, DirectVolumeMigrationProgress.class,
        DirectImageMigration.class, DirectImageStreamMigration.class));
  }

  /**
   * Where the controller writes {@code controller.log} when it runs outside the cluster (as
   * {@code ferry controller} or {@code --in-process}); read by View logs beside the controller's
   * pod log, mover/hook pods and the Backup/Restore logs. Null: only those.
   */
  public ConsoleApi withLogDir(Path dir) {
    this.logDir = dir;
    return this;
  }

  ObjectMapper json() {
    return json;
  }

  ChangeFeed feed() {
    return feed;
  }

  List<Route> routes() {
    return List.of(
        Route.of("GET", "/api/info", c -> Map.of("namespace", namespace, "context", String.valueOf(contexts.host()))),
        Route.of("GET", "/api/providers", c -> StorageProviders.ALL),
        Route.of("GET", "/api/clusters", c -> list(MigCluster.class)),
        Route.of("POST", "/api/clusters", this::addCluster),
        Route.of("PUT", "/api/clusters/" + NAME, c -> editCluster(c.part(1), c.body())),
        Route.of("DELETE", "/api/clusters/" + NAME, c -> delete(MigCluster.class, c.part(1), "migcluster.")),
        Route.of("POST", "/api/clusters/" + NAME + "/refresh", c -> refresh(c.part(1))),
        Route.of("GET", "/api/clusters/" + NAME + "/namespaces", c -> namespaces(c.part(1))),
        Route.of("GET", "/api/storages", c -> list(MigStorage.class)),
        Route.of("POST", "/api/storages", this::addStorage),
        Route.of("PUT", "/api/storages/" + NAME, c -> editStorage(c.part(1), c.body())),
        Route.of("DELETE", "/api/storages/" + NAME, c -> delete(MigStorage.class, c.part(1), "migstorage.")),
        Route.of("GET", "/api/hooks", c -> list(MigHook.class)),
        Route.of("POST", "/api/hooks", c -> create(ConsoleManifests.hook(c.body(), namespace))),
        Route.of("GET", "/api/plans", c -> list(MigPlan.class)),
        Route.of("POST", "/api/plans", c -> create(ConsoleManifests.plan(c.body(), namespace))),
        Route.of("GET", "/api/plans/" + NAME, c -> get(MigPlan.class, c.part(1))),
        Route.of("PATCH", "/api/plans/" + NAME, c -> editPlan(c.part(1), c.body())),
        Route.of("DELETE", "/api/plans/" + NAME, c -> delete(MigPlan.class, c.part(1), null)),
        Route.of("POST", "/api/plans/" + NAME + "/migrations", c -> migrate(c.part(1), c.body())),
        Route.of("GET", "/api/migrations", c -> list(MigMigration.class)),
        Route.of("GET", "/api/migrations/" + NAME, c -> get(MigMigration.class, c.part(1))),
        Route.of("GET", "/api/migrations/" + NAME + "/resources", c -> new ResourceTree(host, remotes, contexts,
            namespace).of(get(MigMigration.class, c.part(1)))),
        Route.of("GET", "/api/object", this::object),
        Route.of("GET", "/api/logs/" + NAME, c -> logs(c.part(1), c.query("since"))));
  }

  private <T extends HasMetadata> List<T> list(Class<T> kind) {
    List<T> items = new ArrayList<>(host.resources(kind).inNamespace(namespace).list().getItems());
    items.sort(Comparator.comparing(o -> o.getMetadata().getName()));
    return items;
  }

  private <T extends HasMetadata> T get(Class<T> kind, String name) {
    T object = host.resources(kind).inNamespace(namespace).withName(name).get();
    if (object == null) {
      throw ApiError.notFound(kind.getSimpleName() + " " + namespace + "/" + name + " does not exist");
    }
    return object;
  }

  private <T extends HasMetadata> T create(T object) {
    return host.resource(object).create();
  }

  private Object addCluster(Call call) {
    ConsoleManifests.ClusterObjects objects = ConsoleManifests.cluster(call.body(), namespace);
    refuseExisting(MigCluster.class, objects.cluster().getMetadata().getName());
    if (objects.tokenSecret() != null) {
      ConsoleManifests.useSecret(objects.cluster(), createSecret(objects.tokenSecret()));
    }
    return create(objects.cluster());
  }

  private Object addStorage(Call call) {
    ConsoleManifests.StorageObjects objects = ConsoleManifests.storage(call.body(), namespace);
    refuseExisting(MigStorage.class, objects.storage().getMetadata().getName());
    if (objects.credentials() != null) {
      ConsoleManifests.useSecret(objects.storage(), createSecret(objects.credentials()));
    }
    return create(objects.storage());
  }

  /**
   * Edit of a cluster: the form's fields replace the spec's (URL, SSL verification, CA bundle,
   * registry route, Azure resource group); a new token goes into the Secret the cluster already
   * references (as MTC's console rotates it), an empty one keeps it. The update carries the
   * resourceVersion read here, so a concurrent edit is refused rather than overwritten.
   */
  private Object editCluster(String name, ObjectNode form) {
    return retryOnConflict(() -> editClusterOnce(name, form));
  }

  private Object editClusterOnce(String name, ObjectNode form) {
    MigCluster cluster = get(MigCluster.class, name);
    form.put("name", name);
    ConsoleManifests.ClusterObjects edited = ConsoleManifests.cluster(form, namespace, false);
    MigClusterSpec spec = cluster.getSpec();
    MigClusterSpec from = edited.cluster().getSpec();
    spec.setIsHostCluster(from.getIsHostCluster());
    spec.setUrl(from.getUrl());
    spec.setInsecure(from.getInsecure());
    spec.setCaBundle(from.getCaBundle());
    spec.setExposedRegistryPath(from.getExposedRegistryPath());
    spec.setAzureResourceGroup(from.getAzureResourceGroup());
    if (Boolean.TRUE.equals(from.getIsHostCluster())) {
      spec.setServiceAccountSecretRef(null);
    } else if (edited.tokenSecret() != null) {
      spec.setServiceAccountSecretRef(writeSecret(spec.getServiceAccountSecretRef(), edited.tokenSecret()));
    } else if (spec.getServiceAccountSecretRef() == null) {
      throw ApiError.badRequest("token is required: cluster " + name + " has no token Secret yet");
    }
    return host.resource(cluster).update();
  }

  /**
   * Edit of a repository: the form's provider and fields replace the spec's; credentials given
   * are written into the Secret the repository references, credentials left empty keep theirs.
   */
  private Object editStorage(String name, ObjectNode form) {
    return retryOnConflict(() -> editStorageOnce(name, form));
  }

  private Object editStorageOnce(String name, ObjectNode form) {
    MigStorage storage = get(MigStorage.class, name);
    form.put("name", name);
    ConsoleManifests.StorageObjects edited = ConsoleManifests.storage(form, namespace, false);
    ObjectReference credentials = storage.getSpec().getBackupStorageConfig() == null ? null
        : storage.getSpec().getBackupStorageConfig().getCredsSecretRef();
    var config = edited.storage().getSpec().getBackupStorageConfig();
    if (Objects.equals(storage.getSpec().getBackupStorageProvider(), edited.storage().getSpec().getBackupStorageProvider())
        && storage.getSpec().getBackupStorageConfig() != null) {
      // Same provider: the form's fields change, settings the form does not show (KMS key,
      // signature version, public URL…) stay as the user wrote them.
      ObjectNode merged = json.valueToTree(storage.getSpec().getBackupStorageConfig());
      ObjectNode given = json.valueToTree(config);
      StorageProviders.find(form.path("provider").asText()).config().forEach(f -> merged.remove(f.key()));
      merged.setAll(given);
      config = json.convertValue(merged, config.getClass());
    }
    storage.getSpec().setBackupStorageProvider(edited.storage().getSpec().getBackupStorageProvider());
    storage.getSpec().setBackupStorageConfig(config);
    if (edited.credentials() != null) {
      credentials = writeSecret(credentials, edited.credentials());
    }
    storage.getSpec().getBackupStorageConfig().setCredsSecretRef(credentials);
    return host.resource(storage).update();
  }

  /**
   * The controller writes these objects too (conditions, refresh): an edit that meets a newer
   * version is applied again to that version — the form holds the user's intent for its fields —
   * a few times before the conflict goes to the user.
   */
  private static Object retryOnConflict(java.util.function.Supplier<Object> edit) {
    for (int attempt = 1; ; attempt++) {
      try {
        return edit.get();
      } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
        if (e.getCode() != 409 || attempt == 5) {
          throw e;
        }
      }
    }
  }

  /**
   * Puts the new keys into the referenced Secret (other keys stay), or creates the Secret when
   * there is none; returns the reference to use. The Secret's data never leaves this method.
   */
  private ObjectReference writeSecret(ObjectReference existing, Secret values) {
    if (existing != null && existing.getName() != null) {
      String ns = existing.getNamespace() == null ? namespace : existing.getNamespace();
      var secret = host.secrets().inNamespace(ns).withName(existing.getName());
      if (secret.get() != null) {
        secret.edit(s -> {
          Map<String, String> data = new LinkedHashMap<>(s.getData() == null ? Map.of() : s.getData());
          values.getStringData().forEach((k, v) -> data.put(k,
              Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))));
          s.setData(data);
          return s;
        });
        return existing;
      }
    }
    return MigrationObjects.ref(createSecret(values).getMetadata().getName(), ConsoleManifests.CONFIG_NAMESPACE);
  }

  /** Checked before the Secret is made, so a taken name leaves no orphan Secret behind. */
  private void refuseExisting(Class<? extends HasMetadata> kind, String name) {
    if (host.resources(kind).inNamespace(namespace).withName(name).get() != null) {
      throw new ApiError(409, kind.getSimpleName() + " " + name + " already exists; choose another name");
    }
  }

  private Secret createSecret(Secret secret) {
    String ns = secret.getMetadata().getNamespace();
    if (host.namespaces().withName(ns).get() == null) {
      host.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build()).create();
    }
    Secret created = host.resource(secret).create();
    // Only the name goes on; the created object (with the data) is dropped here.
    Secret nameOnly = new Secret();
    nameOnly.setMetadata(created.getMetadata());
    return nameOnly;
  }

  /** Deletes the object and the Secrets the console (or ferry's CLI) created for it. */
  private Object delete(Class<? extends HasMetadata> kind, String name, String createdForPrefix) {
    get(kind, name);
    host.resources(kind).inNamespace(namespace).withName(name).delete();
    if (createdForPrefix != null) {
      host.secrets().inNamespace(ConsoleManifests.CONFIG_NAMESPACE)
          .withLabel(ConsoleManifests.CREATED_FOR, createdForPrefix + name).delete();
    }
    return null;
  }

  /** MTC's "Refresh": {@code spec.refresh: true}; the controller re-checks the cluster and clears it. */
  private Object refresh(String name) {
    MigCluster cluster = get(MigCluster.class, name);
    cluster.getSpec().setRefresh(true);
    return host.resource(cluster).update();
  }

  /** The namespaces of a MigCluster, for the wizard's picker (names and pod counts). */
  private Object namespaces(String cluster) {
    KubernetesClient client = remotes.client(get(MigCluster.class, cluster));
    List<Map<String, Object>> out = new ArrayList<>();
    Map<String, Integer> pods = new LinkedHashMap<>();
    client.pods().inAnyNamespace().list().getItems()
        .forEach(p -> pods.merge(p.getMetadata().getNamespace(), 1, Integer::sum));
    Map<String, Integer> claims = new LinkedHashMap<>();
    client.persistentVolumeClaims().inAnyNamespace().list().getItems()
        .forEach(p -> claims.merge(p.getMetadata().getNamespace(), 1, Integer::sum));
    for (Namespace ns : client.namespaces().list().getItems()) {
      String name = ns.getMetadata().getName();
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("name", name);
      row.put("pods", pods.getOrDefault(name, 0));
      row.put("persistentVolumeClaims", claims.getOrDefault(name, 0));
      out.add(row);
    }
    out.sort(Comparator.comparing(r -> (String) r.get("name")));
    return out;
  }

  /**
   * The wizard's steps, as edits of the plan's spec: clusters and repository, volume selections
   * (by PV name), image/volume migration options, hooks, namespaces. Only the fields given change.
   */
  private Object editPlan(String name, ObjectNode edit) {
    MigPlan plan = get(MigPlan.class, name);
    ObjectNode spec = json.valueToTree(plan.getSpec());
    for (String field : List.of("indirectImageMigration", "indirectVolumeMigration", "closed")) {
      if (edit.has(field)) {
        spec.set(field, edit.get(field));
      }
    }
    // The general step, when the wizard edits a plan: clusters and repository by name.
    Map<String, String> references = Map.of("sourceCluster", "srcMigClusterRef",
        "destinationCluster", "destMigClusterRef", "storage", "migStorageRef");
    references.forEach((field, ref) -> {
      String value = ConsoleManifests.optional(edit, field);
      if (value != null) {
        spec.set(ref, json.valueToTree(MigrationObjects.ref(value, namespace)));
      }
    });
    if (edit.has("hooks")) {
      // References name hooks of the plan's namespace, as MTC's console writes them.
      edit.get("hooks").forEach(h -> {
        if (!(h.path("reference") instanceof ObjectNode reference)) {
          throw ApiError.badRequest("each hook needs a reference {name: HOOK}");
        }
        reference.put("namespace", namespace);
      });
      spec.set("hooks", edit.get("hooks"));
    }
    if (edit.has("namespaces")) {
      List<String> namespaces = new ArrayList<>();
      edit.get("namespaces").forEach(n -> namespaces.add(n.asText()));
      ConsoleManifests.checkNamespaces(namespaces);
      spec.set("namespaces", edit.get("namespaces"));
    }
    if (edit.has("persistentVolumes")) {
      Map<String, JsonNode> selections = new LinkedHashMap<>();
      edit.get("persistentVolumes").forEach(pv -> selections.put(pv.path("name").asText(), pv.path("selection")));
      JsonNode volumes = spec.path("persistentVolumes");
      for (JsonNode volume : volumes) {
        JsonNode selection = selections.remove(volume.path("name").asText());
        if (selection != null && !selection.isMissingNode()) {
          ((ObjectNode) volume).set("selection", selection);
        }
      }
      if (!selections.isEmpty()) {
        throw ApiError.badRequest("the plan has no persistent volume " + selections.keySet()
            + "; reload the plan's volumes");
      }
    }
    plan.setSpec(json.convertValue(spec, plan.getSpec().getClass()));
    return host.resource(plan).update();
  }

  private Object migrate(String plan, ObjectNode body) {
    MigPlan found = get(MigPlan.class, plan);
    if (Boolean.TRUE.equals(found.getSpec().getClosed())) {
      throw new ApiError(409, "plan " + plan + " is closed; no new migration may run for it");
    }
    String type = ConsoleManifests.required(body, "type", "stage, cutover or rollback");
    MigMigration migration = ConsoleManifests.migration(plan, namespace, type,
        body.path("quiescePods").asBoolean(true), STAMP.format(clock.instant()));
    return create(migration);
  }

  /**
   * "View logs": the merged log of a migration, or of every migration of a plan (the same reader
   * as {@code ferry logs NAME}): the controller's lines about it, its mover and hook pods' logs
   * on every cluster of the plan, its Backups' and Restores' operation logs from the repository;
   * in time order, credentials masked, at most the last {@value #MAX_LOG_LINES} lines.
   */
  private Object logs(String name, String since) {
    Duration window = since == null || since.isBlank() ? Duration.ofHours(1) : window(since);
    MigrationTarget target;
    try {
      target = MigrationTarget.resolve(host, namespace, name);
    } catch (MigrationTarget.NotFound e) {
      throw ApiError.notFound(e.getMessage());
    }
    List<LogLine> lines = new LogCollector(host, target, logDir, true).collect(clock.instant().minus(window));
    List<Map<String, Object>> out = new ArrayList<>();
    for (LogLine line : lines.subList(Math.max(0, lines.size() - MAX_LOG_LINES), lines.size())) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("time", line.time().toString());
      row.put("source", line.source());
      row.put("component", line.component());
      row.put("level", line.level());
      row.put("text", Redaction.redact(line.text()));
      out.add(row);
    }
    return Map.of("name", name, "since", window.toString(), "truncated", lines.size() > MAX_LOG_LINES, "lines", out);
  }

  private static Duration window(String since) {
    try {
      Duration d = Duration.parse("PT" + since.strip().toUpperCase(java.util.Locale.ROOT));
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException();
      }
      return d;
    } catch (RuntimeException e) {
      throw ApiError.badRequest("since '" + since + "' is not a duration such as 15m, 1h or 24h");
    }
  }

  /**
   * "View JSON" of a tree node: any object but a Secret, read from the cluster the node names
   * (host, or a MigCluster's name).
   */
  private Object object(Call call) {
    String apiVersion = required(call, "apiVersion");
    String kind = required(call, "kind");
    String name = required(call, "name");
    if ("Secret".equals(kind)) {
      throw new ApiError(403, "the console never shows Secrets");
    }
    String cluster = call.query("cluster");
    KubernetesClient client = cluster == null || cluster.equals("host") ? host
        : remotes.client(get(MigCluster.class, cluster));
    String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
    String version = apiVersion.contains("/") ? apiVersion.substring(apiVersion.indexOf('/') + 1) : apiVersion;
    String resource = required(call, "resource");
    String plural = resource.contains(".") ? resource.substring(0, resource.indexOf('.')) : resource;
    String ns = call.query("namespace");
    ResourceDefinitionContext context = new ResourceDefinitionContext.Builder().withGroup(group)
        .withVersion(version).withKind(kind).withPlural(plural).withNamespaced(ns != null).build();
    var resources = client.genericKubernetesResources(context);
    GenericKubernetesResource found = ns == null ? resources.withName(name).get()
        : resources.inNamespace(ns).withName(name).get();
    if (found == null) {
      throw ApiError.notFound(kind + " " + (ns == null ? "" : ns + "/") + name + " does not exist");
    }
    return found;
  }

  private static String required(Call call, String parameter) {
    String value = call.query(parameter);
    if (value == null || value.isBlank()) {
      throw ApiError.badRequest("query parameter " + parameter + " is required");
    }
    return value;
  }

  @Override
  public void close() {
    feed.close();
    remotes.close();
  }
}
