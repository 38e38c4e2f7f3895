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

if [[ -x "$OUT" ]]; then
  log "kubelet $K8S_VERSION cached in $OUT_DIR"
  exit 0
fi
mkdir -p "$OUT_DIR"
work="$CACHE/src/kubelet-$K8S_VERSION"
mkdir -p "$work"
minor="v0.${K8S_VERSION#v1.}"
if [[ ! -f "$work/go.sum" ]]; then
  log "preparing wrapper module for k8s.io/kubernetes/cmd/kubelet $K8S_VERSION (staging repos at $minor)"
  cat > "$work/go.mod" <<MOD
module ferry.dev/testbed/kubelet

go 1.24

require k8s.io/kubernetes $K8S_VERSION
MOD
  # k8s.io/kubernetes requires its staging repos at v0.0.0 and replaces them with local
  # paths; a consumer has to replace each with its published version.
  staging=$(cd "$work" && go mod download -json "k8s.io/kubernetes@$K8S_VERSION" | sed -n 's/.*"GoMod": "\(.*\)".*/\1/p')
  grep -oE '^\s*k8s.io/[a-z0-9-]+ => ./staging' "$staging" | awk '{print $1}' | sort -u | while read -r m; do
    echo "replace $m => $m $minor" >> "$work/go.mod"
  done
  cat > "$work/tools.go" <<'GO'
//go:build tools

package tools

import _ "k8s.io/kubernetes/cmd/kubelet"
GO
  (cd "$work" && go mod tidy)
fi
ver="-X k8s.io/component-base/version.gitVersion=$K8S_VERSION -X k8s.io/component-base/version.gitMajor=1 -X k8s.io/component-base/version.gitMinor=$(echo "$K8S_VERSION" | cut -d. -f2)"
log "building kubelet from k8s.io/kubernetes/cmd/kubelet"
start=$SECONDS
# The kubelet links cadvisor and libcontainer's cgroup code; it builds without cgo on Linux.
(cd "$work" && CGO_ENABLED=0 go build -trimpath -ldflags "-s -w $ver" -o "$OUT.tmp.$$" k8s.io/kubernetes/cmd/kubelet)
mv -f "$OUT.tmp.$$" "$OUT"
log "built kubelet in $((SECONDS - start))s"
