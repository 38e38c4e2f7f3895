#!/usr/bin/env bash
# Builds the kubelet the testbed's real nodes run (docs/testbed.md, "Real nodes") from the same
# k8s.io/kubernetes version as the control plane, and caches it beside the other binaries.
# Uses its own wrapper module directory (not the control plane's), so it can build while
# testbed-binaries.sh is building in its module: both only share Go's module and build caches,
# which are safe to use concurrently. Rebuilds only when the binary is missing.
#
#   FERRY_CACHE   cache root (default ~/.cache/ferry)
#   K8S_VERSION   Kubernetes version (default v1.34.4); staging repos use v0.<minor>.<patch>
set -euo pipefail

K8S_VERSION="${K8S_VERSION:-v1.34.4}"
CACHE="${FERRY_CACHE:-$HOME/.cache/ferry}"
OUT_DIR="$CACHE/bin/kubernetes-$K8S_VERSION"
OUT="$OUT_DIR/kubelet"
export GOFLAGS="${GOFLAGS:--buildvcs=false}"
log() { echo "[build-kubelet] $*"; }
# shellcheck source=k8s-module.sh
source "$(dirname "${BASH_SOURCE[0]}")/k8s-module.sh"

if [[ -x "$OUT" ]]; then
  log "kubelet $K8S_VERSION cached in $OUT_DIR"
  exit 0
fi
mkdir -p "$OUT_DIR"
work="$CACHE/src/kubelet-$K8S_VERSION"
mkdir -p "$work"
if [[ ! -f "$work/go.sum" ]]; then
  k8s_wrapper_module "$work" kubelet k8s.io/kubernetes/cmd/kubelet
  (cd "$work" && go mod tidy)
fi
ver="$(k8s_version_ldflags)"
log "building kubelet from k8s.io/kubernetes/cmd/kubelet"
start=$SECONDS
# The kubelet links cadvisor and libcontainer's cgroup code; it builds without cgo on Linux.
(cd "$work" && CGO_ENABLED=0 go build -trimpath -ldflags "-s -w $ver" -o "$OUT.tmp.$$" k8s.io/kubernetes/cmd/kubelet)
mv -f "$OUT.tmp.$$" "$OUT"
log "built kubelet in $((SECONDS - start))s"
