package dev.ferry.controller.tenancy;

import dev.ferry.api.migration.cluster.MigCluster;
import dev.ferry.api.migration.migration.MigMigration;
import dev.ferry.api.migration.plan.MigPlan;
import dev.ferry.api.migration.storage.MigStorage;
import dev.ferry.api.velero.backup.Backup;
import dev.ferry.api.velero.backup.BackupPhase;
import dev.ferry.api.velero.backup.BackupSpec;
import dev.ferry.api.velero.backup.BackupStatus;
import dev.ferry.api.velero.restore.Restore;
import dev.ferry.api.velero.restore.RestoreSpec;
import dev.ferry.api.velero.restore.RestoreStatus;
import dev.ferry.backup.backup.Backupper;
import dev.ferry.backup.format.BackupLayout;
import dev.ferry.backup.model.ResultsFile;
import dev.ferry.backup.restore.PrivilegedWrites;
import dev.ferry.backup.restore.RestoreOptions;
import dev.ferry.backup.restore.Restorer;
import dev.ferry.controller.cluster.ClusterClients;
import dev.ferry.controller.migration.MigrationContext;
import dev.ferry.controller.settings.ControllerSettingsReader;
import dev.ferry.controller.storage.MigStorageLocations;
import dev.ferry.objectstore.ObjectStore;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One self-service migration of a tenant's namespaces, run as the tenant: settings and plan rules
 * first, then the tenant's identity on both clusters (TokenReview), then SubjectAccessReviews
 * that explain what the tenant may not do, then the backup with the tenant's source token and the
 * restore with the tenant's destination token. The controller's own rights are used only to read
 * the tenant's CRs and token Secrets, to ask the API servers about the tenant, and to create the
 * cluster-scoped resources the cluster admin allow-listed.
 */
final class TenantMigration {
  static final String TOKEN_KEY = "token";

  private final KubernetesClient host;
  private final ClusterClients clusters;
  private final MigStorageLocations storages;
  private final String controllerNamespace;
  private final Clock clock;

  TenantMigration(KubernetesClient host, ClusterClients clusters, MigStorageLocations storages,
      String controllerNamespace, Clock clock) {
    this.host = host;
    this.clusters = clusters;
    this.storages = storages;
    this.controllerNamespace = controllerNamespace;
    this.clock = clock;
  }

  /** What a finished run reports: the restore's status and its error messages. */
  record Outcome(String user, RestoreStatus restore, List<String> errors, List<String> unreadable) {
  }

  /**
   * A plan that passed every check: settings, references, the tenant's identity on both clusters
   * and the SubjectAccessReviews. Holds the tenant's sessions; close it.
   */
  record Checked(SelfServiceSettings settings, MigStorage storage, KubernetesClient destinationController,
                 Map<String, String> mapping, TenantSession source, TenantSession destination)
      implements AutoCloseable {
    @Override
    public void close() {
      source.close();
      destination.close();
    }
  }

  /** @throws TenantAccessException when the plan may not run (nothing was read or written as the tenant) */
  Checked check(MigPlan plan) {
    String own = plan.getMetadata().getNamespace();
    SelfServiceSettings settings = SelfServiceSettings.from(new ControllerSettingsReader(host, controllerNamespace)
        .controller());
    if (!settings.enabled()) {
      throw new TenantAccessException("SelfServiceDisabled", "self-service migrations are off: a cluster admin "
          + "turns them on with spec.self_service.enabled: true on the MigrationController in namespace "
          + controllerNamespace);
    }
    List<String> problems = TenantPlanRules.problems(plan, controllerNamespace);
    if (!problems.isEmpty()) {
      throw new TenantAccessException("InvalidSelfServicePlan", String.join("; ", problems));
    }
    MigStorage storage = storages.find(plan.getSpec().getMigStorageRef(), own);
    problems = TenantPlanRules.storageProblems(storage, own);
    if (!problems.isEmpty()) {
      throw new TenantAccessException("InvalidSelfServicePlan", String.join("; ", problems));
    }
    MigCluster sourceCluster = cluster(plan.getSpec().getSrcMigClusterRef());
    MigCluster destinationCluster = cluster(plan.getSpec().getDestMigClusterRef());
    KubernetesClient destinationController = clusters.forCluster(destinationCluster);
    Map<String, String> mapping = mapping(plan.getSpec().getNamespaces());
    TenantSession source = TenantSession.open("source", clusters.forCluster(sourceCluster),
        token(own, plan.getSpec().getSrcMigTokenRef()), own + "/" + plan.getSpec().getSrcMigTokenRef().getName());
    TenantSession destination;
    try {
      destination = TenantSession.open("destination", destinationController,
          token(own, plan.getSpec().getDestMigTokenRef()), own + "/" + plan.getSpec().getDestMigTokenRef().getName());
    } catch (RuntimeException e) {
      source.close();
      throw e;
    }
    Checked checked = new Checked(settings, storage, destinationController, mapping, source, destination);
    List<String> denied;
    try {
      denied = TenantAccessCheck.denials(source, destination, mapping);
    } catch (RuntimeException e) {
      checked.close();
      throw e;
    }
    if (!denied.isEmpty()) {
      checked.close();
      throw new TenantAccessException("Forbidden", String.join("; ", denied));
    }
    List<String> withVolumes;
    try {
      withVolumes = namespacesWithClaims(source, mapping.keySet());
    } catch (RuntimeException e) {
      checked.close();
      throw e;
    }
    if (!withVolumes.isEmpty()) {
      // Self-service runs move objects only; an application whose claims arrived without their
      // data would look migrated and be empty. Refuse before anything is read or written.
      checked.close();
      throw new TenantAccessException("VolumesNotSupported", "self-service migrations do not copy volume data "
          + "yet, and " + String.join(", ", withVolumes) + " on the source cluster hold(s) PersistentVolumeClaims; "
          + "ask a cluster admin to migrate them with a plan in " + controllerNamespace
          + " (data included), or remove the claims from these namespaces");
    }
    return checked;
  }

