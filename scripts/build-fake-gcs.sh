#!/usr/bin/env bash
# Builds fake-gcs-server (a Google Cloud Storage JSON/XML API server) from its Go module, for
# the testbed's LocalGcs, and caches it under $FERRY_CACHE/bin/fake-gcs-server-<version>/.
# Does nothing when the binary is already there; a half-written binary is never left behind.
#
#   FERRY_CACHE        cache root (default ~/.cache/ferry)
#   FAKE_GCS_VERSION   module version (default below; keep LocalGcs.VERSION in step)
set -euo pipefail

FAKE_GCS_VERSION="${FAKE_GCS_VERSION:-v1.56.1}"
CACHE="${FERRY_CACHE:-$HOME/.cache/ferry}"
OUT_DIR="$CACHE/bin/fake-gcs-server-$FAKE_GCS_VERSION"
OUT="$OUT_DIR/fake-gcs-server"
export GOFLAGS="${GOFLAGS:--buildvcs=false}"
export CGO_ENABLED=0

log() { echo "[build-fake-gcs] $*"; }

if [[ -x "$OUT" ]]; then
  log "fake-gcs-server $FAKE_GCS_VERSION cached in $OUT_DIR"
  exit 0
fi
command -v go >/dev/null || { log "go not found: install Go (scripts/install-prerequisites.sh) to build fake-gcs-server"; exit 1; }

work="$CACHE/src/fake-gcs-server-$FAKE_GCS_VERSION"
mkdir -p "$work" "$OUT_DIR"
if [[ ! -f "$work/go.sum" ]]; then
  log "preparing wrapper module for github.com/fsouza/fake-gcs-server $FAKE_GCS_VERSION"
  cat > "$work/go.mod" <<MOD
module ferry.dev/testbed/fakegcs

go 1.24

require github.com/fsouza/fake-gcs-server $FAKE_GCS_VERSION
MOD
  cat > "$work/tools.go" <<'GO'
//go:build tools

package tools

import _ "github.com/fsouza/fake-gcs-server"
GO
  (cd "$work" && go mod tidy)
fi
log "building fake-gcs-server $FAKE_GCS_VERSION"
start=$SECONDS
(cd "$work" && go build -trimpath -ldflags "-s -w" -o "$OUT.tmp.$$" github.com/fsouza/fake-gcs-server)
mv -f "$OUT.tmp.$$" "$OUT"
log "built $OUT in $((SECONDS - start))s"
