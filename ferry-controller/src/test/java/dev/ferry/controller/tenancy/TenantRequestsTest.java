package dev.ferry.controller.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.api.velero.backup.Backup;
import dev.ferry.api.velero.restore.Restore;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TenantRequestsTest {
  private final Map<String, String> mapping = TenantRequests.mapping(List.of("a", "b:c"));

  @Test
  void backupHoldsOnlyTheTenantsNamespacedObjects() {
    Backup backup = TenantRequests.backup("m1", "a", mapping);
    assertThat(backup.getMetadata().getName()).isEqualTo("m1");
    assertThat(backup.getMetadata().getNamespace()).isEqualTo("a");
    assertThat(backup.getSpec().getIncludedNamespaces()).containsExactly("a", "b");
    assertThat(backup.getSpec().getIncludeClusterResources()).isFalse();
    assertThat(backup.getSpec().getExcludedResources()).containsExactly("namespaces", "events", "events.events.k8s.io");
  }

  @Test
  void restoreMapsOnlyTheRenamedNamespaces() {
    Restore restore = TenantRequests.restore("m1", "a", mapping);
    assertThat(restore.getSpec().getBackupName()).isEqualTo("m1");
    assertThat(restore.getSpec().getIncludedNamespaces()).containsExactly("a", "b");
    assertThat(restore.getSpec().getNamespaceMapping()).isEqualTo(Map.of("b", "c"));
    assertThat(TenantRequests.restore("m1", "a", TenantRequests.mapping(List.of("a"))).getSpec()
        .getNamespaceMapping()).isNull();
  }
}
