#!/usr/bin/env bash
# How fast the ferry command answers, side by side with kubectl (and Velero's CLI where it is built)
# on a testbed cluster of its own: the median wall time of RUNS runs (default 5) of each command,
# and the ratio to kubectl's. Writes bench/results/cli.md.
#
# ferry runs from the distribution (ferry-cli/target/ferry-*-linux-*/bin/ferry: jlink'd runtime and
# AOT cache), and for comparison as a checkout used to run it: `java -cp ferry-cli.jar:lib/*` on the
# JDK on PATH, no archive, default JIT.
#
#   RUNS=N               runs per command (default 5, at least 5)
#   FERRY_DIST=DIR       the unpacked distribution to measure (default: the one in ferry-cli/target)
#   BENCH_SKIP_BUILD=1   use the distribution as built (default: build it if missing)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${RUNS:-5}"
((RUNS >= 5)) || { echo "run-cli: RUNS must be at least 5" >&2; exit 2; }
K8S_VERSION="$(sed -n 's:.*<ferry.k8s.version>\(v[^<]*\)</ferry.k8s.version>.*:\1:p' "$ROOT/pom.xml" | head -1)"
CACHE="${FERRY_CACHE:-$HOME/.cache/ferry}"

dist() { ls -d "$ROOT"/ferry-cli/target/ferry-*-linux-*/ 2>/dev/null | head -1; }
if [[ -z "$(dist)" && -z "${BENCH_SKIP_BUILD:-}" ]]; then
  echo "[run-cli] building the distribution (mvn package -pl ferry-cli -am)"
  (cd "$ROOT" && mvn -B -q -o package -pl ferry-cli -am -DskipTests)
fi
DIST="${FERRY_DIST:-$(dist)}"
[[ -n "$DIST" ]] || { echo "run-cli: no distribution in ferry-cli/target; run mvn package -pl ferry-cli -am" >&2; exit 2; }
FERRY="$DIST/bin/ferry"
KUBECTL="$CACHE/bin/kubernetes-$K8S_VERSION/kubectl"
[[ -x "$KUBECTL" ]] || K8S_VERSION="$K8S_VERSION" bash "$ROOT/scripts/build-kubectl.sh"
VELERO="$(ls "$CACHE"/bin/velero-*/velero 2>/dev/null | head -1 || true)"
bash "$ROOT/scripts/testbed-binaries.sh" >/dev/null

WORK="$(mktemp -d /tmp/ferry-bench-cli.XXXXXX)"
cleanup() { "$FERRY" testbed down --dir "$WORK/testbed" >/dev/null 2>&1 || true; rm -rf "$WORK"; }
trap cleanup EXIT
echo "[run-cli] starting a testbed in $WORK/testbed"
"$FERRY" testbed up --dir "$WORK/testbed" >/dev/null
export KUBECONFIG="$WORK/testbed/kubeconfig"
"$KUBECTL" config use-context source >/dev/null
"$FERRY" crds install >/dev/null
NS=openshift-migration
"$KUBECTL" apply -f - >/dev/null <<YAML
apiVersion: v1
kind: Namespace
metadata: {name: $NS}
---
apiVersion: migration.openshift.io/v1alpha1
kind: MigStorage
metadata: {name: repo, namespace: $NS}
spec:
  backupStorageProvider: aws
  volumeSnapshotProvider: aws
  backupStorageConfig: {awsBucketName: bench, awsRegion: us-east-1}
---
apiVersion: migration.openshift.io/v1alpha1
kind: MigPlan
metadata: {name: shop, namespace: $NS}
spec:
  srcMigClusterRef: {name: host, namespace: $NS}
  destMigClusterRef: {name: prod, namespace: $NS}
  migStorageRef: {name: repo, namespace: $NS}
  namespaces: [shop]
---
apiVersion: velero.io/v1
kind: Backup
metadata: {name: nightly, namespace: $NS}
spec: {includedNamespaces: [shop], storageLocation: default, ttl: 720h0m0s}
YAML

# The checkout's old way: plain java, the jars of ferry-cli/target, no archive.
CLASSPATH_JAVA="$ROOT/ferry-cli/target/ferry-cli.jar:$ROOT/ferry-cli/target/lib/*"
plain_ferry() { java -cp "$CLASSPATH_JAVA" dev.ferry.cli.Main "$@"; }

