#!/usr/bin/env bash
# Assembles the root file system of Ferry's image for Jib's "scratch" base (no base-image registry
# needed): a jlink'd Java runtime from this machine's JDK in /opt/java, the shared libraries it links
# against (at their paths), CA certificates, /tmp and a passwd entry for user 1001.
# Usage: scripts/image-rootfs.sh [DIR]   (default: ferry-cli/target/image-rootfs)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="${1:-$ROOT/ferry-cli/target/image-rootfs}"
# The distribution's runtime JDK (25+ where installed, else the building JDK): scripts/runtime-jdk.sh.
JAVA_HOME="$(bash "$ROOT/scripts/runtime-jdk.sh" || true)"
JLINK="$JAVA_HOME/bin/jlink"
[[ -x "$JLINK" ]] || { echo "image-rootfs: no jlink in $JAVA_HOME (install a JDK 17+, not a JRE)" >&2; exit 2; }

rm -rf "$OUT"
mkdir -p "$OUT/opt" "$OUT/tmp" "$OUT/etc/ssl/certs"
# The modules Ferry's libraries use (the distribution's list: fabric8, Jackson, logback, JOSDK, the JDK
# HTTP client, TLS and every security provider the JDK configures).
"$JLINK" --add-modules "$(grep -v '^#' "$ROOT/ferry-cli/src/dist/jdk-modules" | paste -sd, -)" \
  --strip-debug --no-header-files --no-man-pages --output "$OUT/opt/java"

# Every shared library the runtime's executables and libraries need, at the path the loader expects
# (not the runtime's own libraries, which ldd finds through $ORIGIN inside $OUT).
for lib in $(find "$OUT/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' \) -exec ldd {} \; 2>/dev/null \
    | awk '/=> \//{print $3} /^\s*\/.*ld-linux/{print $1}' | sort -u | grep -v "^$OUT/"); do
  mkdir -p "$OUT$(dirname "$lib")"
  cp -L "$lib" "$OUT$lib"
done
# /lib64 is a symlink to /usr/lib64 on merged-/usr systems; the loader is looked up by its ELF path.
LOADER="$(readelf -l "$JAVA_HOME/bin/java" | awk -F': ' '/interpreter/{sub(/]/,"",$2); print $2}')"
mkdir -p "$OUT$(dirname "$LOADER")"
cp -L "$LOADER" "$OUT$LOADER"
[[ -f /etc/ssl/certs/ca-certificates.crt ]] && cp /etc/ssl/certs/ca-certificates.crt "$OUT/etc/ssl/certs/"
# /bin/sh (busybox-static, a static binary) for /usr/bin/gather, the entrypoint of
# `oc adm must-gather --image=<ferry image>`; the Containerfile's base image has its own shell.
if [[ -x /bin/busybox ]]; then
  mkdir -p "$OUT/bin" && cp /bin/busybox "$OUT/bin/sh"
else
  echo "image-rootfs: no /bin/busybox (Debian package busybox-static): the image has no /bin/sh for /usr/bin/gather" >&2
fi
printf 'root:x:0:0:root:/root:/sbin/nologin\nferry:x:1001:1001:ferry:/tmp:/sbin/nologin\n' > "$OUT/etc/passwd"
printf 'root:x:0:\nferry:x:1001:\n' > "$OUT/etc/group"
echo "image-rootfs: $OUT ($(du -sh "$OUT" | cut -f1))"
