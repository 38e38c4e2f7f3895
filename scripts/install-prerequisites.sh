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

# Debian packages: the container registry the testbed runs per cluster.
packages=()
[[ -x /usr/bin/docker-registry ]] || packages+=(docker-registry)
# The console's browser tests drive Debian's headless Chromium through its driver (no browser download).
[[ -x /usr/bin/chromium ]] || packages+=(chromium)
[[ -x /usr/bin/chromedriver ]] || packages+=(chromium-driver)
if ((${#packages[@]})); then
  log "installing Debian packages: ${packages[*]}"
  SUDO=""; [[ $(id -u) -eq 0 ]] || SUDO="sudo"
  $SUDO apt-get update -qq
  # The package would start a system-wide registry service; the testbed starts its own.
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
fi
log "java, mvn, go, docker-registry and chromium present"
