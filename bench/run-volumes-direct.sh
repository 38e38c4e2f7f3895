#!/usr/bin/env bash
# SPEC §5 direct volume copy benchmark, side by side in one run on this machine (issue 17):
#   1. full copy of a mixed data set (>= 1 GiB: many small files + a few large files, a sparse
#      file, symlinks and hard links): Ferry direct (mutual TLS 1.3, 4 connections) vs rsync
#      daemon over loopback (plaintext) vs rsync daemon tunnelled through stunnel (TLS 1.3, the
#      way MTC pairs them) vs cp -a;
#   2. re-copy after 1 % of the bytes inside the large files changed: Ferry vs both rsyncs, time
#      and bytes sent.
# Each figure is the median of RUNS runs (default 3); the tools run back to back inside each
# run, in the same order, from the same warm page cache. Results (markdown) go to stdout and
# bench/results/volumes-direct.md.
#
#   bench/run-volumes-direct.sh                 # 30 000 small files + 4 x 200 MiB
#   SMALL=5000 LARGE=2 LARGE_MIB=64 RUNS=3 bench/run-volumes-direct.sh   # a quick run
#
# Environment: WORK (default /tmp/ferry-bench-vol), SMALL, LARGE, LARGE_MIB, RUNS, BENCH_SKIP_BUILD=1,
# FERRY_JAVA (the java that runs Ferry; default: the JDK the mover image and the distribution are
# jlink'd from, scripts/runtime-jdk.sh — JDK 25 where installed — so the bench measures the runtime movers use),
# FERRY_JAVA_OPTS (extra JVM flags for Ferry, e.g. a JFR recording), KEEP=1 (keep the data),
# BEFORE_TREE (another checkout of Ferry, e.g. `git archive <commit> | tar -x -C DIR`: its
# ferry-volumes is built the same way and runs as "Ferry before" in the same runs, for a before/after).
# Everything listens on 127.0.0.1. Needs root (owners are preserved).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
work="${WORK:-/tmp/ferry-bench-vol}"
small="${SMALL:-30000}"; large="${LARGE:-4}"; large_mib="${LARGE_MIB:-200}"; runs="${RUNS:-3}"
out_md="$repo/bench/results/volumes-direct.md"

for tool in rsync stunnel4 openssl; do
  if ! command -v "$tool" >/dev/null; then
    apt-get update -qq >&2 && apt-get install -y -qq rsync stunnel4 openssl >&2
    break
  fi
done
mkdir -p "$work"
if [[ "${BENCH_SKIP_BUILD:-0}" != 1 ]]; then
  # Compile ferry-volumes (and what it needs) in this tree and write its test classpath; no install.
  mvn -B -q -o test-compile dependency:build-classpath -pl ferry-volumes -am \
    -Dmdep.includeScope=test -Dmdep.outputFile="$work.classpath" >&2
fi
cp="$repo/ferry-volumes/target/test-classes:$repo/ferry-volumes/target/classes:$(cat "$work.classpath")"
before="${BEFORE_TREE:-}"
if [[ -n "$before" && "${BENCH_SKIP_BUILD:-0}" != 1 ]]; then
  (cd "$before" && mvn -B -q -o test-compile dependency:build-classpath -pl ferry-volumes -am \
    -Dmdep.includeScope=test -Dmdep.outputFile="$work.before.classpath" >&2)
fi
ferry_java="${FERRY_JAVA:-$(scripts/runtime-jdk.sh || true)/bin/java}"
# shellcheck disable=SC2086
ferry() { "$ferry_java" -Xmx1g ${FERRY_JAVA_OPTS:-} -cp "$cp" dev.ferry.volumes.direct.bench.DirectBench "$@"; }
# shellcheck disable=SC2086
ferry_before() {
  "$ferry_java" -Xmx1g ${FERRY_JAVA_OPTS:-} \
    -cp "$before/ferry-volumes/target/test-classes:$before/ferry-volumes/target/classes:$(cat "$work.before.classpath")" \
    dev.ferry.volumes.direct.bench.DirectBench "$@"
}

