#!/usr/bin/env bash
# SPEC §5 image benchmark: copy a set of images (a few hundred MiB, shared base layers, one
# two-platform index) between two local registries with Ferry and with
# `skopeo copy --all`, each into a fresh destination registry, in one run; then copy again with
# Ferry, which must send nothing. Writes bench/results/images.md (and prints it).
#
#   bench/run-images.sh
#
# Environment: BENCH_SKIP_BUILD=1 reuses the last build; MAVEN_ARGS adds Maven flags;
# BENCH_WORK_DIR (default: a fresh temp dir, removed afterwards unless BENCH_KEEP=1).
# Installs skopeo with apt-get if it is missing. Everything listens on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"

registry_bin=/usr/bin/docker-registry
if [[ ! -x "$registry_bin" ]]; then
  echo "$registry_bin is missing: apt-get install docker-registry (scripts/install-prerequisites.sh does)" >&2
  exit 1
fi
if ! command -v skopeo >/dev/null; then
  echo "installing skopeo" >&2
  if [[ $(id -u) -eq 0 ]]; then apt-get install -y -q skopeo >&2; else sudo apt-get install -y -q skopeo >&2; fi
fi

mvn_flags=(-B -q -Dstyle.color=never ${MAVEN_ARGS:-})
cp_file=ferry-images/target/bench-classpath.txt
if [[ "${BENCH_SKIP_BUILD:-0}" != 1 ]]; then
  # Packaged in one reactor run (no install): ferry-images' classpath then points at the
  # reactor's own jars. Offline first, online if something is missing.
  build=(package dependency:build-classpath -DskipTests -Dmdep.includeScope=test
         -Dmdep.outputFile="$root/$cp_file" -pl ferry-images -am)
  { mvn "${mvn_flags[@]}" -o "${build[@]}" || mvn "${mvn_flags[@]}" "${build[@]}"; } >&2
fi
cp="ferry-images/target/classes:ferry-images/target/test-classes:$(cat "$cp_file")"

work="${BENCH_WORK_DIR:-$(mktemp -d /tmp/ferry-images-bench.XXXXXX)}"
mkdir -p "$work"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if [[ "${BENCH_KEEP:-0}" != 1 && -z "${BENCH_WORK_DIR:-}" ]]; then rm -rf "$work"; fi
}
trap cleanup EXIT

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# start_registry NAME → prints host:port once the registry answers
start_registry() {
  local name=$1 port dir
  port=$(free_port)
  dir="$work/$name"
  mkdir -p "$dir/data"
  cat >"$dir/config.yml" <<EOF
version: 0.1
log:
  level: error
  accesslog:
    disabled: true
storage:
  filesystem:
    rootdirectory: $dir/data
http:
  addr: 127.0.0.1:$port
  secret: bench-$name
EOF
  "$registry_bin" serve "$dir/config.yml" >"$dir/registry.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 100); do
    if curl -fsS "http://127.0.0.1:$port/v2/" >/dev/null 2>&1; then
      echo "127.0.0.1:$port"
      return
    fi
    sleep 0.1
  done
  echo "registry $name did not start: $(tail -5 "$dir/registry.log")" >&2
  exit 1
}

# The driver's log goes to stderr; its one result line starts with RESULT.
java_run() { java -Xmx1g -cp "$cp" dev.ferry.images.ImageCopyBenchmark "$@" | tee /dev/stderr | sed -n 's/^RESULT //p'; }

src=$(start_registry source)
dst_ferry=$(start_registry dest-ferry)
dst_skopeo=$(start_registry dest-skopeo)
echo "registries: source $src, Ferry's destination $dst_ferry, skopeo's destination $dst_skopeo" >&2

read -r image_count unique_bytes < <(java_run push "$src" "$work/refs.txt")
echo "pushed $image_count images ($unique_bytes bytes of unique layers) to $src" >&2

stored() { du -sb "$work/$1/data" | cut -f1; }

read -r ferry_s ferry_bytes ferry_copied ferry_skipped _ < <(java_run copy "$src" "$dst_ferry" "$work/refs.txt")
echo "Ferry: ${ferry_s}s, $ferry_bytes bytes sent" >&2

skopeo_start=$(date +%s.%N)
while read -r ref; do
  skopeo copy --all --quiet --src-tls-verify=false --dest-tls-verify=false \
    "docker://$src/$ref" "docker://$dst_skopeo/$ref" >&2
done <"$work/refs.txt"
skopeo_s=$(python3 -c "import time; print(f'{time.time() - $skopeo_start:.2f}')")
echo "skopeo: ${skopeo_s}s" >&2

read -r again_s again_bytes again_copied again_skipped _ < <(java_run copy "$src" "$dst_ferry" "$work/refs.txt")
echo "Ferry again: ${again_s}s, $again_bytes bytes sent" >&2

# Digests must match at every destination: compare each tag's Docker-Content-Digest.
digest() { curl -fsSI -H "Accept: application/vnd.oci.image.index.v1+json, application/vnd.docker.distribution.manifest.list.v2+json, application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json" \
  "http://$1/v2/${2%:*}/manifests/${2##*:}" | tr -d '\r' | awk -F': ' 'tolower($1)=="docker-content-digest"{print $2}'; }
mismatches=0
while read -r ref; do
  d=$(digest "$src" "$ref")
  [[ "$d" == "$(digest "$dst_ferry" "$ref")" ]] || { echo "Ferry changed the digest of $ref" >&2; mismatches=$((mismatches + 1)); }
  [[ "$d" == "$(digest "$dst_skopeo" "$ref")" ]] || { echo "skopeo changed the digest of $ref" >&2; mismatches=$((mismatches + 1)); }
done <"$work/refs.txt"

ratio=$(python3 -c "print(f'{$ferry_s / $skopeo_s:.2f}')")
mib() { python3 -c "print(f'{$1 / 1048576:.1f}')"; }
mkdir -p bench/results
cat >bench/results/images.md <<EOF
# Image copy benchmark

\`bench/run-images.sh\` — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(java -version 2>&1 | head -1),
$(skopeo --version), Debian docker-registry on 127.0.0.1 (plain HTTP).

Source: $image_count images (8 single-platform on two shared base layers, Docker and OCI
manifests, plus one two-platform OCI index), $(mib "$unique_bytes") MiB of unique layers.
Each tool copies every image into its own fresh destination registry.

| Run | Time (s) | Bytes sent by Ferry | Destination storage (MiB) |
|---|---:|---:|---:|
| Ferry \`ImageCopier\` (4 parallel blobs per image) | $ferry_s | $ferry_bytes ($ferry_copied blobs, $ferry_skipped skipped) | $(mib "$(stored dest-ferry)") |
| \`skopeo copy --all\` | $skopeo_s | – | $(mib "$(stored dest-skopeo)") |
| Ferry again (everything present) | $again_s | $again_bytes ($again_copied blobs copied, $again_skipped present) | |

Ferry / skopeo time: **$ratio** (target ≤ 1). Digest mismatches between source and destinations: **$mismatches**.
A shared base layer is sent once per destination repository and found present (HEAD) for the next images.
EOF
cat bench/results/images.md
[[ "$again_bytes" == 0 && "$mismatches" == 0 ]] || { echo "FAILED: second copy sent bytes or digests differ" >&2; exit 1; }
