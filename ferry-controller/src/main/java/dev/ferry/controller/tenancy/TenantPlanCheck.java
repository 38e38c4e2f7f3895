package dev.ferry.controller.tenancy;

import dev.ferry.api.migration.cluster.MigCluster;
import dev.ferry.api.migration.plan.MigPlan;
import dev.ferry.api.migration.storage.MigStorage;
import dev.ferry.controller.cluster.ClusterClients;
import dev.ferry.controller.settings.ControllerSettingsReader;
import dev.ferry.controller.storage.MigStorageLocations;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The checks a self-service plan passes before anything is read or written as the tenant, in
 * order: self-service enabled, the plan rules, the repository, the clusters the cluster admin
 * published, the tenant's identity on both clusters (TokenReview, with the tokens from the
 * tenant's own Secrets), the SubjectAccessReviews, and no volumes to copy. Used by the plan's
 * conditions and before every migration. The controller's own client ({@code host}) reads only the
 * tenant's CRs, the published MigClusters and the tenant's token Secrets.
 */
record TenantPlanCheck(KubernetesClient host, ClusterClients clusters, MigStorageLocations storages,
                       String controllerNamespace) {
  static final String TOKEN_KEY = "token";

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
    Map<String, String> mapping = TenantRequests.mapping(plan.getSpec().getNamespaces());
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
}
