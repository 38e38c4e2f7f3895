#!/usr/bin/env bash
# SPEC §5 repository-snapshot benchmark: Ferry's volume repository vs restic, side by side in one
# run, both with a local filesystem repository, on the same deterministic ≥1 GiB mixed data set
# (tens of thousands of small files + a few large ones, compressible and not):
#   1. first snapshot   2. second snapshot of unchanged data   3. snapshot after changing 1 % of
#   the bytes of the large files   4. repository size   5. restore of the last snapshot (+ check)
#
#   bench/run-volumes-repo.sh                # data under /tmp/ferry-bench-repo
# Environment: BENCH_DIR (default /tmp/ferry-bench-repo), BENCH_SMALL_FILES (default 30000),
# BENCH_LARGE_MIB (size of each of the 4 large files, default 224), BENCH_SKIP_BUILD=1,
# BENCH_HEAP (default 1g). Results table on stdout; progress on stderr.
set -euo pipefail
shopt -s inherit_errexit
cd "$(dirname "$0")/.."

dir="${BENCH_DIR:-/tmp/ferry-bench-repo}"
small="${BENCH_SMALL_FILES:-30000}"
large_mib="${BENCH_LARGE_MIB:-224}"
heap="${BENCH_HEAP:-1g}"
log() { echo "[bench] $*" >&2; }

if ! command -v restic >/dev/null; then
  log "installing restic"
  { apt-get update -qq && apt-get install -y -qq restic; } >&2
fi
if [[ "${BENCH_SKIP_BUILD:-0}" != 1 ]]; then
  log "building ferry-volumes"
  # package, not install: the shared ~/.m2 is not touched. Offline first, online if something is missing.
  args=(-B -q package -DskipTests -pl ferry-volumes -am dependency:build-classpath
        -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime)
  { mvn -o "${args[@]}" || mvn "${args[@]}"; } >&2
fi
cp="ferry-volumes/target/classes:$(cat ferry-volumes/target/classpath.txt)"
# Serial GC and a pre-sized young generation: on a small, busy machine parallel GC threads compete with the workers.
ferry=(java "-Xmx${heap}" -Xms512m -Xmn256m -XX:+UseSerialGC -cp "$cp" dev.ferry.volumes.repo.RepositoryTool)

