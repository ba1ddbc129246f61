#!/usr/bin/env bash
# Installs the OpenVINO runtime from PyPI (idempotent) and prints the directory that holds
# libopenvino_c.so*, for POSEGATE_OPENVINO_LIBS / -Dposegate.openvino.libs. The backend also finds
# this location by itself (~/.cache/posegate/openvino-venv).
# Usage: bash .ci/install-openvino.sh [version]   env: OPENVINO_VENV (location), PYTHON (interpreter)
# Uses a venv; where python3-venv is missing (plain Debian), installs with pip --target into the same
# lib/pythonX.Y/site-packages layout instead.
set -euo pipefail

version="${1:-${OPENVINO_VERSION:-2026.4.1}}"
venv="${OPENVINO_VENV:-$HOME/.cache/posegate/openvino-venv}"
python="${PYTHON:-python3}"
pyver="$("$python" -c 'import sys; print("%d.%d" % sys.version_info[:2])')"
site="$venv/lib/python$pyver/site-packages"
pip_flags=(--quiet --disable-pip-version-check --no-input)

if [[ ! -d "$site/openvino-$version.dist-info" ]]; then
  mkdir -p "$(dirname "$venv")"
  if [[ -x "$venv/bin/python" ]] || "$python" -m venv "$venv" >/dev/null 2>&1; then
    echo "installing openvino==$version into venv $venv" >&2
    "$venv/bin/python" -m pip install "${pip_flags[@]}" "openvino==$version" >&2
  else
    echo "no venv module; installing openvino==$version with pip --target $site" >&2
    rm -rf "$venv/bin"
    "$python" -m pip install "${pip_flags[@]}" --upgrade --target "$site" "openvino==$version" >&2
  fi
fi

libs="$site/openvino/libs"
if ! compgen -G "$libs/libopenvino_c.so*" >/dev/null; then
  echo "openvino $version is installed in $site but $libs holds no libopenvino_c.so*" >&2
  exit 1
fi
echo "$libs"
