package dev.ferry.controller.tenancy;

import dev.ferry.api.velero.backup.Backup;
import dev.ferry.api.velero.backup.BackupSpec;
import dev.ferry.api.velero.restore.Restore;
import dev.ferry.api.velero.restore.RestoreSpec;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Backup and Restore a self-service migration runs as the tenant, and the plan's namespace
 * mapping they share. Pure: no cluster access.
 */
final class TenantRequests {
  private TenantRequests() {
  }

  /** {@code src} or {@code src:dest} entries of the plan, as source → destination. */
  static Map<String, String> mapping(List<String> namespaces) {
    Map<String, String> mapping = new LinkedHashMap<>();
    for (String entry : namespaces) {
      int colon = entry.indexOf(':');
      mapping.put(colon < 0 ? entry : entry.substring(0, colon), colon < 0 ? entry : entry.substring(colon + 1));
    }
    return mapping;
  }

  static Backup backup(String name, String own, Map<String, String> mapping) {
    Backup backup = new Backup();
    backup.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(own).build());
    BackupSpec spec = new BackupSpec();
    spec.setIncludedNamespaces(new ArrayList<>(mapping.keySet()));
    // Only what the tenant owns: no cluster-scoped dependencies (a namespace admin cannot read
    // them), not the namespaces themselves (the destination ones must exist: a tenant cannot
    // create namespaces).
    spec.setIncludeClusterResources(false);
    spec.setExcludedResources(List.of("namespaces", "events", "events.events.k8s.io"));
    backup.setSpec(spec);
    return backup;
  }

  static Restore restore(String name, String own, Map<String, String> mapping) {
    Restore restore = new Restore();
    restore.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(own).build());
    RestoreSpec spec = new RestoreSpec();
    spec.setBackupName(name);
    spec.setIncludedNamespaces(new ArrayList<>(mapping.keySet()));
    Map<String, String> renamed = new LinkedHashMap<>();
    mapping.forEach((from, to) -> {
      if (!from.equals(to)) {
        renamed.put(from, to);
      }
    });
    spec.setNamespaceMapping(renamed.isEmpty() ? null : renamed);
    restore.setSpec(spec);
    return restore;
  }
}
