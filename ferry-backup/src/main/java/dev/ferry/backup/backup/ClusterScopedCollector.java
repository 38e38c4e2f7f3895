package dev.ferry.backup.backup;

import dev.ferry.backup.ClientErrors;
import dev.ferry.backup.OperationLog;
import dev.ferry.backup.discovery.ApiDiscovery;
import dev.ferry.backup.discovery.ApiResource;
import dev.ferry.backup.format.BackupTarballWriter;
import dev.ferry.backup.model.GroupResource;
import dev.ferry.backup.model.ItemKey;
import dev.ferry.backup.model.Results;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Predicate;

/**
 * The cluster-scoped objects a backup of namespaces carries: the namespaces themselves, PVs
 * bound to their claims, CRDs of their custom resources, SCCs and ClusterRoleBindings that name
 * their service accounts — or, when {@code includeClusterResources} is true, every selected
 * cluster-scoped resource.
 */
record ClusterScopedCollector(KubernetesClient client, ApiDiscovery discovery, ResourceSelector selector,
                              OperationLog log, Results errors) {
  private static final String SOURCE = "dev/ferry/backup/backup/ClusterScopedCollector.java";
  private static final GroupResource NAMESPACES = new GroupResource("", "namespaces");
  private static final GroupResource PVS = new GroupResource("", "persistentvolumes");
  private static final GroupResource CRDS = new GroupResource("apiextensions.k8s.io", "customresourcedefinitions");
  private static final GroupResource SCCS = new GroupResource("security.openshift.io", "securitycontextconstraints");
  private static final GroupResource CRBS = new GroupResource("rbac.authorization.k8s.io", "clusterrolebindings");

  int collect(List<String> namespaces, ClusterDependencies deps, boolean everything, BackupTarballWriter writer) {
    int count = 0;
    for (ApiResource resource : discovery.all()) {
      if (resource.namespaced() || !selector.selects(resource)) {
        continue;
      }
      GroupResource gr = resource.groupResource();
      Predicate<GenericKubernetesResource> wanted;
      if (everything) {
        wanted = o -> true;
      } else if (gr.equals(NAMESPACES)) {
        wanted = o -> namespaces.contains(o.getMetadata().getName());
      } else if (gr.equals(PVS)) {
        wanted = o -> deps.persistentVolumes().contains(o.getMetadata().getName());
      } else if (gr.equals(CRDS)) {
        wanted = o -> deps.crdNames().contains(o.getMetadata().getName());
      } else if (gr.equals(SCCS)) {
        wanted = o -> namesServiceAccount(o, deps);
      } else if (gr.equals(CRBS)) {
        wanted = o -> subjectsNameServiceAccount(o, deps);
      } else {
        continue;
      }
      count += collect(resource, wanted, writer);
    }
    return count;
  }

  private int collect(ApiResource resource, Predicate<GenericKubernetesResource> wanted, BackupTarballWriter writer) {
    int count = 0;
    try {
      for (GenericKubernetesResource item : client.genericKubernetesResources(resource.context())
          .list().getItems()) {
        if (!wanted.test(item) || BackupItems.excluded(item)) {
          continue;
        }
        writer.add(new ItemKey(resource.groupResource(), resource.version(), null, item.getMetadata().getName()),
            BackupItems.bytes(BackupItems.tree(item, resource)));
        count++;
      }
    } catch (KubernetesClientException e) {
      errors.addCluster("error listing " + resource.groupResource().qualified() + ": " + ClientErrors.reason(e));
      log.error(SOURCE, "Error listing " + resource.groupResource().qualified() + ": " + ClientErrors.reason(e));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (count > 0) {
      log.info(SOURCE, "Backed up " + count + " cluster-scoped items of resource " + resource.groupResource().qualified());
    }
    return count;
  }

  @SuppressWarnings("unchecked")
  private static boolean namesServiceAccount(GenericKubernetesResource scc, ClusterDependencies deps) {
    Object users = scc.getAdditionalProperties().get("users");
    if (!(users instanceof List<?> list)) {
      return false;
    }
    return ((List<Object>) list).stream().anyMatch(u -> deps.namesServiceAccount("User", String.valueOf(u), null));
  }

  @SuppressWarnings("unchecked")
  private static boolean subjectsNameServiceAccount(GenericKubernetesResource crb, ClusterDependencies deps) {
    Object subjects = crb.getAdditionalProperties().get("subjects");
    if (!(subjects instanceof List<?> list)) {
      return false;
    }
    for (Object s : list) {
      if (s instanceof java.util.Map<?, ?> subject) {
        if (deps.namesServiceAccount(String.valueOf(subject.get("kind")), String.valueOf(subject.get("name")),
            String.valueOf(subject.get("namespace")))) {
          return true;
        }
      }
    }
    return false;
  }
}
