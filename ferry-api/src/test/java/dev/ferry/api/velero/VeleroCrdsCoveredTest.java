package dev.ferry.api.velero;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.api.Crds;
import dev.ferry.api.SchemaCoverage;
import dev.ferry.api.velero.backup.Backup;
import dev.ferry.api.velero.location.BackupStorageLocation;
import dev.ferry.api.velero.location.VolumeSnapshotLocation;
import dev.ferry.api.velero.restore.Restore;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Ferry's velero.io CRDs keep everything Velero 1.18's do: every field, enum value and
 * preserved subtree of Velero's schema (read from Velero's Go module, which
 * scripts/build-velero.sh downloads), and the same subresources (none). Otherwise installing
 * Ferry beside a Velero would prune what Velero stores.
 */
class VeleroCrdsCoveredTest {

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  @ParameterizedTest
  @ValueSource(classes = {Backup.class, Restore.class, BackupStorageLocation.class, VolumeSnapshotLocation.class})
  void ferrysCrdKeepsEveryFieldOfVelerosCrd(Class<? extends io.fabric8.kubernetes.api.model.HasMetadata> kind)
      throws IOException {
    CustomResourceDefinition ferry = Crds.of(kind).definition();
    CustomResourceDefinition velero = SERIALIZATION.unmarshal(
        Files.readString(VeleroModule.crdFile(ferry.getMetadata().getName())), CustomResourceDefinition.class);
    List<String> gaps = SchemaCoverage.gaps(velero, ferry);
    assertThat(gaps).as("what Ferry's %s CRD would lose of Velero %s's", ferry.getMetadata().getName(),
        VeleroModule.VERSION).isEmpty();
    // and the reverse direction shows the comparison can fail: Velero's schema lacks Ferry's extras
    if (kind == Restore.class) {
      assertThat(SchemaCoverage.gaps(ferry, velero)).contains("status.podVolumeRestoreErrors: missing");
    }
  }

  /** Where Velero's module is: copied by scripts/build-velero.sh, or in the Go module cache. */
  static final class VeleroModule {
    static final String VERSION = System.getProperty("ferry.velero.version", "v1.18.3");

    static Path crdFile(String crdName) {
      String cache = System.getenv().getOrDefault("FERRY_CACHE", System.getProperty("user.home") + "/.cache/ferry");
      String modCache = System.getenv().getOrDefault("GOMODCACHE", System.getProperty("user.home") + "/go/pkg/mod");
      String file = "config/crd/v1/bases/velero.io_" + crdName.substring(0, crdName.indexOf('.')) + ".yaml";
      for (Path dir : List.of(Path.of(cache, "src", "velero-" + VERSION),
          Path.of(modCache, "github.com", "vmware-tanzu", "velero@" + VERSION))) {
        if (Files.isRegularFile(dir.resolve(file))) {
          return dir.resolve(file);
        }
      }
      throw new IllegalStateException("Velero " + VERSION + "'s module is not on this machine (looked in "
          + cache + "/src and " + modCache + "); run scripts/build-velero.sh (scripts/testbed-binaries.sh "
          + "runs it)");
    }
  }
}
