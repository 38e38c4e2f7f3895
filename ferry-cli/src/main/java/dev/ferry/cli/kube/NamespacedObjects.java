package dev.ferry.cli.kube;

import dev.ferry.cli.OperationFailed;
import dev.ferry.cli.UserError;
import dev.ferry.cli.migration.MigrationResources;
import dev.ferry.cli.output.ObjectView;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The objects of one migration kind in the controller's namespace, with errors a user can act on:
 * an unknown name says how to list the existing ones, an existing one says how to see it, a kind
 * the cluster does not serve says to install Ferry's CRDs.
 */
public final class NamespacedObjects<T extends HasMetadata> {
  static final long DELETE_WAIT_SECONDS = 60;
  private final KubernetesClient client;
  private final ObjectView<T> view;
  private final String namespace;

  public NamespacedObjects(KubernetesClient client, ObjectView<T> view, String namespace) {
    this.client = client;
    this.view = view;
    this.namespace = namespace;
  }

  public String namespace() {
    return namespace;
  }

  public T get(String name) {
    T found = getOrNull(name);
    if (found == null) {
      throw new UserError(view.noun() + " " + name + " not found in namespace " + namespace
          + "; list them with: ferry " + view.command() + " get -n " + namespace);
    }
    return found;
  }

  T getOrNull(String name) {
    try {
      return client.resources(view.type()).inNamespace(namespace).withName(name).get();
    } catch (KubernetesClientException e) {
      throw MigrationResources.translate(e, view.type());
    }
  }

  /**
   * Waits (watching, not polling) until {@code done} holds for the object; returns it then, or its
   * last state when {@code timeout} passes first.
   */
  public T awaitUntil(String name, java.util.function.Predicate<T> done, java.time.Duration timeout) {
    get(name);
    var resource = client.resources(view.type()).inNamespace(namespace).withName(name);
    try {
      return resource.waitUntilCondition(o -> o != null && done.test(o), timeout.toMillis(),
          java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (io.fabric8.kubernetes.client.KubernetesClientTimeoutException e) {
      return get(name);
    } catch (KubernetesClientException e) {
      throw MigrationResources.translate(e, view.type());
    }
  }

  public List<T> list() {
    try {
      return client.resources(view.type()).inNamespace(namespace).list().getItems();
    } catch (KubernetesClientException e) {
      throw MigrationResources.translate(e, view.type());
    }
  }

  public T create(T object) {
    String name = object.getMetadata().getName();
    try {
      return client.resource(object).create();
    } catch (KubernetesClientException e) {
      if (e.getCode() == 409) {
        throw new UserError(view.noun() + " " + name + " already exists in namespace " + namespace
            + "; see it with: ferry " + view.command() + " describe " + name + " -n " + namespace
            + ", or delete it first");
      }
      if (e.getCode() == 422 || e.getCode() == 400) {
        throw new UserError(view.noun() + " " + name + " was refused by the cluster: "
            + (e.getStatus() != null && e.getStatus().getMessage() != null ? e.getStatus().getMessage()
            : ClusterConnection.firstLine(e.getMessage())));
      }
      throw MigrationResources.translate(e, view.type());
    }
  }

  /** Deletes the object; with {@code wait}, returns once it is gone (finalizers run). */
  public T delete(String name, boolean wait) {
    T existing = get(name);
    try {
      client.resources(view.type()).inNamespace(namespace).withName(name).delete();
      if (wait) {
        client.resources(view.type()).inNamespace(namespace).withName(name)
            .waitUntilCondition(o -> o == null, DELETE_WAIT_SECONDS, TimeUnit.SECONDS);
      }
    } catch (KubernetesClientException e) {
      if (e instanceof io.fabric8.kubernetes.client.KubernetesClientTimeoutException) {
        throw new OperationFailed(view.noun() + " " + name + " is still there after " + DELETE_WAIT_SECONDS
            + "s: a finalizer holds it; is a Ferry controller running for namespace " + namespace + "?");
      }
      throw MigrationResources.translate(e, view.type());
    }
    return existing;
  }
}
