#!/usr/bin/env bash
# System libraries Qt needs on a bare Linux machine (CI starts from one): the xcb/xkb
# libraries for a real or virtual screen, fonts, poppler-utils for the PDF checks, and GNU
# time for the start-up benchmark's peak-memory figure.
# Installs only what is missing, and only where apt-get can be used (root on Debian/Ubuntu).
set -u
[ "$(uname -s)" = "Linux" ] || exit 0
command -v apt-get >/dev/null 2>&1 || exit 0
pkgs="libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 \
libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 \
libxcb-xinerama0 libxcb-shape0 libxcb-randr0 libxcb-xfixes0 libxcb-sync1 libxcb-xkb1 \
fonts-dejavu-core poppler-utils xvfb xauth time"
missing=""
for p in $pkgs; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" != "0" ]; then
  echo "ildesk: these system packages are missing:$missing" >&2
  echo "ildesk: install them with: sudo apt-get install -y$missing" >&2
  exit 0
fi
echo "ildesk: installing system packages:$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends $missing >/dev/null
