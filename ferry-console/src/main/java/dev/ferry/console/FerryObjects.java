package dev.ferry.console;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The Ferry objects in the controller's namespace, read and written with the user's kubeconfig
 * identity ({@code host}) in the controller's namespace ({@code namespace}, default
 * openshift-migration): what every page of the console lists, reads, creates and deletes.
 */
record FerryObjects(KubernetesClient host, String namespace) {

  <T extends HasMetadata> List<T> list(Class<T> kind) {
    List<T> items = new ArrayList<>(host.resources(kind).inNamespace(namespace).list().getItems());
    items.sort(Comparator.comparing(o -> o.getMetadata().getName()));
    return items;
  }

  <T extends HasMetadata> T get(Class<T> kind, String name) {
    T object = host.resources(kind).inNamespace(namespace).withName(name).get();
    if (object == null) {
      throw ApiError.notFound(kind.getSimpleName() + " " + namespace + "/" + name + " does not exist");
    }
    return object;
  }

  <T extends HasMetadata> T create(T object) {
    return host.resource(object).create();
  }

  <T extends HasMetadata> T update(T object) {
    return host.resource(object).update();
  }

  /** Checked before a Secret is made for a new object, so a taken name leaves no orphan Secret behind. */
  void refuseExisting(Class<? extends HasMetadata> kind, String name) {
    if (host.resources(kind).inNamespace(namespace).withName(name).get() != null) {
      throw new ApiError(409, kind.getSimpleName() + " " + name + " already exists; choose another name");
    }
  }

  /**
   * Deletes the object and the Secrets the console (or ferry's CLI) created for it: those labelled
   * {@link ConsoleManifests#CREATED_FOR} {@code createdForPrefix + name} (null: none).
   */
  Object delete(Class<? extends HasMetadata> kind, String name, String createdForPrefix) {
    get(kind, name);
    host.resources(kind).inNamespace(namespace).withName(name).delete();
    if (createdForPrefix != null) {
      host.secrets().inNamespace(ConsoleManifests.CONFIG_NAMESPACE)
          .withLabel(ConsoleManifests.CREATED_FOR, createdForPrefix + name).delete();
    }
    return null;
  }

  /**
   * The four routes of a page whose objects a form adds and edits (clusters, repositories) under
   * {@code /api/<path>}: list, add, edit (retried on conflict, see {@link #retryOnConflict}) and
   * delete, which also deletes the Secrets created for the object (labelled as {@code ferry cluster
   * create} and {@code ferry storage create} label them: {@code <kind in lower case>.<name>}).
   */
  List<Route> formRoutes(String path, Class<? extends HasMetadata> kind, Function<ObjectNode, ?> add,
                         BiFunction<String, ObjectNode, Object> edit) {
    String createdFor = kind.getSimpleName().toLowerCase(Locale.ROOT) + ".";
    return List.of(
        Route.of("GET", "/api/" + path, c -> list(kind)),
        Route.of("POST", "/api/" + path, c -> add.apply(c.body())),
        Route.of("PUT", "/api/" + path + "/" + Route.NAME, c -> {
          // The path names the object; a name in the form cannot rename it.
          String name = c.part(1);
          ObjectNode form = c.body().put("name", name);
          return retryOnConflict(() -> edit.apply(name, form));
        }),
        Route.of("DELETE", "/api/" + path + "/" + Route.NAME, c -> delete(kind, c.part(1), createdFor)));
  }

  /**
   * The controller writes these objects too (conditions, refresh): an edit that meets a newer
   * version is applied again to that version — the form holds the user's intent for its fields —
   * a few times before the conflict goes to the user.
   */
  static Object retryOnConflict(Supplier<Object> edit) {
    for (int attempt = 1; ; attempt++) {
      try {
        return edit.get();
      } catch (KubernetesClientException e) {
        if (e.getCode() != 409 || attempt == 5) {
          throw e;
        }
      }
    }
  }
}
