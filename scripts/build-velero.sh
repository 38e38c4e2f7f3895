#!/usr/bin/env bash
# Builds a real Velero server and its AWS (S3) object-store plugin from their Go modules,
# for the interop tests that run Ferry beside Velero (docs/backup-restore.md, "Beside Velero").
# Cached under $FERRY_CACHE/bin/velero-<version>/; rebuilt only when missing.
#
#   FERRY_CACHE          cache root (default ~/.cache/ferry)
#   VELERO_VERSION       github.com/vmware-tanzu/velero version (default below)
#   VELERO_AWS_VERSION   github.com/vmware-tanzu/velero-plugin-for-aws version (default below)
#
# Why not `go install module@version`: Velero's go.mod has a replace directive (its kopia fork),
# which `go install` refuses. So each module is downloaded with `go mod download -json`, copied
# out of the read-only module cache and built inside its own module.
set -euo pipefail

VELERO_VERSION="${VELERO_VERSION:-v1.18.3}"
VELERO_AWS_VERSION="${VELERO_AWS_VERSION:-v1.14.3}"
CACHE="${FERRY_CACHE:-$HOME/.cache/ferry}"
OUT="$CACHE/bin/velero-$VELERO_VERSION"
export GOFLAGS="${GOFLAGS:--buildvcs=false}"
export CGO_ENABLED=0

log() { echo "[build-velero] $*"; }

# Copies module <path>@<version> out of the module cache into $CACHE/src and prints that directory.
module_src() {
  local mod="$1" ver="$2" dir
  local work="$CACHE/src/$(basename "$mod")-$ver"
  if [[ ! -f "$work/go.mod" ]]; then
    dir=$(cd "$CACHE/src" && GOFLAGS=-mod=mod go mod download -json "$mod@$ver" | sed -n 's/.*"Dir": "\(.*\)".*/\1/p')
    [[ -n "$dir" ]] || { echo "go mod download $mod@$ver gave no directory" >&2; exit 1; }
    rm -rf "$work.tmp.$$" && cp -r "$dir" "$work.tmp.$$" && chmod -R u+w "$work.tmp.$$"
    mv "$work.tmp.$$" "$work"
  fi
  echo "$work"
}

build() { # <workdir> <output> <package> <ldflags>
  local work="$1" out="$2" pkg="$3" start=$SECONDS
  log "building $(basename "$out") from $pkg"
  (cd "$work" && go build -trimpath -ldflags "-s -w $4" -o "$out.tmp.$$" "$pkg")
  mv -f "$out.tmp.$$" "$out"
  log "built $(basename "$out") in $((SECONDS - start))s"
}

mkdir -p "$OUT/plugins" "$CACHE/src"

if [[ ! -x "$OUT/velero" ]]; then
  work=$(module_src github.com/vmware-tanzu/velero "$VELERO_VERSION")
  # Velero 1.18.3 requires k8s.io/cli-runtime v0.33.12, which the module proxy does not serve;
  # v0.33.13 is the next patch of the same minor.
  if grep -q 'k8s.io/cli-runtime v0.33.12' "$work/go.mod"; then
    (cd "$work" && go mod edit -require=k8s.io/cli-runtime@v0.33.13 && GOFLAGS=-mod=mod go mod tidy >/dev/null)
  fi
  pkg=github.com/vmware-tanzu/velero
  # Its controller-runtime metrics listener is otherwise fixed at :8080 (no flag changes it),
  # which collides with anything else on the machine; "0" switches it off.
  ldflags="-X $pkg/pkg/buildinfo.Version=$VELERO_VERSION -X $pkg/pkg/buildinfo.GitTreeState=clean"
  ldflags="$ldflags -X sigs.k8s.io/controller-runtime/pkg/metrics/server.DefaultBindAddress=0"
  build "$work" "$OUT/velero" ./cmd/velero "$ldflags"
else
  log "velero $VELERO_VERSION cached in $OUT"
fi

if [[ ! -x "$OUT/plugins/velero-plugin-for-aws" ]]; then
  work=$(module_src github.com/vmware-tanzu/velero-plugin-for-aws "$VELERO_AWS_VERSION")
  build "$work" "$OUT/plugins/velero-plugin-for-aws" ./velero-plugin-for-aws ""
else
  log "velero-plugin-for-aws $VELERO_AWS_VERSION cached in $OUT/plugins"
fi

log "ready: $OUT"
