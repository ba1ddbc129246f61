#!/usr/bin/env bash
# Starts the gateway (posegate run) from the built jar, passing on every argument: bash scripts/run.sh [--config FILE] ...
# no_proxy/NO_PROXY are removed from its environment: FFmpeg would send requests to the hosts they match around
# PoseGate's checking egress proxy, so the gateway refuses HTTP(S) sources from the API while either is set.
set -euo pipefail
cd "$(dirname "$0")/.."
exec env -u no_proxy -u NO_PROXY java -jar gateway/target/posegate.jar run "$@"
