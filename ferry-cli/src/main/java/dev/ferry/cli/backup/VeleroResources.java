package dev.ferry.cli.backup;

import dev.ferry.api.velero.backup.Backup;
import dev.ferry.api.velero.restore.Restore;
import dev.ferry.cli.UserError;
import dev.ferry.cli.kube.ClusterConnection;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.List;
import java.util.Locale;

/**
 * The Backup and Restore CRs of the controller's namespace, with the errors a user can act on:
 * an unknown name says how to list the existing ones, a missing kind says to install the CRDs.
 */
public final class VeleroResources {
  private final KubernetesClient client;
  private final String namespace;

  public VeleroResources(KubernetesClient client, String namespace) {
    this.client = client;
    this.namespace = namespace;
  }

  String namespace() {
    return namespace;
  }

  Backup backup(String name) {
    return get(Backup.class, "backup", name);
  }

  /** The Backup, or null when there is none of that name. */
  public Backup backupOrNull(String name) {
    return find(Backup.class, name);
  }

  List<Backup> backups() {
    return list(Backup.class);
  }

  public Restore restore(String name) {
    return get(Restore.class, "restore", name);
  }

  /** The Restore, or null when there is none of that name. */
  public Restore restoreOrNull(String name) {
    return find(Restore.class, name);
  }

  public List<Restore> restores() {
    return list(Restore.class);
  }

  public <T extends HasMetadata> T create(T resource, String what) {
    resource.getMetadata().setNamespace(namespace);
    try {
      return client.resource(resource).create();
    } catch (KubernetesClientException e) {
      if (e.getCode() == 409) {
        throw new UserError(what + " " + resource.getMetadata().getName() + " already exists in namespace " + namespace
            + "; choose another name, or see it with: ferry " + what + " describe " + resource.getMetadata().getName());
      }
      if (e.getCode() == 422) {
        // The API server's validation message names the field (e.g. an invalid name): bad input.
        throw new UserError(e.getStatus() != null && e.getStatus().getMessage() != null ? e.getStatus().getMessage()
            : ClusterConnection.firstLine(e.getMessage()));
      }
      throw translate(e, resource.getClass());
    }
  }

  void delete(Backup backup) {
    client.resource(backup).delete();
  }

  private <T extends HasMetadata> T get(Class<T> type, String what, String name) {
    T found = find(type, name);
    if (found == null) {
      throw new UserError(what + " " + name + " not found in namespace " + namespace + "; list them with: ferry "
          + what + " get");
    }
    return found;
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

  /** A 404 on a collection means the API server does not serve the kind: Ferry's CRDs are missing. */
  static RuntimeException translate(KubernetesClientException e, Class<?> type) {
    if (e.getCode() == 404) {
      return new UserError("this cluster does not serve velero.io/v1 " + type.getSimpleName() + " ("
          + type.getSimpleName().toLowerCase(Locale.ROOT) + "s.velero.io); install Ferry's CRDs with: "
          + "ferry crds install");
    }
    return e;
  }
}