  /** Source namespaces (read as the tenant) that hold claims, with their count. */
  private static List<String> namespacesWithClaims(TenantSession source, Iterable<String> namespaces) {
    List<String> found = new ArrayList<>();
    for (String namespace : namespaces) {
      int claims = source.client().persistentVolumeClaims().inNamespace(namespace).list().getItems().size();
      if (claims > 0) {
        found.add("namespace " + namespace + " (" + claims + " claim" + (claims == 1 ? "" : "s") + ")");
      }
    }
    return found;
  }

  /** @throws TenantAccessException when the migration may not run (nothing was read or written as the tenant) */
  Outcome run(MigMigration migration) {
    String own = migration.getMetadata().getNamespace();
    MigPlan plan = plan(migration, own);
    try (Checked checked = check(plan)) {
      SelfServiceSettings settings = checked.settings();
      MigStorage storage = checked.storage();
      KubernetesClient destinationController = checked.destinationController();
      Map<String, String> mapping = checked.mapping();
      TenantSession source = checked.source();
      TenantSession destination = checked.destination();
      String name = migration.getMetadata().getName();
      try (ObjectStore store = storages.open(storage)) {
        // A backup already in the tenant's repository under this name is the one a previous run of
        // this migration made (a restart resumes); it is untrusted either way: the tenant owns the bucket.
        List<String> unreadable = unreadableKinds(source, mapping.keySet());
        if (!store.exists(BackupLayout.ROOT.backupMetadata(name))) {
          Backup request = backup(name, own, mapping);
          List<String> excluded = new ArrayList<>(request.getSpec().getExcludedResources());
          excluded.addAll(unreadable);
          request.getSpec().setExcludedResources(excluded);
          BackupStatus backup = new Backupper(source.client(), store, clock).run(request, s -> { });
          if (backup.getPhase() == BackupPhase.FAILED || backup.getPhase() == BackupPhase.FAILED_VALIDATION) {
            String why = backup.getFailureReason() != null ? backup.getFailureReason()
                : String.join("; ", backup.getValidationErrors() == null ? List.of() : backup.getValidationErrors());
            throw new TenantAccessException("BackupFailed", "the backup as " + source.identity().username()
                + " failed: " + why);
          }
        }
        RestoreOptions options = new RestoreOptions(null, null, Map.of(MigrationContext.MIGRATED_BY_PLAN,
            plan.getMetadata().getUid(), MigrationContext.MIGRATED_BY_MIGRATION, migration.getMetadata().getUid()))
            .withLimits(new ControllerSettingsReader(host, controllerNamespace).restoreLimits())
            .withPrivilegedWrites(new PrivilegedWrites(destinationController, settings.clusterScopedAllowList()));
        RestoreStatus restored = new Restorer(destination.client(), store, clock, options)
            .run(restore(name, own, mapping), s -> { });
        // What the tenant could not read (e.g. a kind their role does not list) was not migrated either.
        List<String> errors = new ArrayList<>();
        errors(store, BackupLayout.ROOT.backupResults(name)).forEach(e -> errors.add("backup: " + e));
        errors.addAll(errors(store, BackupLayout.ROOT.restoreResults(name)));
        return new Outcome(destination.identity().username(), restored, errors, unreadable);
      }
    }
  }

  private MigPlan plan(MigMigration migration, String own) {
    ObjectReference ref = migration.getSpec() == null ? null : migration.getSpec().getMigPlanRef();
    if (ref == null || ref.getName() == null) {
      throw new TenantAccessException("InvalidPlanRef", "spec.migPlanRef must name a MigPlan of namespace " + own);
    }
    if (ref.getNamespace() != null && !ref.getNamespace().isBlank() && !ref.getNamespace().equals(own)) {
      throw new TenantAccessException("InvalidPlanRef", "spec.migPlanRef names MigPlan " + ref.getNamespace() + "/"
          + ref.getName() + "; a self-service migration may only run a plan of its own namespace " + own);
    }
    MigPlan plan = host.resources(MigPlan.class).inNamespace(own).withName(ref.getName()).get();
    if (plan == null) {
      throw new TenantAccessException("InvalidPlanRef", "MigPlan " + own + "/" + ref.getName() + " does not exist");
    }
    return plan;
  }

