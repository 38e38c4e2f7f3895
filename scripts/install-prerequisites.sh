#!/usr/bin/env bash
# Installs what Ferry's build and tests need beyond the machine's toolchains (JDK 17, Maven, Go).
# Idempotent: installs only what is missing, and says what it does.
set -euo pipefail
log() { echo "[prerequisites] $*"; }

missing=()
for tool in java mvn go npm; do
  command -v "$tool" >/dev/null || missing+=("$tool")
done
if ((${#missing[@]})); then
  log "missing toolchains: ${missing[*]} (expected on the machine: JDK 17, Maven, Go, Node/npm)" >&2
  exit 1
fi

# Debian packages: the container registry the testbed runs per cluster; containerd, runc, the CNI
# plugins, busybox-static (the test and pause image) and iproute2 for the testbed's real nodes.
packages=()
[[ -x /usr/bin/docker-registry ]] || packages+=(docker-registry)
[[ -x /usr/bin/containerd && -x /usr/bin/containerd-shim-runc-v2 ]] || packages+=(containerd)
[[ -x /usr/sbin/runc ]] || packages+=(runc)
[[ -x /usr/lib/cni/bridge ]] || packages+=(containernetworking-plugins)
[[ -x /bin/busybox ]] || packages+=(busybox-static)
command -v ip >/dev/null || packages+=(iproute2)
# The console's browser tests drive Debian's headless Chromium through its driver (no browser download).
[[ -x /usr/bin/chromium ]] || packages+=(chromium)
[[ -x /usr/bin/chromedriver ]] || packages+=(chromium-driver)
if ((${#packages[@]})); then
  log "installing Debian packages: ${packages[*]}"
  SUDO=""; [[ $(id -u) -eq 0 ]] || SUDO="sudo"
  $SUDO apt-get update -qq
  # The packages would start system-wide registry/containerd services; the testbed starts its own.
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
fi
log "java, mvn, go, docker-registry, containerd, runc, CNI plugins, busybox and chromium present"