now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
add() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a + b }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print "–"; else printf "%.2f", a / b }'; }
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
# CPU seconds (user+sys) used so far by this shell's finished children, and by long-running
# helpers (the rsync daemon forks a child per client connection: its children's times; stunnel:
# its own threads): on a shared machine CPU time is steadier than wall time. `times` must run in
# this shell (not in a $(...) subshell) to see its children: it writes a file, read here.
cpu_of_times() { tail -1 "$work/times.txt" | awk '{ split($1, u, /[ms]/); split($2, s, /[ms]/); printf "%.2f", u[1]*60 + u[2] + s[1]*60 + s[2] }'; }
cpu_children() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($16 + $17) / hz }' "/proc/$1/stat"; }
cpu_self() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / hz }' "/proc/$1/stat"; }
helpers_cpu() { local t; t=$(cpu_children "$rsyncd"); t=$(add "$t" "$(cpu_self "$stunnel_srv")"); add "$t" "$(cpu_self "$stunnel_cli")"; }

src="$work/src"
stamp="$work/.generated-$small-$large-$large_mib-v2"
if [[ ! -f "$stamp" ]]; then
  rm -rf "$work"; mkdir -p "$work"
  echo "generating $small small files + $large x $large_mib MiB in $src" >&2
  ferry generate "$src" "$small" "$large" "$large_mib" >&2
  cp -a "$src/large" "$work/large.pristine"
  touch "$stamp"
fi
load=$(cut -d' ' -f1-3 /proc/loadavg)
total_bytes=$(du -sb --apparent-size "$src" | cut -f1)
files=$(find "$src" -type f | wc -l)

# rsync daemon on loopback: module "bench" reached directly (plaintext), module "tls" through
# stunnel (client endpoint → TLS 1.3 → server endpoint → daemon), as MTC's rsync transfer pods do.
port=$((20000 + RANDOM % 20000)); tls_port=$((port + 1)); cli_port=$((port + 2))
mkdir -p "$work/dst-rsync" "$work/dst-tls"
cat > "$work/rsyncd.conf" <<CONF
port = $port
address = 127.0.0.1
use chroot = no
pid file = $work/rsyncd.pid
[bench]
  path = $work/dst-rsync
  read only = false
  uid = root
  gid = root
  numeric ids = yes
[tls]
  path = $work/dst-tls
  read only = false
  uid = root
  gid = root
  numeric ids = yes
CONF
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 -subj "/CN=127.0.0.1" \
  -addext "subjectAltName=IP:127.0.0.1" -keyout "$work/stunnel.key" -out "$work/stunnel.crt" 2>/dev/null
cat > "$work/stunnel-server.conf" <<CONF
foreground = yes
pid =
[rsync-tls-server]
accept = 127.0.0.1:$tls_port
connect = 127.0.0.1:$port
cert = $work/stunnel.crt
key = $work/stunnel.key
sslVersionMin = TLSv1.3
CONF
cat > "$work/stunnel-client.conf" <<CONF
foreground = yes
pid =
[rsync-tls-client]
client = yes
accept = 127.0.0.1:$cli_port
connect = 127.0.0.1:$tls_port
CAfile = $work/stunnel.crt
verifyPeer = yes
sslVersionMin = TLSv1.3
CONF
rsync --daemon --no-detach --config="$work/rsyncd.conf" &
rsyncd=$!
stunnel4 "$work/stunnel-server.conf" 2>"$work/stunnel-server.log" &
stunnel_srv=$!
stunnel4 "$work/stunnel-client.conf" 2>"$work/stunnel-client.log" &
stunnel_cli=$!
trap 'kill $rsyncd $stunnel_srv $stunnel_cli 2>/dev/null || true' EXIT
sleep 1
rsync_opts=(-aH --sparse --delete --numeric-ids --stats)
rsync_sent() { grep -E '^Total bytes sent' | tr -dc '0-9'; }

# timed NAME CMD...: runs CMD, appends wall and CPU (the command's + the helpers') to NAME_t / NAME_c.
timed() {
  local name=$1; shift
  local c0 c1 h0 h1 t0 t1
  times > "$work/times.txt"; c0=$(cpu_of_times); h0=$(helpers_cpu); t0=$(now)
  "$@" > "$work/$name.out"
  t1=$(now); times > "$work/times.txt"; c1=$(cpu_of_times); h1=$(helpers_cpu)
  eval "${name}_t+=($(secs "$t0" "$t1"))"
  eval "${name}_c+=($(add "$(secs "$c0" "$c1")" "$(secs "$h0" "$h1")"))"
}
ferry_sent() { grep "^ferry copy:" "$work/$1.out" | sed -E 's/.* sent ([0-9]+), received.*/\1/'; }

