#!/usr/bin/env bash
# Installs what Ferry's build and tests need beyond the machine's toolchains (JDK 17, Maven, Go).
# Idempotent: installs only what is missing.
set -euo pipefail
missing=()
for tool in java mvn go; do
  command -v "$tool" >/dev/null || missing+=("$tool")
done
if ((${#missing[@]})); then
  echo "[prerequisites] missing toolchains: ${missing[*]} (expected on the machine: JDK 17, Maven, Go)" >&2
  exit 1
fi
echo "[prerequisites] java, mvn and go present"
