#!/usr/bin/env bash
# Builds Ferry's self-contained download from ferry-cli's jars (run by `mvn package` of ferry-cli,
# after target/ferry-cli.jar and target/lib/ exist — the same jars the Jib image takes):
#
#   ferry-cli/target/ferry-<version>-linux-<arch>/        and the same as .tar.gz
#     bin/ferry, bin/kubectl-ferry, bin/kubectl_complete-ferry   launchers (POSIX sh)
#     runtime/           a Java runtime made by jlink with only the modules in ferry-cli/src/dist/jdk-modules
#     lib/*.jar          the CLI and its libraries (no test libraries)
#     lib/ferry.aot      AOT cache (JDK 25+): classes loaded and linked, methods profiled, by a
#                        training run of version, get and describe (dev.ferry.cli.AotTraining)
#     deploy/            the controller's manifests and deploy/crds/ (the 15 CRDs)
#     share/bash-completion/completions/ferry   `ferry completion bash`, for packagers
#
# The runtime comes from the first JDK >= 25 found (FERRY_RUNTIME_JDK, then /usr/lib/jvm/*), because
# only there can the AOT cache be moved with the directory; with none, from the building JDK, and
# without a cache (slower start; the script says so).
# Usage: scripts/build-distribution.sh VERSION
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VERSION="${1:?usage: build-distribution.sh VERSION}"
TARGET="$ROOT/ferry-cli/target"
SRC="$ROOT/ferry-cli/src/dist"
log() { echo "[distribution] $*"; }

[[ -f "$TARGET/ferry-cli.jar" && -d "$TARGET/lib" ]] || { echo "build-distribution: build ferry-cli first (mvn package -pl ferry-cli -am)" >&2; exit 2; }

case "$(uname -m)" in
  x86_64) ARCH=amd64 ;;
  aarch64 | arm64) ARCH=arm64 ;;
  *) ARCH="$(uname -m)" ;;
esac
NAME="ferry-$VERSION-linux-$ARCH"
OUT="$TARGET/$NAME"

feature() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }
AOT=1
RUNTIME_JDK="$(bash "$ROOT/scripts/runtime-jdk.sh")" || {
  AOT=0
  log "no JDK 25+ found (set FERRY_RUNTIME_JDK): runtime from $RUNTIME_JDK, without an AOT cache (slower start)"
}

rm -rf "$OUT" "$TARGET/$NAME.tar.gz"
mkdir -p "$OUT/bin" "$OUT/lib" "$OUT/share/bash-completion/completions"
start=$SECONDS
modules="$(grep -v '^#' "$SRC/jdk-modules" | paste -sd, -)"
"$RUNTIME_JDK/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
  --output "$OUT/runtime"
log "runtime: jlink of $RUNTIME_JDK ($(feature "$RUNTIME_JDK")), $(du -sh "$OUT/runtime" | cut -f1)"

