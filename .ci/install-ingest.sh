#!/usr/bin/env bash
# Installs what the video-ingest tests need on a fresh Debian machine (run as root); idempotent.
# - ffmpeg: the pipe: test's frame producer and the bench's h264 encoder fallback
# - GStreamer RTSP server + python3-gi: the real RTSP camera in the reconnect test
set -euo pipefail

PACKAGES=(ffmpeg python3-gi gir1.2-gst-rtsp-server-1.0 gstreamer1.0-tools
          gstreamer1.0-plugins-base gstreamer1.0-plugins-good gstreamer1.0-plugins-ugly gstreamer1.0-libav)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-ingest: all packages present"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "install-ingest: need root to install: ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
echo "install-ingest: installed ${missing[*]}"
