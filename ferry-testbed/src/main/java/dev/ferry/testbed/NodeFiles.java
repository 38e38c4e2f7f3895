package dev.ferry.testbed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The files of one real node, all under its own short directory (unix socket paths are limited to
 * 107 bytes, so not under a deep build directory): containerd's config, root, state and socket, the
 * CNI network (its own bridge and subnet, addresses kept in the node directory), the kubelet's
 * configuration, root directory and pod logs. Nothing is shared with another node or with a
 * containerd or kubelet of the machine.
 */
record NodeFiles(Path dir, NodeSlot slot) {
  static final String LABEL = "ferry.dev/node-kind";
  static final String TAINT = "ferry.dev/real-node";

  Path socket() {
    return dir.resolve("containerd.sock");
  }

  Path containerdConfig() {
    return dir.resolve("containerd.toml");
  }

  Path kubeletConfig() {
    return dir.resolve("kubelet.yaml");
  }

  Path kubeletRoot() {
    return dir.resolve("kubelet");
  }

  Path podLogs() {
    return dir.resolve("pod-logs");
  }

  Path cniConfig() {
    return dir.resolve("cni");
  }

  void write(String nodeIp, int kubeletPort, int healthzPort) {
    try {
      Files.createDirectories(cniConfig());
      Files.createDirectories(podLogs());
      Files.createDirectories(kubeletRoot());
      Files.writeString(containerdConfig(), containerd());
      Files.writeString(cniConfig().resolve("10-ferry.conflist"), cni());
      Files.writeString(kubeletConfig(), kubelet(nodeIp, kubeletPort, healthzPort));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the real node's configuration in " + dir, e);
    }
  }

  /**
   * containerd 1.6 with only what the kubelet needs. {@code restrict_oom_score_adj}: without
   * CAP_SYS_RESOURCE every sandbox fails to start otherwise; runc (crun refuses cgroup v1 hybrid);
   * cgroupfs; the sandbox image imported locally; network namespaces, runc state and the streaming
   * server (a random port) private to this node.
   */
  private String containerd() {
    return """
        version = 2
        root = "%1$s/containerd/root"
        state = "%1$s/containerd/state"
        disabled_plugins = ["io.containerd.snapshotter.v1.btrfs", "io.containerd.snapshotter.v1.zfs", \
        "io.containerd.snapshotter.v1.devmapper", "io.containerd.snapshotter.v1.aufs"]
        [grpc]
          address = "%2$s"
        [ttrpc]
          address = ""
        [debug]
          address = ""
          level = "warn"
        [metrics]
          address = ""
        [plugins."io.containerd.internal.v1.opt"]
          path = "%1$s/containerd/opt"
        [plugins."io.containerd.grpc.v1.cri"]
          sandbox_image = "%3$s"
          restrict_oom_score_adj = true
          netns_mounts_under_state_dir = true
          disable_apparmor = true
          enable_selinux = false
          stream_server_address = "127.0.0.1"
          stream_server_port = "0"
          [plugins."io.containerd.grpc.v1.cri".containerd]
            snapshotter = "overlayfs"
            default_runtime_name = "runc"
            [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc]
              runtime_type = "io.containerd.runc.v2"
              [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc.options]
                SystemdCgroup = false
                Root = "%1$s/containerd/runc"
          [plugins."io.containerd.grpc.v1.cri".cni]
            bin_dir = "%4$s"
            conf_dir = "%5$s"
            max_conf_num = 1
        """.formatted(dir, socket(), NodeImages.PAUSE_IMAGE, RealNodeSupport.CNI_BIN, cniConfig());
  }

  /**
   * A bridge of its own with a /24 of its own; no IP masquerade and no port mapping, so the node
   * adds no iptables rules: pods reach this machine and the other nodes' pods by plain routing.
   */
  private String cni() {
    return """
        {"cniVersion": "0.4.0", "name": "%1$s", "plugins": [
          {"type": "bridge", "bridge": "%1$s", "isGateway": true, "ipMasq": false, "hairpinMode": true,
           "ipam": {"type": "host-local", "ranges": [[{"subnet": "%2$s"}]], "routes": [{"dst": "0.0.0.0/0"}],
                    "dataDir": "%3$s/cni-ipam"}}
        ]}
        """.formatted(slot.bridge(), slot.subnet(), dir);
  }

  /**
   * No QoS cgroups (nodes of several clusters share this machine's cgroup tree), no node allocatable
   * enforcement, no image GC (the images are imported, not pullable), no iptables chains, pod logs
   * in the node's directory. The API server is the only client of the kubelet's port, which is
   * bound to the node's address and, as in a test cluster, authorizes everyone.
   */
  private String kubelet(String nodeIp, int port, int healthzPort) {
    return """
        apiVersion: kubelet.config.k8s.io/v1beta1
        kind: KubeletConfiguration
        address: %1$s
        port: %2$d
        readOnlyPort: 0
        healthzBindAddress: 127.0.0.1
        healthzPort: %3$d
        containerRuntimeEndpoint: unix://%4$s
        cgroupDriver: cgroupfs
        cgroupsPerQOS: false
        enforceNodeAllocatable: []
        failSwapOn: false
        failCgroupV1: false
        evictionHard:
          memory.available: "1Mi"
          nodefs.available: "1%%"
          imagefs.available: "1%%"
        imageGCHighThresholdPercent: 100
        imageGCLowThresholdPercent: 99
        podLogsDir: %5$s
        makeIPTablesUtilChains: false
        serializeImagePulls: false
        volumePluginDir: %6$s/volume-plugins
        resolvConf: "%7$s"
        authentication:
          anonymous: {enabled: true}
          webhook: {enabled: false}
        authorization:
          mode: AlwaysAllow
        registerWithTaints:
        - {key: %8$s, value: "true", effect: NoSchedule}
        """.formatted(nodeIp, port, healthzPort, socket(), podLogs(), dir,
        Files.isRegularFile(Path.of("/etc/resolv.conf")) ? "/etc/resolv.conf" : "", TAINT);
  }
}