for ((run = 1; run <= runs; run++)); do
  echo "run $run of $runs" >&2
  # Every run starts from the same data: undo the previous run's 1 % change, empty destinations.
  rm -rf "$src/large"; cp -a "$work/large.pristine" "$src/large"
  rm -rf "$work/dst-ferry" "$work/dst-before" "$work/dst-cp" "$work/dst-rsync"/* "$work/dst-tls"/*
  sync

  echo "  full copy: ferry / rsync / rsync+stunnel / cp -a" >&2
  timed ferry_full ferry copy "$src" "$work/dst-ferry"
  [[ -n "$before" ]] && timed before_full ferry_before copy "$src" "$work/dst-before"
  timed rsync_full rsync "${rsync_opts[@]}" "$src/" "rsync://127.0.0.1:$port/bench/"
  timed tls_full rsync "${rsync_opts[@]}" "$src/" "rsync://127.0.0.1:$cli_port/tls/"
  timed cp_full cp -a --sparse=always "$src" "$work/dst-cp"
  [[ $run == 1 ]] && ferry verify "$src" "$work/dst-ferry" >&2

  changed=$(ferry mutate "$src" | tr -dc '0-9')
  sync
  echo "  1 % changed: ferry / rsync / rsync+stunnel" >&2
  timed ferry_delta ferry copy "$src" "$work/dst-ferry"
  [[ -n "$before" ]] && timed before_delta ferry_before copy "$src" "$work/dst-before"
  timed rsync_delta rsync "${rsync_opts[@]}" "$src/" "rsync://127.0.0.1:$port/bench/"
  timed tls_delta rsync "${rsync_opts[@]}" "$src/" "rsync://127.0.0.1:$cli_port/tls/"
  [[ $run == 1 ]] && ferry verify "$src" "$work/dst-ferry" >&2
done
ferry_full_sent=$(ferry_sent ferry_full); ferry_delta_sent=$(ferry_sent ferry_delta)
rsync_full_sent=$(rsync_sent < "$work/rsync_full.out"); rsync_delta_sent=$(rsync_sent < "$work/rsync_delta.out")
tls_full_sent=$(rsync_sent < "$work/tls_full.out"); tls_delta_sent=$(rsync_sent < "$work/tls_delta.out")

measures=(ferry_full rsync_full tls_full cp_full ferry_delta rsync_delta tls_delta)
[[ -n "$before" ]] && measures+=(before_full before_delta)
for m in "${measures[@]}"; do
  eval "${m}_T=\$(median \"\${${m}_t[@]}\")"
  eval "${m}_C=\$(median \"\${${m}_c[@]}\")"
  eval "${m}_all=\"\${${m}_t[*]}\""
done
# shellcheck disable=SC2154
{
  echo "# Direct volume copy: Ferry vs rsync daemon vs rsync over stunnel vs cp -a"
  echo
  echo "Run $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)),"
  echo "$(free -g | awk '/Mem:/ {print $2}') GiB RAM, Ferry on $("$ferry_java" -version 2>&1 | head -1) ${FERRY_JAVA_OPTS:-},"
  echo "$(rsync --version | head -1 | cut -c1-30), $(stunnel4 -version 2>&1 | grep -m1 -o 'stunnel [0-9.]*') ($(openssl version | cut -d' ' -f1-2))."
  echo "Data: $files files, $total_bytes bytes ($small small files of 1–16 KiB + $large × $large_mib MiB + a sparse file, symlinks, hard links), page cache warm."
  echo "Command: \`bench/run-volumes-direct.sh\` (SMALL=$small LARGE=$large LARGE_MIB=$large_mib RUNS=$runs); medians of $runs runs."
  echo
  echo "Load average before the run: $load; after: $(cut -d' ' -f1-3 /proc/loadavg)."
  echo
  echo "| run | tool | wall s (median) | each run | CPU s (user+sys) | bytes sent | wall vs rsync | wall vs rsync+stunnel | CPU vs rsync |"
  echo "|---|---|---:|---|---:|---:|---:|---:|---:|"
  echo "| full copy | Ferry direct, TLS 1.3, 4 conns | $ferry_full_T | $ferry_full_all | $ferry_full_C | $ferry_full_sent | $(ratio "$ferry_full_T" "$rsync_full_T") | $(ratio "$ferry_full_T" "$tls_full_T") | $(ratio "$ferry_full_C" "$rsync_full_C") |"
  [[ -n "$before" ]] && echo "| full copy | Ferry before (BEFORE_TREE), same JVM | $before_full_T | $before_full_all | $before_full_C | $(ferry_sent before_full) | $(ratio "$before_full_T" "$rsync_full_T") | $(ratio "$before_full_T" "$tls_full_T") | $(ratio "$before_full_C" "$rsync_full_C") |"
  echo "| full copy | rsync daemon (no TLS) | $rsync_full_T | $rsync_full_all | $rsync_full_C | $rsync_full_sent | 1.00 | $(ratio "$rsync_full_T" "$tls_full_T") | 1.00 |"
  echo "| full copy | rsync daemon over stunnel (TLS 1.3) | $tls_full_T | $tls_full_all | $tls_full_C | $tls_full_sent | $(ratio "$tls_full_T" "$rsync_full_T") | 1.00 | $(ratio "$tls_full_C" "$rsync_full_C") |"
  echo "| full copy | cp -a | $cp_full_T | $cp_full_all | $cp_full_C | | $(ratio "$cp_full_T" "$rsync_full_T") | $(ratio "$cp_full_T" "$tls_full_T") | $(ratio "$cp_full_C" "$rsync_full_C") |"
  echo "| 1 % changed ($changed bytes) | Ferry direct | $ferry_delta_T | $ferry_delta_all | $ferry_delta_C | $ferry_delta_sent ($(ratio "$ferry_delta_sent" "$changed")× changed) | $(ratio "$ferry_delta_T" "$rsync_delta_T") | $(ratio "$ferry_delta_T" "$tls_delta_T") | $(ratio "$ferry_delta_C" "$rsync_delta_C") |"
  [[ -n "$before" ]] && echo "| 1 % changed ($changed bytes) | Ferry before | $before_delta_T | $before_delta_all | $before_delta_C | $(ferry_sent before_delta) | $(ratio "$before_delta_T" "$rsync_delta_T") | $(ratio "$before_delta_T" "$tls_delta_T") | $(ratio "$before_delta_C" "$rsync_delta_C") |"
  echo "| 1 % changed ($changed bytes) | rsync daemon | $rsync_delta_T | $rsync_delta_all | $rsync_delta_C | $rsync_delta_sent ($(ratio "$rsync_delta_sent" "$changed")× changed) | 1.00 | $(ratio "$rsync_delta_T" "$tls_delta_T") | 1.00 |"
  echo "| 1 % changed ($changed bytes) | rsync over stunnel | $tls_delta_T | $tls_delta_all | $tls_delta_C | $tls_delta_sent ($(ratio "$tls_delta_sent" "$changed")× changed) | $(ratio "$tls_delta_T" "$rsync_delta_T") | 1.00 | $(ratio "$tls_delta_C" "$rsync_delta_C") |"
  echo
  echo "Targets (issue 17): full copy ≤ 1.0 × rsync, ≤ 0.6 × rsync+stunnel, Ferry CPU ≤ 3 × rsync's;"
  echo "Ferry's throughput ≥ 0.8 × cp -a's means Ferry's wall ≤ $(ratio "$cp_full_T" 0.8) s here (is $ferry_full_T);"
  echo "re-copy: bytes ≤ 2 × changed, time ≤ 1.0 × rsync."
  echo
  echo "Wall time includes the JVM start for Ferry (sender and receiver in one JVM, both ends' CPU);"
  echo "rsync's CPU is client + daemon child, rsync+stunnel's adds both stunnel endpoints."
  echo "Ferry's bytes sent are the protocol bytes before TLS framing; rsync's are its --stats \"Total bytes sent\"."
  echo "After Ferry's first full copy and first re-copy the TreeVerifier compared every entry (metadata + SHA-256) with the source: passed."
} | tee "$out_md.new"
mv "$out_md.new" "$out_md"
[[ "${KEEP:-0}" == 1 ]] || rm -rf "$work/dst-ferry" "$work/dst-before" "$work/dst-rsync" "$work/dst-tls" "$work/dst-cp"
