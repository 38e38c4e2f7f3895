#!/usr/bin/env bash
# Builds the real Kubernetes control-plane binaries the testbed runs (SPEC §4) from
# their Go modules through the Go module proxy, and caches them outside the repo.
# Rebuilds only what is missing; prints what it does. Safe to run concurrently with
# itself only in the sense that a half-written binary is never left in the cache.
#
#   FERRY_CACHE   cache root (default ~/.cache/ferry)
#   K8S_VERSION   Kubernetes version (default below); staging repos use v0.<minor>.<patch>
#   ETCD_VERSION  etcd 3.5.x
#   KWOK_VERSION  KWOK release
#   ONLY          space-separated subset of "kubernetes etcd kwok kubectl s3proxy azurite fake-gcs velero" to build (default: all)
set -euo pipefail

K8S_VERSION="${K8S_VERSION:-v1.34.4}"
ETCD_VERSION="${ETCD_VERSION:-v3.5.21}"
KWOK_VERSION="${KWOK_VERSION:-v0.7.0}"
CACHE="${FERRY_CACHE:-$HOME/.cache/ferry}"
BIN="$CACHE/bin"
export GOFLAGS="${GOFLAGS:--buildvcs=false}"
export CGO_ENABLED=0

K8S_DIR="$BIN/kubernetes-$K8S_VERSION"
ETCD_DIR="$BIN/etcd-$ETCD_VERSION"
KWOK_DIR="$BIN/kwok-$KWOK_VERSION"
mkdir -p "$K8S_DIR" "$ETCD_DIR" "$KWOK_DIR"

log() { echo "[testbed-binaries] $*"; }
want() { [[ -z "${ONLY:-}" || " $ONLY " == *" $1 "* ]]; }
# shellcheck source=k8s-module.sh
source "$(dirname "${BASH_SOURCE[0]}")/k8s-module.sh"

# go build into a temp name and rename, so an interrupted build leaves nothing half-written.
build() { # <workdir> <output> <package>
  local work="$1" out="$2" pkg="$3"
  log "building $(basename "$out") from $pkg"
  local start=$SECONDS
  (cd "$work" && go build -trimpath -ldflags "-s -w $4" -o "$out.tmp.$$" "$pkg")
  mv -f "$out.tmp.$$" "$out"
  log "built $(basename "$out") in $((SECONDS - start))s"
}

need_k8s=()
for b in kube-apiserver kube-controller-manager kube-scheduler; do
  [[ -x "$K8S_DIR/$b" ]] || need_k8s+=("$b")
done
if ! want kubernetes; then
  :
