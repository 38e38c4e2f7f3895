#!/usr/bin/env bash
# Builds Ferry's container image as an OCI tarball with Jib (no Docker daemon, no registry):
#   ferry-cli/target/ferry-image.tar   — load it with: podman load -i ferry-cli/target/ferry-image.tar
# Maven runs offline (-o) unless MVN_OFFLINE is set (MVN_OFFLINE= fetches the Jib plugin once).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$ROOT/scripts/image-rootfs.sh"
cd "$ROOT" && mvn -B -q ${MVN_OFFLINE--o} -P image -pl ferry-cli -am package -DskipTests -Dmaven.test.skip=true
ls -l "$ROOT/ferry-cli/target/ferry-image.tar"
