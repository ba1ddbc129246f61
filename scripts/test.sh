#!/usr/bin/env bash
# The whole test suite, on a fresh Debian machine: installs what the tests need, then builds and tests
# every module. Run from anywhere: bash scripts/test.sh
#   - OpenVINO runtime from PyPI (pinned) for the OpenVINO backend's real-runtime tests
#   - ffmpeg and the GStreamer RTSP server for the ingest tests (real RTSP / pipe peers)
#   - Debian's Chromium and ChromeDriver for the dashboard's browser tests
# Tests that use the real models and media in ../shared run when it exists (POSEGATE_SHARED).
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

as_root bash .ci/install-packages.sh
bash .ci/install-openvino.sh >/dev/null

if [ -z "${POSEGATE_SHARED:-}" ] && [ -d ../shared/models ]; then
  POSEGATE_SHARED="$(cd ../shared && pwd)"
  export POSEGATE_SHARED
fi
echo "POSEGATE_SHARED=${POSEGATE_SHARED:-<unset: tests on the real model and media will skip>}"

mvn -B -ntp install "$@"

# No package cycles among io.posegate packages (jdeps over the classes just built); a cycle fails the run.
bash scripts/package-cycles.sh

# Fuzz tests: `install` above replayed their committed corpus (regression mode), which gates the build. Now
# fuzz each one for its bounded time (maxDuration; one fuzz test per JVM, as Jazzer requires). Fuzzing is random,
# so a new finding does not fail this run (the same commit could otherwise pass or fail by chance): it is
# reported below, and Jazzer writes the input as crash-* under gateway/src/test/resources/**/*FuzzTestInputs/,
# where the next `mvn install` replays it. Commit it with the fix.
findings=()
for fuzz in SourcePolicyFuzzTest ConfigFuzzTest JpegHeaderFuzzTest ClientMessagesFuzzTest; do
  mvn -B -ntp -pl gateway -Pfuzz surefire:test -Dtest="$fuzz" || findings+=("$fuzz")
done
if [ ${#findings[@]} -gt 0 ]; then
  echo "FUZZ FINDINGS in: ${findings[*]} (inputs saved as crash-* under gateway/src/test/resources; replay with:" \
       "mvn -pl gateway -Pfuzz surefire:test -Dtest=NAME)"
  find gateway/src/test/resources -name 'crash-*' -newer pom.xml -print
else
  echo "fuzzing: no findings"
fi
