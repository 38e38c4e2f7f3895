package dev.ferry.console;

import static dev.ferry.console.Route.NAME;

import dev.ferry.api.migration.cluster.MigCluster;
import dev.ferry.api.migration.migration.MigMigration;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.List;

/** The Migrations page: migrations, the resource tree of one, and "View JSON" of a node of that tree. */
record MigrationRoutes(FerryObjects objects, RemoteClusters remotes, KubeconfigContexts contexts) {

  List<Route> routes() {
    return List.of(
        Route.of("GET", "/api/migrations", c -> objects.list(MigMigration.class)),
        Route.of("GET", "/api/migrations/" + NAME, c -> objects.get(MigMigration.class, c.part(1))),
        Route.of("GET", "/api/migrations/" + NAME + "/resources", c -> new ResourceTree(objects.host(), remotes,
            contexts, objects.namespace()).of(objects.get(MigMigration.class, c.part(1)))),
        Route.of("GET", "/api/object", this::object));
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
    KubernetesClient client = cluster == null || cluster.equals("host") ? objects.host()
        : remotes.client(objects.get(MigCluster.class, cluster));
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
}
