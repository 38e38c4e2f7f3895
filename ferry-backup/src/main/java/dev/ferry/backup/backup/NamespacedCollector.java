package dev.ferry.backup.backup;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.backup.ClientErrors;
import dev.ferry.backup.OperationLog;
import dev.ferry.backup.discovery.ApiDiscovery;
import dev.ferry.backup.discovery.ApiResource;
import dev.ferry.backup.format.BackupTarballWriter;
import dev.ferry.backup.model.ItemKey;
import dev.ferry.backup.model.Results;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntConsumer;

/**
 * The namespaced items of a backup: every selected resource the cluster serves, in each included
 * namespace, listed page by page straight into the tarball (a namespace of any size never sits in
 * memory). Notes on the way what the cluster-scoped pass must add ({@link ClusterDependencies}).
 * A resource that cannot be listed is an error under its namespace; the backup goes on.
 */
record NamespacedCollector(KubernetesClient client, ApiDiscovery discovery, ResourceSelector selector,
                           OperationLog log, Results errors) {
  /** The backup log's logSource stays the backup's entry point, as before this class was split out of it. */
  private static final String SOURCE = "dev/ferry/backup/backup/Backupper.java";
  static final long PAGE_SIZE = 500;

  /** Returns how many items went into {@code writer}; {@code progress} sees the count after each resource. */
  int collect(List<String> namespaces, LabelSelector labelSelector, BackupTarballWriter writer,
              ClusterDependencies dependencies, IntConsumer progress) {
    Set<String> crdNames = crdNames();
    int count = 0;
    for (String namespace : namespaces) {
      log.info(SOURCE, "Backing up namespace " + namespace);
      for (ApiResource resource : discovery.namespaced()) {
        if (!selector.selects(resource)) {
          continue;
        }
        int before = count;
        count += collectResource(resource, namespace, labelSelector, writer, dependencies);
        if (count > before && crdNames.contains(resource.resource() + "." + resource.group())) {
          dependencies.noteCustomResource(resource.groupResource());
        }
        progress.accept(count);
      }
    }
    return count;
  }

  private Set<String> crdNames() {
    Set<String> crdNames = new HashSet<>();
    try {
      client.apiextensions().v1().customResourceDefinitions().list().getItems()
          .forEach(crd -> crdNames.add(crd.getMetadata().getName()));
    } catch (KubernetesClientException e) {
      if (e.getCode() != 403) {
        throw e;
      }
      // A namespace owner backing up as themselves may not read CRDs: their custom resources are
      // still backed up, only the CRDs (cluster-scoped dependencies) are not.
      log.warn(SOURCE, "Cannot list CustomResourceDefinitions (" + ClientErrors.reason(e)
          + "); CRDs are not backed up");
    }
    return crdNames;
  }

  private int collectResource(ApiResource resource, String namespace, LabelSelector labelSelector,
                              BackupTarballWriter writer, ClusterDependencies dependencies) {
    int count = 0;
    String continueToken = null;
    do {
      GenericKubernetesResourceList page;
      try {
        var op = client.genericKubernetesResources(resource.context()).inNamespace(namespace);
        var options = new ListOptionsBuilder().withLimit(PAGE_SIZE).withContinue(continueToken);
        if (labelSelector != null) {
          options.withLabelSelector(selectorString(labelSelector));
        }
        page = op.list(options.build());
      } catch (KubernetesClientException e) {
        errors.addNamespace(namespace, "error listing " + resource.groupResource().qualified() + ": "
            + ClientErrors.reason(e));
        log.error(SOURCE, "Error listing " + resource.groupResource().qualified() + " in namespace " + namespace
            + ": " + ClientErrors.reason(e));
        return count;
      }
      for (GenericKubernetesResource item : page.getItems()) {
        if (BackupItems.excluded(item)) {
          log.info(SOURCE, "Skipping " + resource.groupResource().qualified() + " " + namespace + "/"
              + item.getMetadata().getName() + ": labelled " + BackupItems.EXCLUDE_LABEL + "=true");
          continue;
        }
        ObjectNode json = BackupItems.tree(item, resource);
        dependencies.note(resource.groupResource(), json);
        try {
          writer.add(new ItemKey(resource.groupResource(), resource.version(), namespace, item.getMetadata().getName()),
              BackupItems.bytes(json));
        } catch (IOException e) {
          throw new UncheckedIOException("cannot write the backup tarball", e);
        }
        count++;
      }
      continueToken = page.getMetadata() != null ? page.getMetadata().getContinue() : null;
    } while (continueToken != null && !continueToken.isEmpty());
    if (count > 0) {
      log.info(SOURCE, "Backed up " + count + " items of resource " + resource.groupResource().qualified()
          + " in namespace " + namespace);
    }
    return count;
  }

  static String selectorString(LabelSelector selector) {
    List<String> terms = new ArrayList<>();
    if (selector.getMatchLabels() != null) {
      selector.getMatchLabels().forEach((k, v) -> terms.add(k + "=" + v));
    }
    if (selector.getMatchExpressions() != null) {
      selector.getMatchExpressions().forEach(e -> {
        String values = String.join(",", e.getValues() == null ? List.of() : e.getValues());
        switch (e.getOperator()) {
          case "In" -> terms.add(e.getKey() + " in (" + values + ")");
          case "NotIn" -> terms.add(e.getKey() + " notin (" + values + ")");
          case "Exists" -> terms.add(e.getKey());
          case "DoesNotExist" -> terms.add("!" + e.getKey());
          default -> throw new IllegalArgumentException("unknown label selector operator " + e.getOperator());
        }
      });
    }
    return terms.isEmpty() ? null : String.join(",", terms);
  }
}