elif ((${#need_k8s[@]})); then
  work="$CACHE/src/kubernetes-$K8S_VERSION"
  mkdir -p "$work"
  if [[ ! -f "$work/go.sum" ]]; then
    k8s_wrapper_module "$work" kubernetes k8s.io/kubernetes/cmd/kube-apiserver \
      k8s.io/kubernetes/cmd/kube-controller-manager k8s.io/kubernetes/cmd/kube-scheduler
    (cd "$work" && go mod tidy -e >/dev/null 2>&1 || true; go mod download)
    (cd "$work" && go mod tidy)
  fi
  ver="$(k8s_version_ldflags)"
  for b in "${need_k8s[@]}"; do
    build "$work" "$K8S_DIR/$b" "k8s.io/kubernetes/cmd/$b" "$ver"
  done
else
  log "kubernetes $K8S_VERSION binaries cached in $K8S_DIR"
fi

if ! want etcd; then
  :
elif [[ ! -x "$ETCD_DIR/etcd" ]]; then
  work="$CACHE/src/etcd-$ETCD_VERSION"
  mkdir -p "$work"
  if [[ ! -f "$work/go.sum" ]]; then
    log "preparing wrapper module for go.etcd.io/etcd/server/v3 $ETCD_VERSION"
    cat > "$work/go.mod" <<MOD
module ferry.dev/testbed/etcd

go 1.23

require go.etcd.io/etcd/server/v3 $ETCD_VERSION
MOD
    cat > "$work/main.go" <<'GO'
package main

import (
	"os"

	"go.etcd.io/etcd/server/v3/etcdmain"
)

func main() { etcdmain.Main(os.Args) }
GO
    (cd "$work" && go mod tidy)
  fi
  build "$work" "$ETCD_DIR/etcd" "." ""
else
  log "etcd $ETCD_VERSION cached in $ETCD_DIR"
fi

if ! want kwok; then
  :
elif [[ ! -x "$KWOK_DIR/kwok" ]]; then
  work="$CACHE/src/kwok-$KWOK_VERSION"
  mkdir -p "$work"
  if [[ ! -f "$work/go.sum" ]]; then
    log "preparing wrapper module for sigs.k8s.io/kwok $KWOK_VERSION"
    cat > "$work/go.mod" <<MOD
module ferry.dev/testbed/kwok

go 1.24

require sigs.k8s.io/kwok $KWOK_VERSION
MOD
    cat > "$work/tools.go" <<'GO'
//go:build tools

package tools

import _ "sigs.k8s.io/kwok/cmd/kwok"
GO
    (cd "$work" && go mod tidy)
  fi
  build "$work" "$KWOK_DIR/kwok" "sigs.k8s.io/kwok/cmd/kwok" ""
else
  log "kwok $KWOK_VERSION cached in $KWOK_DIR"
fi

# S3Proxy (a real S3-protocol server, filesystem-backed) from Maven Central, for object-storage tests.
S3PROXY_VERSION="${S3PROXY_VERSION:-2.6.0}"
S3PROXY_JAR="$BIN/s3proxy-$S3PROXY_VERSION/s3proxy.jar"
if want s3proxy && [[ ! -f "$S3PROXY_JAR" ]]; then
  log "fetching s3proxy $S3PROXY_VERSION from Maven Central"
  mkdir -p "$(dirname "$S3PROXY_JAR")"
  mvn -B -q dependency:copy -Dartifact="org.gaul:s3proxy:$S3PROXY_VERSION:jar:jar-with-dependencies" \
    -DoutputDirectory="$(dirname "$S3PROXY_JAR")" -Dmdep.stripVersion=true -Dmdep.stripClassifier=true >/dev/null
  log "fetched $S3PROXY_JAR"
fi

# Azurite (Azure Blob Storage emulator) from the npm registry, for Azure object-storage tests.
AZURITE_VERSION="${AZURITE_VERSION:-3.37.0}"
AZURITE_DIR="$BIN/azurite-$AZURITE_VERSION"
if want azurite && [[ ! -x "$AZURITE_DIR/node_modules/.bin/azurite-blob" ]]; then
  if command -v npm >/dev/null; then
    log "installing azurite $AZURITE_VERSION from npm"
    mkdir -p "$AZURITE_DIR"
    npm install --silent --no-audit --no-fund --prefix "$AZURITE_DIR" "azurite@$AZURITE_VERSION" >/dev/null
    log "installed $AZURITE_DIR"
  else
    log "npm not found: skipping azurite (Azure object-storage tests will say so)"
  fi
fi

want kubectl && K8S_VERSION="$K8S_VERSION" bash "$(dirname "${BASH_SOURCE[0]}")/build-kubectl.sh"   # kubectl: the plugin host the distribution IT runs, and bench/run-cli.sh compares with
if want kubernetes; then bash "$(dirname "${BASH_SOURCE[0]}")/build-kubelet.sh"; fi  # real nodes (docs/testbed.md)
# fake-gcs-server (Google Cloud Storage API server) by its own script; ONLY may name it as "fake-gcs".
if want fake-gcs; then "$(dirname "$0")/build-fake-gcs.sh"; fi
want velero && "$(dirname "$0")/build-velero.sh"  # Velero + its AWS plugin, for the interop tests

log "ready: $K8S_DIR $ETCD_DIR $KWOK_DIR"
