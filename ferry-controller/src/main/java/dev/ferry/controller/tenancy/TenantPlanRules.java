package dev.ferry.controller.tenancy;

import dev.ferry.api.migration.plan.MigPlan;
import dev.ferry.api.migration.plan.MigPlanSpec;
import dev.ferry.api.migration.storage.MigStorage;
import io.fabric8.kubernetes.api.model.ObjectReference;
import java.util.ArrayList;
import java.util.List;

/**
 * What a self-service plan may reference (pure). MigClusters only as the cluster admin published
 * them in the controller's namespace — the tenant uses their address, never their credentials;
 * MigStorage and token Secrets only in the plan's own namespace, so a tenant can neither use
 * another tenant's repository and backups nor present another tenant's token.
 */
public final class TenantPlanRules {

  private TenantPlanRules() {
  }

  /** The problems, each saying what to fix; empty when the plan may run. */
  public static List<String> problems(MigPlan plan, String controllerNamespace) {
    String own = plan.getMetadata().getNamespace();
    MigPlanSpec spec = plan.getSpec();
    List<String> problems = new ArrayList<>();
    if (spec == null) {
      problems.add("the plan has no spec");
      return problems;
    }
    cluster(problems, "srcMigClusterRef", spec.getSrcMigClusterRef(), own, controllerNamespace);
    cluster(problems, "destMigClusterRef", spec.getDestMigClusterRef(), own, controllerNamespace);
    ownNamespace(problems, "migStorageRef", "MigStorage", spec.getMigStorageRef(), own);
    ownNamespace(problems, "srcMigTokenRef", "token Secret", spec.getSrcMigTokenRef(), own);
    ownNamespace(problems, "destMigTokenRef", "token Secret", spec.getDestMigTokenRef(), own);
    if (spec.getNamespaces() == null || spec.getNamespaces().isEmpty()) {
      problems.add("spec.namespaces is empty: name the namespaces to migrate");
    }
    return problems;
  }

  /**
   * The tenant's repository: object storage with credentials of the plan's own namespace. The
   * filesystem provider is refused — it would have the controller write wherever its path says.
   */
  public static List<String> storageProblems(MigStorage storage, String own) {
    List<String> problems = new ArrayList<>();
    String name = storage.getMetadata().getNamespace() + "/" + storage.getMetadata().getName();
    var spec = storage.getSpec();
    String provider = spec == null || spec.getBackupStorageProvider() == null ? null
        : spec.getBackupStorageProvider().toString().toLowerCase(java.util.Locale.ROOT);
    if (provider == null || provider.contains("filesystem")) {
      problems.add("MigStorage " + name + " uses the filesystem provider, which writes into the controller's own "
          + "filesystem; a self-service plan needs object storage (e.g. backupStorageProvider: aws)");
      return problems;
    }
    ObjectReference creds = spec.getBackupStorageConfig() == null ? null
        : spec.getBackupStorageConfig().getCredsSecretRef();
    if (creds != null && creds.getNamespace() != null && !creds.getNamespace().isBlank()
        && !creds.getNamespace().equals(own)) {
      problems.add("MigStorage " + name + " takes its credentials from Secret " + creds.getNamespace() + "/"
          + creds.getName() + "; a self-service plan may only use credentials of its own namespace " + own);
    }
    return problems;
  }

  private static void cluster(List<String> problems, String field, ObjectReference ref, String own,
      String controllerNamespace) {
    if (ref == null || ref.getName() == null || ref.getName().isBlank()) {
      problems.add("spec." + field + " must name a MigCluster of namespace " + controllerNamespace);
    } else if (!controllerNamespace.equals(ref.getNamespace())) {
      problems.add("spec." + field + " names MigCluster " + (ref.getNamespace() == null ? own : ref.getNamespace())
          + "/" + ref.getName() + "; a self-service plan may only use the MigClusters the cluster admin "
          + "published in namespace " + controllerNamespace);
    }
  }

  private static void ownNamespace(List<String> problems, String field, String what, ObjectReference ref,
      String own) {
    if (ref == null || ref.getName() == null || ref.getName().isBlank()) {
      problems.add("spec." + field + " must name a " + what + " in namespace " + own);
    } else if (ref.getNamespace() != null && !ref.getNamespace().isBlank() && !ref.getNamespace().equals(own)) {
      problems.add("spec." + field + " names " + what + " " + ref.getNamespace() + "/" + ref.getName()
          + "; a self-service plan may only use a " + what + " of its own namespace " + own);
    }
  }
}
