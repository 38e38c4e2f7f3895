#!/usr/bin/env bash
# SPEC §5 direct volume copy benchmark, side by side in one run on this machine:
#   1. full copy of a mixed data set (>= 1 GiB: many small files + a few large files):
#      Ferry direct (mutual TLS, 4 connections) vs rsync daemon over loopback vs cp -a;
#   2. re-copy after 1 % of the bytes inside the large files changed: Ferry vs rsync, time and bytes sent.
# Results (markdown table) go to stdout and bench/results/volumes-direct.md.
#
#   bench/run-volumes-direct.sh                 # 30 000 small files + 4 x 200 MiB
#   SMALL=5000 LARGE=2 LARGE_MIB=64 bench/run-volumes-direct.sh   # a quick run
#
# Environment: WORK (default /tmp/ferry-bench-vol), SMALL, LARGE, LARGE_MIB, BENCH_SKIP_BUILD=1,
# FERRY_JAVA (the java that runs Ferry, default java from PATH),
# KEEP=1 (keep the data). Everything listens on 127.0.0.1. Needs root (owners are preserved).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
work="${WORK:-/tmp/ferry-bench-vol}"
small="${SMALL:-30000}"; large="${LARGE:-4}"; large_mib="${LARGE_MIB:-200}"
out_md="$repo/bench/results/volumes-direct.md"

if ! command -v rsync >/dev/null; then
  apt-get update -qq >&2 && apt-get install -y -qq rsync >&2
fi
if [[ "${BENCH_SKIP_BUILD:-0}" != 1 ]]; then
  # Compile ferry-volumes (and what it needs) in this tree and write its test classpath; no install.
  mvn -B -q -o test-compile dependency:build-classpath -pl ferry-volumes -am \
    -Dmdep.includeScope=test -Dmdep.outputFile="$work.classpath" >&2
fi
cp="$repo/ferry-volumes/target/test-classes:$repo/ferry-volumes/target/classes:$(cat "$work.classpath")"
ferry_java="${FERRY_JAVA:-java}"
ferry() { "$ferry_java" -Xmx1g -cp "$cp" dev.ferry.volumes.direct.bench.DirectBench "$@"; }

now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
# CPU seconds (user+sys) used so far by this shell's finished children, and by the rsync daemon's
# (it forks a child per client connection): on a shared machine CPU time is steadier than wall time.
# `times` must run in this shell (not in a $(...) subshell) to see its children: it writes a file, read here.
cpu_of_times() { tail -1 "$work/times.txt" | awk '{ split($1, u, /[ms]/); split($2, s, /[ms]/); printf "%.2f", u[1]*60 + u[2] + s[1]*60 + s[2] }'; }
cpu_daemon() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($16 + $17) / hz }' "/proc/$rsyncd/stat"; }

src="$work/src"
if [[ ! -f "$work/.generated-$small-$large-$large_mib" ]]; then
  rm -rf "$work"; mkdir -p "$work"
  echo "generating $small small files + $large x $large_mib MiB in $src" >&2
  ferry generate "$src" "$small" "$large" "$large_mib" >&2
  cp -a "$src/large" "$work/large.pristine"
  touch "$work/.generated-$small-$large-$large_mib"
fi
# Every run starts from the same data: undo the previous run's 1 % change.
rm -rf "$src/large"; cp -a "$work/large.pristine" "$src/large"
rm -rf "$work/dst-ferry" "$work/dst-rsync" "$work/dst-cp"
load=$(cut -d' ' -f1-3 /proc/loadavg)
total_bytes=$(du -sb --apparent-size "$src" | cut -f1)
files=$(find "$src" -type f | wc -l)
sync

# rsync daemon on loopback (plain TCP: rsync's daemon protocol has no TLS).
port=$((20000 + RANDOM % 20000))
mkdir -p "$work/dst-rsync"
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
CONF
rsync --daemon --no-detach --config="$work/rsyncd.conf" &
rsyncd=$!
trap 'kill $rsyncd 2>/dev/null || true' EXIT
sleep 1
rsync_cmd=(rsync -aH --sparse --delete --numeric-ids --stats "$src/" "rsync://127.0.0.1:$port/bench/")
rsync_sent() { grep -E '^Total bytes sent' | tr -dc '0-9'; }

echo "full copy: ferry" >&2
times > "$work/times.txt"; c0=$(cpu_of_times); t0=$(now); ferry copy "$src" "$work/dst-ferry" > "$work/ferry.out"; t1=$(now); times > "$work/times.txt"; c1=$(cpu_of_times)
ferry_full=$(grep '^ferry copy:' "$work/ferry.out")
ferry_full_t=$(secs "$t0" "$t1"); ferry_full_cpu=$(secs "$c0" "$c1")
ferry_full_in=$(sed -E 's/^ferry copy: ([0-9.]+) s.*/\1/' <<<"$ferry_full")
ferry_full_sent=$(sed -E 's/.* sent ([0-9]+), received.*/\1/' <<<"$ferry_full")
ferry verify "$src" "$work/dst-ferry" >&2

