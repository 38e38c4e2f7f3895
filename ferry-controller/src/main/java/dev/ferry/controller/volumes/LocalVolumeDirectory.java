package dev.ferry.controller.volumes;

import io.fabric8.kubernetes.api.model.PersistentVolume;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a persistent volume's data is on this machine, if it is: a {@code hostPath} or
 * {@code local} volume whose directory exists (or, for hostPath with a create type, can be
 * created) here. That is true on single-node clusters and on the testbed, whose hostPath
 * provisioner puts every volume in {@code /tmp/hostpath_pv/<uuid>}; elsewhere the data is only
 * reachable from a pod on the volume's node.
 */
public final class LocalVolumeDirectory {
  private LocalVolumeDirectory() {
  }

  public static Optional<Path> of(PersistentVolume volume) {
    if (volume == null || volume.getSpec() == null) {
      return Optional.empty();
    }
    String path = null;
    boolean creatable = false;
    if (volume.getSpec().getHostPath() != null) {
      path = volume.getSpec().getHostPath().getPath();
      String type = volume.getSpec().getHostPath().getType();
      creatable = type == null || type.isEmpty() || "DirectoryOrCreate".equals(type);
    } else if (volume.getSpec().getLocal() != null) {
      path = volume.getSpec().getLocal().getPath();
    }
    if (path == null || path.isBlank()) {
      return Optional.empty();
    }
    Path directory = Path.of(path);
    if (Files.isDirectory(directory)) {
      return Optional.of(directory);
    }
    // The provisioner creates the directory when a pod first mounts it; no pod has yet.
    if (creatable && !Files.exists(directory) && directory.getParent() != null
        && Files.isDirectory(directory.getParent()) && Files.isWritable(directory.getParent())) {
      return Optional.of(directory);
    }
    return Optional.empty();
  }
}
