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
cleanup() {
  for pidfile in "$work"/*/pid; do [[ -f "$pidfile" ]] && kill "$(cat "$pidfile")" 2>/dev/null || true; done
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
  echo $! >"$dir/pid"
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
java_run() {
  java -Xmx1g -cp "$cp" dev.ferry.images.ImageCopyBenchmark "$@" | tee /dev/stderr \
    | awk '/^RESULT /{r=substr($0, 8)} /^COLD /{c=" " $2} END {print r c}'
}

rounds="${BENCH_ROUNDS:-3}"
src=$(start_registry source)
echo "source registry $src" >&2
read -r image_count unique_bytes < <(java_run push "$src" "$work/refs.txt")
echo "pushed $image_count images ($unique_bytes bytes of unique layers) to $src" >&2

stored() { du -sb "$work/$1/data" | cut -f1; }
# Digests must match at every destination: compare each tag's Docker-Content-Digest.
digest() { curl -fsSI -H "Accept: application/vnd.oci.image.index.v1+json, application/vnd.docker.distribution.manifest.list.v2+json, application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json" \
  "http://$1/v2/${2%:*}/manifests/${2##*:}" | tr -d '\r' | awk -F': ' 'tolower($1)=="docker-content-digest"{print $2}'; }
mismatches=0
check_digests() {
  while read -r ref; do
    [[ "$(digest "$src" "$ref")" == "$(digest "$1" "$ref")" ]] \
      || { echo "$2 changed the digest of $ref" >&2; mismatches=$((mismatches + 1)); }
  done <"$work/refs.txt"
}
stop_registry() { kill "$(cat "$work/$1/pid")" 2>/dev/null || true; rm -rf "$work/$1/data"; }

run_ferry() {
  local n=$1 dst warm
  dst=$(start_registry "ferry-$n"); warm=$(start_registry "warm-$n")
  read -r ferry_s ferry_bytes ferry_copied ferry_skipped ferry_mounted ferry_cold \
    < <(java_run copy "$src" "$dst" "$work/refs.txt" "$warm")
  ferry_times+=("$ferry_s"); cold_times+=("$ferry_cold")
  echo "round $n: Ferry ${ferry_s}s, $ferry_bytes bytes sent" >&2
  check_digests "$dst" Ferry
  if [[ $n == 1 ]]; then
    ferry_stored=$(stored "ferry-$n")
    read -r again_s again_bytes again_copied again_skipped _ < <(java_run copy "$src" "$dst" "$work/refs.txt")
    echo "Ferry again: ${again_s}s, $again_bytes bytes sent" >&2
    first_bytes=$ferry_bytes first_copied=$ferry_copied first_mounted=$ferry_mounted
  fi
  stop_registry "ferry-$n"; stop_registry "warm-$n"
}

run_skopeo() {
  local n=$1 dst t0
  dst=$(start_registry "skopeo-$n")
  t0=$(date +%s.%N)
  while read -r ref; do
    skopeo copy --all --quiet --src-tls-verify=false --dest-tls-verify=false \
      "docker://$src/$ref" "docker://$dst/$ref" >&2
  done <"$work/refs.txt"
  skopeo_s=$(python3 -c "import time; print(f'{time.time() - $t0:.2f}')")
  skopeo_times+=("$skopeo_s")
  echo "round $n: skopeo ${skopeo_s}s" >&2
  check_digests "$dst" skopeo
  if [[ $n == 1 ]]; then skopeo_stored=$(stored "skopeo-$n"); fi
  stop_registry "skopeo-$n"
}

ferry_times=(); skopeo_times=(); cold_times=()
for n in $(seq 1 "$rounds"); do
  # Alternate who goes first, so neither always meets a colder or busier machine.
  if (( n % 2 )); then run_ferry "$n"; run_skopeo "$n"; else run_skopeo "$n"; run_ferry "$n"; fi
done

median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
ferry_median=$(median "${ferry_times[@]}")
skopeo_median=$(median "${skopeo_times[@]}")
ratio=$(python3 -c "print(f'{$ferry_median / $skopeo_median:.2f}')")
mib() { python3 -c "print(f'{$1 / 1048576:.1f}')"; }
mkdir -p bench/results
cat >bench/results/images.md <<REPORT
# Image copy benchmark

\`bench/run-images.sh\` (BENCH_ROUNDS=$rounds) — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load average
$(cut -d' ' -f1-3 /proc/loadavg) at the end, $(java -version 2>&1 | head -1), $(skopeo --version),
Debian docker-registry on 127.0.0.1 (plain HTTP).

Source: $image_count images (8 single-platform on two shared base layers, Docker and OCI
manifests, plus one two-platform OCI index), $(mib "$unique_bytes") MiB of unique layers.
In every round each tool copies every image into its own fresh destination registry
(\`skopeo copy --all --src-tls-verify=false --dest-tls-verify=false\`, one process per image;
Ferry's \`ImageCopier\` in one JVM, 4 blobs at a time, after an untimed warm-up copy to a
throwaway registry, as in the long-running controller). The order alternates between rounds.

| | Ferry (s) | skopeo (s) |
|---|---:|---:|
| rounds | ${ferry_times[*]} | ${skopeo_times[*]} |
| **median** | **$ferry_median** | **$skopeo_median** |
| Ferry's untimed warm-up copy (fresh JVM: class loading, JIT) | ${cold_times[*]} (median $(median "${cold_times[@]}")) | |

Ferry / skopeo time (medians, warm JVM): **$ratio** (SPEC target ≤ 1); fresh JVM:
**$(python3 -c "print(f'{$(median "${cold_times[@]}") / $skopeo_median:.2f}')")**.

| Round 1 | Ferry | skopeo |
|---|---:|---:|
| bytes sent | $first_bytes ($first_copied blobs; $first_mounted shared layers mounted from a repository already copied) | – |
| destination storage (MiB) | $(mib "$ferry_stored") | $(mib "$skopeo_stored") |
| copy again, everything present | $again_s s, **$again_bytes bytes sent** ($again_skipped blobs found present) | |

Digest mismatches between source and destinations (every tag, every round): **$mismatches**.
REPORT
cat bench/results/images.md
[[ "$again_bytes" == 0 && "$mismatches" == 0 ]] || { echo "FAILED: second copy sent bytes or digests differ" >&2; exit 1; }