# The class path, in two parts. First the jars the quick commands (version, get, describe) need:
# the CLI, Ferry's modules, fabric8's client and Kubernetes model, Jackson, YAML, logging and picocli
# (by Maven group, from target/runtime-classpath.txt: only this build's jars; target/lib may still
# hold jars an earlier build needed). Then the rest (the object stores' SDKs, the operator
# framework, metrics, gRPC, Netty, …). bin/ferry gives the quick commands only the first part: a
# class or resource the JVM looks up on the class path is looked for in every jar of it (~35 instead
# of ~235 to open). The AOT cache is trained with the first part, and serves both: a class path
# that begins with the cache's is accepted. The order is fixed: the cache is valid only for it.
[[ -f "$TARGET/runtime-classpath.txt" ]] || { echo "build-distribution: no target/runtime-classpath.txt; run mvn package -pl ferry-cli" >&2; exit 2; }
quick_jars=()
other_jars=()
while IFS= read -r path || [[ -n "$path" ]]; do
  [[ -n "$path" ]] || continue
  jar="$(basename "$path")"
  group="dev/ferry"
  [[ "$path" == */repository/* ]] && group="$(dirname "$(dirname "$(dirname "${path#*/repository/}")")")"
  case "$group/$jar" in
    io/fabric8/openshift-model*) other_jars+=("$jar") ;;
    dev/ferry/* | io/fabric8/* | com/fasterxml/jackson/* | org/snakeyaml/* | org/yaml/* | ch/qos/logback/* \
      | org/slf4j/* | info/picocli/*) quick_jars+=("$jar") ;;
    *) other_jars+=("$jar") ;;
  esac
done < <(tr ':' '\n' < "$TARGET/runtime-classpath.txt")
cp -p "$TARGET/ferry-cli.jar" "$OUT/lib/"
for jar in "${quick_jars[@]}" "${other_jars[@]}"; do cp -p "$TARGET/lib/$jar" "$OUT/lib/"; done
# picocli's class files are Java 5's, which no AOT cache can hold: rewritten as Java 17 class files
# (same code, with the stack-map frames the modern verifier needs) they come from the cache too.
if ((AOT)); then
  for jar in "${quick_jars[@]}"; do
    if [[ "$jar" == picocli-*.jar ]]; then
      n="$("$RUNTIME_JDK/bin/java" "$SRC/ModernClassFiles.java" "$TARGET/lib/$jar" "$OUT/lib/$jar")"
      chmod 644 "$OUT/lib/$jar"
      log "$jar: $n class files rewritten from Java 5 to Java 17 (src/dist/ModernClassFiles.java)"
    fi
  done
fi
ordered() { printf '%s\n' "$@" | grep '^ferry-' | sort; printf '%s\n' "$@" | grep -v '^ferry-' | sort; }
quick_classpath="\$home/lib/ferry-cli.jar"
for jar in $(ordered "${quick_jars[@]}"); do quick_classpath+=":\$home/lib/$jar"; done
other_classpath=""
for jar in $(ordered "${other_jars[@]}"); do other_classpath+="${other_classpath:+:}\$home/lib/$jar"; done

# JVM options of the launcher: the serial collector (small heaps, quickest start) for all, and C1
# alone for short commands (bin/ferry picks). The AOT cache is trained with the short ones.
long_opts='-XX:+UseSerialGC'
java_opts="$long_opts -XX:TieredStopAtLevel=1"
sed -e "s|@QUICK_CLASSPATH@|$quick_classpath|" -e "s|@OTHER_CLASSPATH@|$other_classpath|" -e "s|@SHORT_JAVA_OPTS@|$java_opts|" -e "s|@LONG_JAVA_OPTS@|$long_opts|" \
  "$SRC/bin/ferry" > "$OUT/bin/ferry"
cp "$SRC/bin/kubectl-ferry" "$SRC/bin/kubectl_complete-ferry" "$OUT/bin/"
chmod 755 "$OUT/bin/"*
cp -r "$ROOT/deploy" "$OUT/deploy"

if ((AOT)); then
  # One training JVM (the cache holds what one run loaded); same runtime, class path and GC as the
  # launcher's quick commands.
  cp_abs="$(echo "$quick_classpath" | sed "s|\\\$home|$OUT|g")"
  # The training API server's TLS identity (a throw-away self-signed key made by the JDK's keytool).
  tls="$(mktemp -d)"
  "$RUNTIME_JDK/bin/keytool" -genkeypair -alias training -keyalg EC -groupname secp256r1 -validity 2 \
    -dname CN=aot-training -ext san=ip:127.0.0.1 -keystore "$tls/server.p12" -storetype PKCS12 \
    -storepass training -keypass training 2>/dev/null
  "$RUNTIME_JDK/bin/keytool" -exportcert -rfc -alias training -keystore "$tls/server.p12" -storepass training \
    -file "$tls/ca.pem" 2>/dev/null
  (cd "$OUT" && "$OUT/runtime/bin/java" $java_opts -XX:AOTCacheOutput="$OUT/lib/ferry.aot" \
      -Dferry.aot.keystore="$tls/server.p12" -Dferry.aot.ca="$tls/ca.pem" \
      -Xlog:aot=error -Xlog:cds=error -cp "$cp_abs" dev.ferry.cli.AotTraining > /dev/null 2> "$TARGET/aot-training.log") \
    || { rm -rf "$tls"; cat "$TARGET/aot-training.log" >&2; echo "build-distribution: the AOT training run failed" >&2; exit 1; }
  rm -rf "$tls"
  log "AOT cache: lib/ferry.aot, $(du -sh "$OUT/lib/ferry.aot" | cut -f1) (training log: target/aot-training.log)"
fi
"$OUT/bin/ferry" completion bash > "$OUT/share/bash-completion/completions/ferry"

tar -C "$TARGET" --owner=0 --group=0 --numeric-owner -I "gzip -1" -cf "$TARGET/$NAME.tar.gz" "$NAME"
log "$TARGET/$NAME.tar.gz ($(du -sh "$TARGET/$NAME.tar.gz" | cut -f1), $((SECONDS - start))s)"