  private MigCluster cluster(ObjectReference ref) {
    MigCluster cluster = host.resources(MigCluster.class).inNamespace(controllerNamespace).withName(ref.getName())
        .get();
    if (cluster == null) {
      throw new TenantAccessException("InvalidSelfServicePlan", "MigCluster " + controllerNamespace + "/"
          + ref.getName() + " does not exist; ask the cluster admin which clusters are published");
    }
    return cluster;
  }

  /** The token, read with the controller's client from the tenant's own namespace (never logged). */
  private String token(String own, ObjectReference ref) {
    Secret secret = host.secrets().inNamespace(own).withName(ref.getName()).get();
    String encoded = secret == null || secret.getData() == null ? null : secret.getData().get(TOKEN_KEY);
    if (encoded == null) {
      throw new TenantAccessException("TokenInvalid", "Secret " + own + "/" + ref.getName() + " does not exist or "
          + "has no key " + TOKEN_KEY + "; put your token there: kubectl create secret generic " + ref.getName()
          + " -n " + own + " --from-literal=" + TOKEN_KEY + "=...");
    }
    return new String(Base64.getMimeDecoder().decode(encoded), StandardCharsets.UTF_8).trim();
  }

  /**
   * The namespaced kinds the tenant may not list in some plan namespace (e.g. leases for a
   * namespace admin): left out of the backup and named in the outcome, rather than failing on them.
   */
  private static List<String> unreadableKinds(TenantSession source, java.util.Collection<String> namespaces) {
    List<String> unreadable = new ArrayList<>();
    for (var resource : dev.ferry.backup.discovery.ApiDiscovery.of(source.client()).namespaced()) {
      if (!resource.can("list") || !resource.can("get")) {
        continue;
      }
      for (String namespace : namespaces) {
        if (!source.can("list", resource.group(), resource.resource(), namespace, null)) {
          unreadable.add(resource.groupResource().qualified());
          break;
        }
      }
    }
    return unreadable;
  }

  static Map<String, String> mapping(List<String> namespaces) {
    Map<String, String> mapping = new LinkedHashMap<>();
    for (String entry : namespaces) {
      int colon = entry.indexOf(':');
      mapping.put(colon < 0 ? entry : entry.substring(0, colon), colon < 0 ? entry : entry.substring(colon + 1));
    }
    return mapping;
  }

  private Backup backup(String name, String own, Map<String, String> mapping) {
    Backup backup = new Backup();
    backup.setMetadata(new ObjectMeta());
    backup.getMetadata().setName(name);
    backup.getMetadata().setNamespace(own);
    BackupSpec spec = new BackupSpec();
    spec.setIncludedNamespaces(new ArrayList<>(mapping.keySet()));
    // Only what the tenant owns: no cluster-scoped dependencies (a namespace admin cannot read
    // them), not the namespaces themselves (the destination ones must exist: a tenant cannot
    // create namespaces).
    spec.setIncludeClusterResources(false);
    spec.setExcludedResources(List.of("namespaces", "events", "events.events.k8s.io"));
    backup.setSpec(spec);
    return backup;
  }

  private Restore restore(String name, String own, Map<String, String> mapping) {
    Restore restore = new Restore();
    restore.setMetadata(new ObjectMeta());
    restore.getMetadata().setName(name);
    restore.getMetadata().setNamespace(own);
    RestoreSpec spec = new RestoreSpec();
    spec.setBackupName(name);
    spec.setIncludedNamespaces(new ArrayList<>(mapping.keySet()));
    Map<String, String> renamed = new LinkedHashMap<>();
    mapping.forEach((from, to) -> {
      if (!from.equals(to)) {
        renamed.put(from, to);
      }
    });
    spec.setNamespaceMapping(renamed.isEmpty() ? null : renamed);
    restore.setSpec(spec);
    return restore;
  }

  /** The error messages of a results file ({@code key}), if there is one. */
  private static List<String> errors(ObjectStore store, String key) {
    List<String> errors = new ArrayList<>();
    if (!store.exists(key)) {
      return errors;
    }
    try {
      ResultsFile results = ResultsFile.read(new ByteArrayInputStream(store.getBytes(key)));
      errors.addAll(results.errors().velero());
      errors.addAll(results.errors().cluster());
      results.errors().namespaces().values().forEach(errors::addAll);
    } catch (IOException e) {
      errors.add("cannot read " + key + ": " + e.getMessage());
    }
    return errors;
  }
}
