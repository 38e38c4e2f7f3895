#!/usr/bin/env bash
# The test command: builds the testbed's binaries if missing, then runs every unit test
# (*Test, Surefire) and integration test (*IT, Failsafe) against real local clusters (with real
# nodes where the machine can run containers: docs/testbed.md).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/testbed-binaries.sh
# Ferry's image (Jib, profile 'image'), so the real-node ITs of ferry-cli run the mover as pods:
# the tarball is written in ferry-cli's package phase, before its integration tests.
bash scripts/image-rootfs.sh >/dev/null
exec mvn -B verify -P image "$@"
