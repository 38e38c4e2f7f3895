package dev.ferry.console;

import static dev.ferry.console.Route.NAME;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.api.migration.cluster.MigCluster;
import dev.ferry.api.migration.cluster.MigClusterSpec;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The Clusters page: MigClusters and their token Secrets, Refresh, and the wizard's namespace picker. */
record ClusterRoutes(FerryObjects objects, FormSecrets secrets, RemoteClusters remotes) {

  List<Route> routes() {
    List<Route> routes = new ArrayList<>(objects.formRoutes("clusters", MigCluster.class,
        form -> {
          var created = ConsoleManifests.cluster(form, objects.namespace());
          return secrets.createWith(created.cluster(), created.tokenSecret(), ConsoleManifests::useSecret);
        }, this::edit));
    routes.add(Route.of("POST", "/api/clusters/" + NAME + "/refresh", c -> refresh(c.part(1))));
    routes.add(Route.of("GET", "/api/clusters/" + NAME + "/namespaces", c -> namespaces(c.part(1))));
    return routes;
  }

  /**
   * Edit of a cluster: the form's fields replace the spec's (URL, SSL verification, CA bundle,
   * registry route, Azure resource group); a new token goes into the Secret the cluster already
   * references (as MTC's console rotates it), an empty one keeps it. The update carries the
   * resourceVersion read here, so a concurrent edit is refused rather than overwritten.
   */
  private Object edit(String name, ObjectNode form) {
    MigCluster cluster = objects.get(MigCluster.class, name);
    ConsoleManifests.ClusterObjects edited = ConsoleManifests.cluster(form, objects.namespace(), false);
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
      spec.setServiceAccountSecretRef(secrets.write(spec.getServiceAccountSecretRef(), edited.tokenSecret()));
    } else if (spec.getServiceAccountSecretRef() == null) {
      throw ApiError.badRequest("token is required: cluster " + name + " has no token Secret yet");
    }
    return objects.update(cluster);
  }

  /** MTC's "Refresh": {@code spec.refresh: true}; the controller re-checks the cluster and clears it. */
  private Object refresh(String name) {
    MigCluster cluster = objects.get(MigCluster.class, name);
    cluster.getSpec().setRefresh(true);
    return objects.update(cluster);
  }

  /** The namespaces of a MigCluster, for the wizard's picker (names and pod counts). */
  private Object namespaces(String cluster) {
    KubernetesClient client = remotes.client(objects.get(MigCluster.class, cluster));
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
}