src="$dir/source"
generate() {
  # Deterministic: the same seeds give the same bytes on every machine.
  python3 - "$src" "$small" "$large_mib" <<'PY'
import os, random, sys
root, small, large_mib = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rnd = random.Random(42)
words = "ferry volume chunk snapshot restore migration cluster namespace pod node plan stage cutover".split()
for i in range(small):
    d = os.path.join(root, "small", "d%03d" % (i % 300), "e%02d" % (i // 300 % 10))
    os.makedirs(d, exist_ok=True)
    n = rnd.randint(200, 16384)
    if i % 4 == 0:   # some incompressible small files (thumbnails, keys)
        data = rnd.randbytes(n)
    else:            # config, json, source-like text
        line = " ".join(rnd.choice(words) for _ in range(8)) + " %d\n" % i
        data = (line * (n // len(line) + 1)).encode()[:n]
    with open(os.path.join(d, "f%05d" % i), "wb") as f:
        f.write(data)
os.makedirs(os.path.join(root, "large"), exist_ok=True)
mib = 1 << 20
for k in range(2):   # incompressible (media, encrypted, already compressed)
    with open(os.path.join(root, "large", "blob%d.bin" % k), "wb") as f:
        r = random.Random(100 + k)
        for _ in range(large_mib):
            f.write(r.randbytes(mib))
for k in range(2):   # compressible (logs, database pages of text)
    r = random.Random(200 + k)
    with open(os.path.join(root, "large", "log%d.txt" % k), "wb") as f:
        written = 0
        while written < large_mib * mib:
            lines = "".join("2026-11-28T12:%02d:%02d.%06d INFO worker-%d %s %s took %d ms\n" % (
                r.randrange(60), r.randrange(60), r.randrange(10**6), r.randrange(64), r.choice(words), r.choice(words),
                r.randrange(5000)) for _ in range(4096)).encode()
            lines = lines[:large_mib * mib - written]
            f.write(lines)
            written += len(lines)
PY
}

change_one_percent() {
  # Overwrites 1 % of each large file's bytes in 8 spread regions (deterministic).
  python3 - "$src/large" <<'PY'
import os, random, sys
root = sys.argv[1]
r = random.Random(7)
total = 0
for name in sorted(os.listdir(root)):
    p = os.path.join(root, name)
    size = os.path.getsize(p)
    region = size // 100 // 8
    with open(p, "r+b") as f:
        for k in range(8):
            f.seek(size * (2 * k + 1) // 16)
            f.write(r.randbytes(region))
            total += region
print(total)
PY
}

# "wall-seconds cpu-seconds": CPU time (user + sys) is reported too because wall time on a shared
# machine swings with the other tenants' load; CPU time is what each tool itself spent.
timed() {
  local out e u s
  out=$(mktemp)
  /usr/bin/time -f "%e %U %S" -o "$out" "$@" >&2
  read -r e u s < "$out"
  rm -f "$out"
  echo "$e $(echo "$u + $s" | bc)"
}
ratio() { echo "scale=2; $1 / $2" | bc; }
wall() { echo "${1% *}"; }
cpu() { echo "${1#* }"; }
row() { # label ferry restic
  echo "| $1 | $(wall "$2") | $(wall "$3") | $(ratio "$(wall "$2")" "$(wall "$3")") | $(cpu "$2") | $(cpu "$3") | $(ratio "$(cpu "$2")" "$(cpu "$3")") |"
}

rm -rf "$dir"
mkdir -p "$dir"
log "generating data under $src"
generate
files=$(find "$src" -type f | wc -l)
bytes=$(du -sb "$src" | cut -f1)
log "$files files, $bytes bytes"

export RESTIC_PASSWORD=ferry-bench RESTIC_CACHE_DIR="$dir/restic-cache"
restic_repo="$dir/restic-repo" ferry_repo="$dir/ferry-repo"
restic init -q -r "$restic_repo" >&2
tags=(--tag bench=repo --tag pvc=bench/data)

log "1. first snapshot"
f1=$(timed "${ferry[@]}" snapshot --repo "$ferry_repo" --source "$src" "${tags[@]}")
r1=$(timed restic -q -r "$restic_repo" backup "$src")
log "2. second snapshot, nothing changed"
f2=$(timed "${ferry[@]}" snapshot --repo "$ferry_repo" --source "$src" "${tags[@]}")
r2=$(timed restic -q -r "$restic_repo" backup "$src")
log "3. after changing 1 % of the large files' bytes"
changed=$(change_one_percent)
f3=$(timed "${ferry[@]}" snapshot --repo "$ferry_repo" --source "$src" "${tags[@]}")
r3=$(timed restic -q -r "$restic_repo" backup "$src")
fsize=$(du -sb "$ferry_repo" | cut -f1)
rsize=$(du -sb "$restic_repo" | cut -f1)
log "4. restore of the last snapshot"
fr=$(timed "${ferry[@]}" restore --repo "$ferry_repo" --snapshot latest --target "$dir/ferry-restore" "${tags[@]}")
rr=$(timed restic -q -r "$restic_repo" restore latest --target "$dir/restic-restore")
diff -r "$src" "$dir/ferry-restore" >&2 && log "ferry restore identical to the source (diff -r)"
"${ferry[@]}" verify --repo "$ferry_repo" --snapshot latest --target "$dir/ferry-restore" "${tags[@]}" >&2

model=$(grep -m1 "model name" /proc/cpuinfo | cut -d: -f2 | xargs)
cat <<MD
| Data set | $files files, $(ratio "$bytes" 1073741824) GiB ($small small files, 4 × $large_mib MiB large: 2 random, 2 text); step 3 changes $changed bytes |
|---|---|
| Machine | $(nproc) CPUs ($model), $(free -g | awk '/Mem:/{print $2}') GiB RAM, $(uname -r), load average $(cut -d' ' -f1-3 /proc/loadavg) at the end; Java $(java -version 2>&1 | head -1 | cut -d'"' -f2), $(restic version | cut -d' ' -f1-2) |

| Step | Ferry wall (s) | restic wall (s) | Ferry / restic | Ferry CPU (s) | restic CPU (s) | Ferry / restic |
|---|---|---|---|---|---|---|
$(row "1. first snapshot" "$f1" "$r1")
$(row "2. unchanged snapshot" "$f2" "$r2")
| 2 ÷ 1 | $(ratio "$(wall "$f2")" "$(wall "$f1")") | $(ratio "$(wall "$r2")" "$(wall "$r1")") | | $(ratio "$(cpu "$f2")" "$(cpu "$f1")") | $(ratio "$(cpu "$r2")" "$(cpu "$r1")") | |
$(row "3. after 1 % change" "$f3" "$r3")
$(row "restore of snapshot 3" "$fr" "$rr")
| repository size (bytes) | $fsize | $rsize | $(ratio "$fsize" "$rsize") | | | |
MD
