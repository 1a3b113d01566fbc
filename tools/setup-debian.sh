#!/usr/bin/env bash
# Sets up a Debian 12 machine to run and test the product from this checkout:
#   1. the system packages (as root; skipped when every one is already installed), then
#   2. the product in its own virtual environment, .venv/ in the checkout
#      (tools/dev-setup.sh; Debian's python3 refuses `pip install` outside one, PEP 668).
#
#   bash tools/setup-debian.sh                 # then: .venv/bin/python -m kiosk demo
#   bash tools/setup-debian.sh --with-tests    # also the test tools; then: bash tools/test.sh
#
# System packages:
#   python3, python3-venv  Debian's Python and its venv module (pip comes with the venv)
#   mosquitto          the branch MQTT broker (tests start their own on a free port)
#   espeak-ng          the speech engine behind pyttsx3; alsa-utils plays WAVs (aplay)
#   sox                measures produced audio in tests
#   zbar-tools         decodes printed QR codes in tests
#   cups-daemon        CUPS, through which kiosks print tickets (tests start their own cupsd)
#   cups-client        lp, lpstat, cancel, cupsenable/cupsdisable, lpadmin: how the kiosk
#                      talks to CUPS (a branch adds its ticket printer's driver package)
#   poppler-utils      pdftotext, pdftoppm, pdfinfo: read printed tickets back in tests
#   xvfb, xdotool      a real X screen for window tests and the demo click-through
#   systemd, util-linux  systemd-analyze checks the units; tools/watchdog-run.sh runs
#                      systemd as PID 1 of its own namespaces (unshare, nsenter)
#   dpkg-dev, lintian, debootstrap  tools/build-deb.sh and the test that installs the
#                      package in a fresh Debian 12 root
#   lib*               what the PySide6 wheels load (GL, fonts, keyboard, xcb)
# No CJK font is installed on purpose: the product ships its own (assets/fonts/).
set -euo pipefail
cd "$(dirname "$0")/.."
PACKAGES=(
  python3 python3-venv
  mosquitto mosquitto-clients
  espeak-ng libespeak-ng1 espeak-ng-data alsa-utils sox
  zbar-tools xvfb xdotool systemd util-linux
  cups-daemon cups-client poppler-utils
  dpkg-dev lintian debootstrap
  libgl1 libegl1 libglib2.0-0 libfontconfig1 libfreetype6 libxkbcommon0 libxkbcommon-x11-0
  libdbus-1-3 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-randr0
  libxcb-render-util0 libxcb-image0 libxcb-xinerama0 libxcb-xkb1 fonts-dejavu-core
)
missing=()
for package in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${db:Status-Abbrev}' "$package" 2>/dev/null | grep -q '^ii' \
    || missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "missing Debian packages (run this as root to install them): ${missing[*]}" >&2
    exit 2
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${PACKAGES[@]}" > /dev/null
fi
exec bash tools/dev-setup.sh "$@"
