#!/usr/bin/env bash
# SPEC §5 resources benchmark: Ferry's backup/restore of one namespace of N small objects
# between two local testbed clusters, side by side with `kubectl get -o json` + `kubectl create -f`
# and with a real Velero 1.18 server (scripts/build-velero.sh) on the source cluster.
#
#   bench/run-resources.sh                  # 10 000 objects
#   bench/run-resources.sh --objects 2000   # any option of dev.ferry.bench.ResourcesBenchmark
#
# Options: --objects N, --threads N (setup only), --kubectl PATH, --no-kubectl, --kubectl-first,
#          --no-velero, --velero-runs N (default 3: the median of 3 Velero backups and restores),
#          --work-dir DIR, --keep. Environment: BENCH_HEAP (default 512m, the SPEC target),
#          BENCH_JAVA_OPTS for extra JVM flags (e.g. -XX:StartFlightRecording=filename=r.jfr),
#          BENCH_SKIP_BUILD=1 to reuse the last build, MAVEN_ARGS for extra Maven flags.
# Everything listens on 127.0.0.1. Needs the testbed binaries (scripts/testbed-binaries.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

heap="${BENCH_HEAP:-512m}"
mvn_flags=(-B -q -Dstyle.color=never ${MAVEN_ARGS:-})

if [[ "${BENCH_SKIP_BUILD:-0}" != 1 ]]; then
  # The modules the benchmark runs, from this working tree, into the local repository
  # (the bench module is not part of the root build, so it resolves them from there).
  # Offline first: the usual case once the project has been built; online if something is missing.
  # Maven's output goes to stderr: stdout is the results table only.
  {
    mvn "${mvn_flags[@]}" -o install -DskipTests -pl ferry-backup -am \
      || mvn "${mvn_flags[@]}" install -DskipTests -pl ferry-backup -am
    mvn "${mvn_flags[@]}" -o -f bench/pom.xml package \
      || mvn "${mvn_flags[@]}" -f bench/pom.xml package
  } >&2
fi

cp="bench/target/classes:$(cat bench/target/classpath.txt)"
# shellcheck disable=SC2206
java_opts=("-Xmx${heap}" -XX:+ExitOnOutOfMemoryError ${BENCH_JAVA_OPTS:-})
echo "java ${java_opts[*]} -cp <bench classpath> dev.ferry.bench.ResourcesBenchmark $*" >&2
exec java "${java_opts[@]}" -cp "$cp" dev.ferry.bench.ResourcesBenchmark "$@"
