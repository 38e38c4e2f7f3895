#!/usr/bin/env bash
# Prints the JDK that Ferry's shipped runtimes (the distribution, the image) are jlink'd from: the
# first JDK 25+ among $FERRY_RUNTIME_JDK and /usr/lib/jvm/* (its AOT cache moves with the unpacked
# directory), else the building JDK ($JAVA_HOME, or the java on PATH). Exit code 3 says "fallback".
set -euo pipefail
feature() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }
for jdk in ${FERRY_RUNTIME_JDK:-} /usr/lib/jvm/*; do
  if [[ -x "$jdk/bin/jlink" ]] && (( $(feature "$jdk") >= 25 )); then echo "$jdk"; exit 0; fi
done
echo "${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
exit 3
