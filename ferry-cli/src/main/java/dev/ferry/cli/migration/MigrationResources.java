package dev.ferry.cli.migration;

import dev.ferry.api.migration.migration.MigMigration;
import dev.ferry.api.migration.plan.MigPlan;
import dev.ferry.cli.UserError;
import dev.ferry.cli.kube.ClusterConnection;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.List;
import java.util.Locale;

/**
 * The MigPlans and MigMigrations of the controller's namespace, with errors a user can act on: an
 * unknown name says how to list the existing ones, a kind the cluster does not serve says to
 * install Ferry's CRDs.
 */
public final class MigrationResources {
  private final KubernetesClient client;
  private final String namespace;

  public MigrationResources(KubernetesClient client, String namespace) {
    this.client = client;
    this.namespace = namespace;
  }

  String namespace() {
    return namespace;
  }

  public MigPlan plan(String name) {
    MigPlan plan = find(MigPlan.class, name);
    if (plan == null) {
      throw new UserError("migration plan " + name + " not found in namespace " + namespace
          + "; list them with: ferry plan get -n " + namespace + " (or kubectl get migplan -n " + namespace + ")");
    }
    return plan;
  }

  public List<MigPlan> plans() {
    return list(MigPlan.class);
  }

  MigMigration migration(String name) {
    MigMigration migration = find(MigMigration.class, name);
    if (migration == null) {
      throw new UserError("migration " + name + " not found in namespace " + namespace
          + "; list them with: ferry migration get -n " + namespace);
    }
    return migration;
  }

  public MigMigration migrationOrNull(String name) {
    return find(MigMigration.class, name);
  }

  List<MigMigration> migrations() {
    return list(MigMigration.class);
  }

  MigMigration create(MigMigration migration) {
    migration.getMetadata().setNamespace(namespace);
    try {
      return client.resource(migration).create();
    } catch (KubernetesClientException e) {
      if (e.getCode() == 409) {
        throw new UserError("migration " + migration.getMetadata().getName() + " already exists in namespace "
            + namespace + "; choose another --name, or see it with: ferry migration describe "
            + migration.getMetadata().getName());
      }
      if (e.getCode() == 422) {
        throw new UserError(e.getStatus() != null && e.getStatus().getMessage() != null ? e.getStatus().getMessage()
            : ClusterConnection.firstLine(e.getMessage()));
      }
      throw translate(e, MigMigration.class);
    }
  }

  /** Sets spec.canceled with a merge patch (the controller owns the status). */
  MigMigration cancel(String name) {
    migration(name);
    try {
      return client.resources(MigMigration.class).inNamespace(namespace).withName(name)
          .patch(io.fabric8.kubernetes.client.dsl.base.PatchContext.of(
              io.fabric8.kubernetes.client.dsl.base.PatchType.JSON_MERGE), "{\"spec\":{\"canceled\":true}}");
    } catch (KubernetesClientException e) {
      throw translate(e, MigMigration.class);
    }
  }

  private <T extends HasMetadata> T find(Class<T> type, String name) {
    try {
      return client.resources(type).inNamespace(namespace).withName(name).get();
    } catch (KubernetesClientException e) {
      throw translate(e, type);
    }
  }

  private <T extends HasMetadata> List<T> list(Class<T> type) {
    try {
      return client.resources(type).inNamespace(namespace).list().getItems();
    } catch (KubernetesClientException e) {
      throw translate(e, type);
    }
  }

  public static RuntimeException translate(KubernetesClientException e, Class<?> type) {
    if (e.getCode() == 404) {
      String plural = type.getSimpleName().toLowerCase(Locale.ROOT) + "s";
      return new UserError("this cluster does not serve migration.openshift.io/v1alpha1 " + type.getSimpleName()
          + " (" + plural + ".migration.openshift.io); install Ferry's CRDs with: ferry crds install");
    }
    return e;
  }
}