echo "full copy: rsync daemon" >&2
times > "$work/times.txt"; c0=$(cpu_of_times); d0=$(cpu_daemon); t0=$(now); "${rsync_cmd[@]}" > "$work/rsync.out"; t1=$(now); times > "$work/times.txt"; c1=$(cpu_of_times); d1=$(cpu_daemon)
rsync_full_t=$(secs "$t0" "$t1"); rsync_full_sent=$(rsync_sent < "$work/rsync.out")
rsync_full_cpu=$(awk -v a="$(secs "$c0" "$c1")" -v b="$(secs "$d0" "$d1")" 'BEGIN { printf "%.2f", a + b }')

echo "full copy: cp -a" >&2
times > "$work/times.txt"; c0=$(cpu_of_times); t0=$(now); cp -a --sparse=always "$src" "$work/dst-cp"; t1=$(now); times > "$work/times.txt"; c1=$(cpu_of_times)
cp_t=$(secs "$t0" "$t1"); cp_cpu=$(secs "$c0" "$c1")

echo "changing 1 % of the large files' bytes" >&2
changed=$(ferry mutate "$src" | tr -dc '0-9')
sync

echo "delta: ferry" >&2
times > "$work/times.txt"; c0=$(cpu_of_times); t0=$(now); ferry copy "$src" "$work/dst-ferry" > "$work/ferry.out"; t1=$(now); times > "$work/times.txt"; c1=$(cpu_of_times)
ferry_delta=$(grep '^ferry copy:' "$work/ferry.out")
ferry_delta_t=$(secs "$t0" "$t1"); ferry_delta_cpu=$(secs "$c0" "$c1")
ferry_delta_in=$(sed -E 's/^ferry copy: ([0-9.]+) s.*/\1/' <<<"$ferry_delta")
ferry_delta_sent=$(sed -E 's/.* sent ([0-9]+), received.*/\1/' <<<"$ferry_delta")
ferry verify "$src" "$work/dst-ferry" >&2

echo "delta: rsync daemon" >&2
times > "$work/times.txt"; c0=$(cpu_of_times); d0=$(cpu_daemon); t0=$(now); "${rsync_cmd[@]}" > "$work/rsync.out"; t1=$(now); times > "$work/times.txt"; c1=$(cpu_of_times); d1=$(cpu_daemon)
rsync_delta_t=$(secs "$t0" "$t1"); rsync_delta_sent=$(rsync_sent < "$work/rsync.out")
rsync_delta_cpu=$(awk -v a="$(secs "$c0" "$c1")" -v b="$(secs "$d0" "$d1")" 'BEGIN { printf "%.2f", a + b }')

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
{
  echo "# Direct volume copy: Ferry vs rsync daemon vs cp -a"
  echo
  echo "Run $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)),"
  echo "$(free -g | awk '/Mem:/ {print $2}') GiB RAM, Ferry on $("$ferry_java" -version 2>&1 | head -1), $(rsync --version | head -1 | cut -c1-30)."
  echo "Data: $files files, $total_bytes bytes ($small small files of 1–16 KiB + $large × $large_mib MiB), page cache warm."
  echo "Command: \`bench/run-volumes-direct.sh\` (SMALL=$small LARGE=$large LARGE_MIB=$large_mib)."
  echo
  echo "Load average before the run: $load; CPU pressure (PSI some avg60) $(awk '/some/ {print $3}' /proc/pressure/cpu 2>/dev/null)."
  echo
  echo "| run | tool | wall s | in-process s | CPU s (user+sys) | bytes sent | wall vs rsync |"
  echo "|---|---|---:|---:|---:|---:|---:|"
  echo "| full copy | Ferry direct, TLS 1.3, 4 conns | $ferry_full_t | $ferry_full_in | $ferry_full_cpu | $ferry_full_sent | $(ratio "$ferry_full_t" "$rsync_full_t") |"
  echo "| full copy | rsync daemon (no TLS) | $rsync_full_t | | $rsync_full_cpu | $rsync_full_sent | 1.00 |"
  echo "| full copy | cp -a | $cp_t | | $cp_cpu | | $(ratio "$cp_t" "$rsync_full_t") |"
  echo "| 1 % changed ($changed bytes) | Ferry direct | $ferry_delta_t | $ferry_delta_in | $ferry_delta_cpu | $ferry_delta_sent ($(ratio "$ferry_delta_sent" "$changed")× changed) | $(ratio "$ferry_delta_t" "$rsync_delta_t") |"
  echo "| 1 % changed ($changed bytes) | rsync daemon | $rsync_delta_t | | $rsync_delta_cpu | $rsync_delta_sent ($(ratio "$rsync_delta_sent" "$changed")× changed) | 1.00 |"
  echo
  echo "Wall time includes the JVM start for Ferry; in-process is DirectTransfer.copyLocal alone (sender and"
  echo "receiver in one JVM, so its CPU is both sides'; rsync's CPU is client + daemon child)."
  echo "Ferry's bytes sent are the protocol bytes before TLS framing; rsync's are its --stats \"Total bytes sent\"."
  echo "After each Ferry run the TreeVerifier compared every entry (metadata + SHA-256) with the source: passed."
} | tee "$out_md.new"
mv "$out_md.new" "$out_md"
[[ "${KEEP:-0}" == 1 ]] || rm -rf "$work/dst-ferry" "$work/dst-rsync" "$work/dst-cp"
