package dev.ferry.testbed;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether this machine can run a real node, and if not, why and what to do: it needs root (the
 * kubelet and containerd mount, create cgroups and network namespaces), Debian's containerd, runc
 * and CNI plugins, busybox-static for the test image, iproute2 and the kubelet from the cache.
 */
public final class RealNodeSupport {
  static final Path CNI_BIN = Path.of("/usr/lib/cni");
  static final List<Path> PACKAGES = List.of(Path.of("/usr/bin/containerd"), Path.of("/usr/bin/ctr"),
      Path.of("/usr/bin/containerd-shim-runc-v2"), Path.of("/usr/sbin/runc"), CNI_BIN.resolve("bridge"),
      CNI_BIN.resolve("host-local"), CNI_BIN.resolve("loopback"), NodeImages.BUSYBOX);

  private RealNodeSupport() {
  }

  /** Aborts the calling test (JUnit: skipped) with the reason when real nodes cannot run here. */
  public static void assumeSupported() {
    problem(Binaries.fromCache().kubelet()).ifPresent(problem ->
        org.junit.jupiter.api.Assumptions.abort("real nodes unavailable, KWOK only: " + problem));
  }

  /** Empty when real nodes can start here; otherwise what is missing and how to get it. */
  public static Optional<String> problem(Path kubelet) {
    List<String> problems = new ArrayList<>();
    if (!"root".equals(System.getProperty("user.name"))) {
      problems.add("real nodes need root (the kubelet and containerd mount volumes and create cgroups and "
          + "network namespaces); this JVM runs as " + System.getProperty("user.name"));
    }
    List<String> missing = PACKAGES.stream().filter(p -> !Files.isExecutable(p)).map(Path::toString).toList();
    if (!missing.isEmpty()) {
      problems.add("missing " + String.join(", ", missing) + "; install Debian's containerd, runc, "
          + "containernetworking-plugins and busybox-static (scripts/install-prerequisites.sh does)");
    }
    if (!Files.isExecutable(Path.of("/usr/sbin/ip")) && !Files.isExecutable(Path.of("/sbin/ip"))
        && !Files.isExecutable(Path.of("/usr/bin/ip"))) {
      problems.add("missing the ip command; install iproute2");
    }
    if (!Files.isExecutable(kubelet)) {
      problems.add("missing " + kubelet + "; build it with scripts/build-kubelet.sh (scripts/testbed-binaries.sh "
          + "calls it)");
    }
    if (!Files.isWritable(Path.of("/sys/fs/cgroup")) && !Files.isDirectory(Path.of("/sys/fs/cgroup/memory"))) {
      problems.add("/sys/fs/cgroup is not usable, so containers cannot be limited or run");
    }
    return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
  }
}
