#!/usr/bin/env bash
# Installs the Debian packages the tests need on a fresh machine (run as root); idempotent.
# Video ingest:
# - ffmpeg: the pipe: test's frame producer and the bench's h264 encoder fallback
# - GStreamer RTSP server + python3-gi: the real RTSP camera in the reconnect test
# Dashboard browser tests:
# - chromium: the real browser the tests drive headless (Debian's build, no browser download)
# - chromium-driver: /usr/bin/chromedriver, the WebDriver server Selenium talks to
# - fonts-dejavu-core: readable text in the dashboard screenshot
# The fleet (issue 10):
# - mosquitto: the real MQTT broker the fleet tests start on a loopback port (mosquitto_passwd for the ACL test)
# Decoder checks against Open Model Zoo's Python decoders (numpy/scipy from PyPI into a venv):
# - python3-venv
set -euo pipefail

PACKAGES=(ffmpeg python3-gi gir1.2-gst-rtsp-server-1.0 gstreamer1.0-tools
          gstreamer1.0-plugins-base gstreamer1.0-plugins-good gstreamer1.0-plugins-ugly gstreamer1.0-libav
          chromium chromium-driver fonts-dejavu-core mosquitto python3-venv)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-packages: all packages present"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "install-packages: need root to install: ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
echo "install-packages: installed ${missing[*]}"
