package dev.ferry.controller.volumes;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Which launcher a DirectVolumeMigration uses, and why, for its {@code LauncherSelected}
 * condition and the log: in-process when every source and destination volume is a directory on
 * the controller's machine; otherwise pods on the clusters. Model only.
 */
public record LauncherChoice(boolean inProcess, String reason) {

  /** One claim's volumes: where they are on this machine, if they are. */
  public record Located(String claim, Optional<Path> source, Optional<Path> destination) {
  }

  public static LauncherChoice of(List<Located> volumes) {
    for (Located v : volumes) {
      if (v.source().isEmpty()) {
        return new LauncherChoice(false, "transfer pods (Jobs), because the source volume of " + v.claim()
            + " is not a hostPath/local directory on the controller's machine");
      }
      if (v.destination().isEmpty()) {
        return new LauncherChoice(false, "transfer pods (Jobs), because the destination volume of " + v.claim()
            + " is not a hostPath/local directory on the controller's machine");
      }
    }
    return new LauncherChoice(true, "in-process mover, because every source and destination volume is a "
        + "directory on the controller's machine (e.g. " + (volumes.isEmpty() ? "-"
        : volumes.get(0).source().get() + " -> " + volumes.get(0).destination().get()) + ")");
  }

  public String launcherName() {
    return inProcess ? InProcessVolumeLauncher.NAME : JobVolumeLauncher.NAME;
  }
}
