package dev.ferry.controller.volumes;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Which launcher a DirectVolumeMigration uses, and why, for its {@code LauncherSelected}
 * condition and the log: in-process when every source and destination volume is a directory on
 * the controller's machine; otherwise pods on the clusters. The DVM's (or its plan's)
 * {@value #ANNOTATION} annotation may ask for pods ({@code job}) even where the volumes are local
 * — to keep the data path off the controller's machine, or to prove the pod path — or for
 * {@code auto} (the default). Model only.
 */
public record LauncherChoice(boolean inProcess, String reason) {
  /** On a MigPlan (copied to its DVMs) or a DVM: {@code job} or {@code auto}. */
  public static final String ANNOTATION = "migration.ferry.dev/volume-launcher";

  /** One claim's volumes: where they are on this machine, if they are. */
  public record Located(String claim, Optional<Path> source, Optional<Path> destination) {
  }

  public static LauncherChoice of(List<Located> volumes) {
    return of(volumes, null);
  }

  /**
   * @param requested the {@value #ANNOTATION} value, null or blank for {@code auto}
   * @throws InvalidTransferException for a value other than {@code job} or {@code auto}
   */
  public static LauncherChoice of(List<Located> volumes, String requested) {
    String wanted = requested == null || requested.isBlank() ? "auto" : requested.strip();
    if (JobVolumeLauncher.NAME.equals(wanted)) {
      return new LauncherChoice(false, "transfer pods (Jobs), because the annotation " + ANNOTATION
          + "=job asks for them");
    }
    if (!"auto".equals(wanted)) {
      throw new InvalidTransferException("The annotation " + ANNOTATION + "=" + requested + " names no launcher; "
          + "write 'job' (transfer pods) or 'auto' (in-process where the volumes are on the controller's machine)");
    }
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
