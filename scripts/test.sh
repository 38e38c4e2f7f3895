#!/usr/bin/env bash
# The test command: builds the testbed's binaries if missing, then runs every unit test
# (*Test, Surefire) and integration test (*IT, Failsafe) against real local clusters.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/testbed-binaries.sh
exec mvn -B verify "$@"
