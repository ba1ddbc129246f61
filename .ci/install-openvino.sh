#!/usr/bin/env bash
# Installs the OpenVINO runtime from PyPI into a private venv (idempotent) and prints the directory
# that holds libopenvino_c.so*, for POSEGATE_OPENVINO_LIBS / -Dposegate.openvino.libs.
# Usage: bash .ci/install-openvino.sh [version]   (env OPENVINO_VENV overrides the venv location)
set -euo pipefail

version="${1:-${OPENVINO_VERSION:-2026.4.1}}"
venv="${OPENVINO_VENV:-$HOME/.cache/posegate/openvino-venv}"
python="${PYTHON:-python3}"

installed_version() {
  "$venv/bin/python" -c 'import importlib.metadata as m; print(m.version("openvino"))' 2>/dev/null || true
}

if [[ ! -x "$venv/bin/python" ]]; then
  echo "creating venv $venv" >&2
  mkdir -p "$(dirname "$venv")"
  "$python" -m venv "$venv"
fi
if [[ "$(installed_version)" != "$version" ]]; then
  echo "installing openvino==$version into $venv" >&2
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "openvino==$version" >&2
fi

libs="$("$venv/bin/python" - <<'PY'
import pathlib, openvino
print(pathlib.Path(openvino.__file__).resolve().parent / "libs")
PY
)"
if ! compgen -G "$libs/libopenvino_c.so*" >/dev/null; then
  echo "openvino $version installed but no libopenvino_c.so* in $libs" >&2
  exit 1
fi
echo "$libs"
