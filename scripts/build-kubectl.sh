#!/usr/bin/env bash
# Builds kubectl (the client users compare Ferry with, and the host of the `kubectl ferry` plugin)
# from its published Go module k8s.io/kubectl at the testbed's Kubernetes version, cached under
# ~/.cache/ferry/bin/kubernetes-<version>/kubectl. Rebuilds only when missing.
#
#   FERRY_CACHE   cache root (default ~/.cache/ferry)
#   K8S_VERSION   Kubernetes version (default v1.34.4); k8s.io/kubectl is published as v0.<minor>.<patch>
set -euo pipefail

K8S_VERSION="${K8S_VERSION:-v1.34.4}"
CACHE="${FERRY_CACHE:-$HOME/.cache/ferry}"
OUT="$CACHE/bin/kubernetes-$K8S_VERSION/kubectl"
export GOFLAGS="${GOFLAGS:--buildvcs=false}"
export CGO_ENABLED=0

log() { echo "[build-kubectl] $*"; }
[[ "$K8S_VERSION" =~ ^v1\.[0-9]+\.[0-9]+$ ]] || { echo "build-kubectl: K8S_VERSION must look like v1.34.4, not '$K8S_VERSION'" >&2; exit 2; }

if [[ -x "$OUT" ]]; then
  log "kubectl $K8S_VERSION cached at $OUT"
  exit 0
fi
command -v go >/dev/null || { echo "build-kubectl: go not found; install Go (see scripts/install-prerequisites.sh)" >&2; exit 2; }

staging="v0.${K8S_VERSION#v1.}"
work="$CACHE/src/kubectl-$K8S_VERSION"
mkdir -p "$work" "$(dirname "$OUT")"
if [[ ! -f "$work/go.sum" ]]; then
  log "preparing module for k8s.io/kubectl $staging"
  cat > "$work/go.mod" <<MOD
module ferry.dev/testbed/kubectl

go 1.24

require (
	k8s.io/client-go $staging
	k8s.io/component-base $staging
	k8s.io/kubectl $staging
)
MOD
  # The command itself: kubectl's root command run the way the component-base CLI helper runs it
  # (flags, logging, exit codes), with client-go's credential plugins registered.
  cat > "$work/main.go" <<'GO'
package main

import (
	_ "k8s.io/client-go/plugin/pkg/client/auth"
	"k8s.io/component-base/cli"
	"k8s.io/kubectl/pkg/cmd"
	"k8s.io/kubectl/pkg/cmd/util"
)

func main() {
	if err := cli.RunNoErrOutput(cmd.NewDefaultKubectlCommand()); err != nil {
		util.CheckErr(err)
	}
}
GO
  (cd "$work" && go mod tidy)
fi

log "building kubectl $K8S_VERSION"
start=$SECONDS
minor="$(echo "$K8S_VERSION" | cut -d. -f2)"
ver=""
for pkg in k8s.io/client-go/pkg/version k8s.io/component-base/version; do
  ver+=" -X $pkg.gitVersion=$K8S_VERSION -X $pkg.gitMajor=1 -X $pkg.gitMinor=$minor"
done
# Built into a temporary name and renamed, so an interrupted build leaves nothing half-written.
(cd "$work" && go build -trimpath -ldflags "-s -w$ver" -o "$OUT.tmp.$$" .)
mv -f "$OUT.tmp.$$" "$OUT"
log "built $OUT in $((SECONDS - start))s"
