#!/usr/bin/env bash
# Installs what the dashboard's browser tests need on a fresh Debian machine (run as root); idempotent.
# - chromium: the real browser the tests drive headless (Debian's build, no browser download)
# - chromium-driver: /usr/bin/chromedriver, the WebDriver server Selenium talks to
# - fonts-dejavu-core: readable text in the dashboard screenshot
set -euo pipefail

PACKAGES=(chromium chromium-driver fonts-dejavu-core)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-browser: all packages present"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "install-browser: need root to install: ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
echo "install-browser: installed ${missing[*]}"