# median_ms CMD...: runs it once to warm the page cache, then RUNS times; prints the median wall
# time and the median CPU time (user + system, all threads) in ms: "WALL CPU". CPU time says more
# than wall time on a busy machine.
median_ms() {
  "$@" >/dev/null 2>&1 || { echo "run-cli: failed: $*" >&2; "$@" >&2 || true; exit 1; }
  local walls=() cpus=() line TIMEFORMAT='%R %U %S'
  for ((i = 0; i < RUNS; i++)); do
    line="$( { time "$@" >/dev/null 2>&1; } 2>&1 )"
    walls+=("$(awk '{printf "%d", $1 * 1000}' <<<"$line")")
    cpus+=("$(awk '{printf "%d", ($2 + $3) * 1000}' <<<"$line")")
  done
  echo "$(median "${walls[@]}") $(median "${cpus[@]}")"
}
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }
# secs "WALL CPU" -> "0.31 s (CPU 0.42 s)"
secs() { awk -v w="${1% *}" -v c="${1#* }" 'BEGIN {printf "%.2f s (CPU %.2f s)", w / 1000, c / 1000}'; }
# classes CMD...: one more run of the distribution with class loading logged: "LOADED (NOT FROM THE
# AOT CACHE)" — a load-independent measure of a command's start-up work.
classes() {
  local log="$WORK/classes.log"
  rm -f "$log"
  FERRY_JAVA_OPTS="-Xlog:class+load:file=$log" "$@" >/dev/null 2>&1 || true
  echo "$(wc -l < "$log") ($(grep -vc 'shared objects file' "$log"))"
}
ratio() { awk -v a="${1% *}" -v b="${2% *}" 'BEGIN {printf "%.1f", a / b}'; }

rows=()
# row LABEL "ferry args" "kubectl args" [velero args]; PLAIN=1 also times the plain-java launch.
row() {
  local label="$1" ferry_args="$2" kubectl_args="$3" velero_args="${4:-}"
  local f p="" pcol="–" k v="" vcol="–"
  f=$(median_ms "$FERRY" $ferry_args)
  local c; c=$(classes "$FERRY" $ferry_args)
  if [[ -n "${PLAIN:-}" ]]; then
    p=$(median_ms plain_ferry $ferry_args)
    pcol="$(secs "$p")"
  fi
  k=$(median_ms "$KUBECTL" $kubectl_args)
  if [[ -n "$velero_args" && -n "$VELERO" ]]; then
    v=$(median_ms "$VELERO" $velero_args)
    vcol="\`velero $velero_args\` $(secs "$v")"
  fi
  rows+=("| \`ferry $ferry_args\` | **$(secs "$f")** | $c | $pcol | \`kubectl $kubectl_args\` $(secs "$k") | $vcol | **$(ratio "$f" "$k")** |")
  echo "[run-cli] $label: ferry $(secs "$f"), classes $c, plain java ${p:+$(secs "$p")}, kubectl $(secs "$k")${v:+, velero $(secs "$v")}"
}

PLAIN=1 row version "version" "version --client"
PLAIN=1 row "storage get" "storage get" "get migstorages -n $NS"
row "plan get" "plan get" "get migplans -n $NS"
row "plan describe" "plan describe shop" "describe migplan shop -n $NS"
row "backup get" "backup get" "get backups.velero.io -n $NS" "backup get -n $NS"
row "backup describe" "backup describe nightly" "describe backups.velero.io nightly -n $NS" "backup describe nightly -n $NS"

OUT="$ROOT/bench/results/cli.md"
mkdir -p "$(dirname "$OUT")"
{
  echo "# ferry vs kubectl: one-shot command latency"
  echo
  echo "Median wall time (and CPU time, user + system) of $RUNS runs each, after one warm-up run; one testbed cluster on loopback,"
  echo "$(nproc) cores, load average at start $(cut -d' ' -f1 /proc/loadavg). \`ferry\` = the distribution"
  echo "($(basename "$DIST"), runtime $("$DIST/runtime/bin/java" -version 2>&1 | head -1 | cut -d'"' -f2), AOT cache);"
  echo "plain java = \`java -cp ferry-cli.jar:lib/*\` on $(java -version 2>&1 | head -1 | cut -d'"' -f2) (how bin/ferry ran a checkout before)."
  echo "kubectl $K8S_VERSION built by scripts/build-kubectl.sh. Command: \`bench/run-cli.sh\` ($(date -u +%Y-%m-%d))."
  echo
  echo "| command | ferry | ferry: classes loaded (not from the AOT cache) | plain java | kubectl | velero | ferry / kubectl (wall) |"
  echo "|---|---|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
} > "$OUT"
cat "$OUT"
