#!/usr/bin/env bash
# How fast the ferry command answers, side by side with kubectl (and Velero's CLI where it is built)
# on a testbed cluster of its own: the median wall time of RUNS runs (default 7) of each command,
# and the ratio to kubectl's. Writes bench/results/cli.md.
#
# ferry runs from the distribution (ferry-cli/target/ferry-*-linux-*/bin/ferry: jlink'd runtime and
# AOT cache), and for comparison as a checkout used to run it: `java -cp ferry-cli.jar:lib/*` on the
# JDK on PATH, no archive, default JIT.
#
#   RUNS=N               runs per command (default 7, at least 5)
#   BENCH_SKIP_BUILD=1   use the distribution as built (default: build it if missing)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${RUNS:-7}"
((RUNS >= 5)) || { echo "run-cli: RUNS must be at least 5" >&2; exit 2; }
K8S_VERSION="$(sed -n 's:.*<ferry.k8s.version>\(.*\)</ferry.k8s.version>.*:\1:p' "$ROOT/pom.xml")"
CACHE="${FERRY_CACHE:-$HOME/.cache/ferry}"

dist() { ls -d "$ROOT"/ferry-cli/target/ferry-*-linux-*/ 2>/dev/null | head -1; }
if [[ -z "$(dist)" && -z "${BENCH_SKIP_BUILD:-}" ]]; then
  echo "[run-cli] building the distribution (mvn package -pl ferry-cli -am)"
  (cd "$ROOT" && mvn -B -q -o package -pl ferry-cli -am -DskipTests)
fi
DIST="$(dist)"
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

# median_ms CMD...: runs it once to warm the page cache, then RUNS times; prints the median in ms.
median_ms() {
  "$@" >/dev/null 2>&1 || { echo "run-cli: failed: $*" >&2; "$@" >&2 || true; exit 1; }
  local times=() start end
  for ((i = 0; i < RUNS; i++)); do
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1
    end=$(date +%s%N)
    times+=($(((end - start) / 1000000)))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'
}
secs() { awk -v ms="$1" 'BEGIN {printf "%.2f s", ms / 1000}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.1f", a / b}'; }

rows=()
# row LABEL "ferry args" "kubectl args" [velero args]
row() {
  local label="$1" ferry_args="$2" kubectl_args="$3" velero_args="${4:-}"
  local f p k v="" vcol="–"
  f=$(median_ms "$FERRY" $ferry_args)
  p=$(median_ms plain_ferry $ferry_args)
  k=$(median_ms "$KUBECTL" $kubectl_args)
  if [[ -n "$velero_args" && -n "$VELERO" ]]; then
    v=$(median_ms "$VELERO" $velero_args)
    vcol="\`velero $velero_args\` $(secs "$v")"
  fi
  rows+=("| \`ferry $ferry_args\` | **$(secs "$f")** | $(secs "$p") | \`kubectl $kubectl_args\` $(secs "$k") | $vcol | **$(ratio "$f" "$k")** |")
  echo "[run-cli] $label: ferry $(secs "$f"), plain java $(secs "$p"), kubectl $(secs "$k")${v:+, velero $(secs "$v")}"
}

row version "version" "version --client"
row "storage get" "storage get" "get migstorages -n $NS"
row "plan get" "plan get" "get migplans -n $NS"
row "plan describe" "plan describe shop" "describe migplan shop -n $NS"
row "backup get" "backup get" "get backups.velero.io -n $NS" "backup get -n $NS"
row "backup describe" "backup describe nightly" "describe backups.velero.io nightly -n $NS" "backup describe nightly -n $NS"

OUT="$ROOT/bench/results/cli.md"
mkdir -p "$(dirname "$OUT")"
{
  echo "# ferry vs kubectl: one-shot command latency"
  echo
  echo "Median wall time of $RUNS runs each (after one warm-up run), one testbed cluster on loopback,"
  echo "$(nproc) cores, load average at start $(cut -d' ' -f1 /proc/loadavg). \`ferry\` = the distribution"
  echo "($(basename "$DIST"), runtime $("$DIST/runtime/bin/java" -version 2>&1 | head -1 | cut -d'"' -f2), AOT cache);"
  echo "plain java = \`java -cp ferry-cli.jar:lib/*\` on $(java -version 2>&1 | head -1 | cut -d'"' -f2) (how bin/ferry ran a checkout before)."
  echo "kubectl $K8S_VERSION built by scripts/build-kubectl.sh. Command: \`bench/run-cli.sh\` ($(date -u +%Y-%m-%d))."
  echo
  echo "| command | ferry | plain java | kubectl | velero | ferry / kubectl |"
  echo "|---|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
} > "$OUT"
cat "$OUT"
