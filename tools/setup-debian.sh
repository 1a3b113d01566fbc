#!/usr/bin/env bash
# Installs the system packages the product and its tests need on Debian 12 (run as root).
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
#   lib*               what the PySide6 wheels load (GL, fonts, keyboard, xcb)
# No CJK font is installed on purpose: the product ships its own (assets/fonts/).
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends \
  mosquitto mosquitto-clients \
  espeak-ng libespeak-ng1 espeak-ng-data alsa-utils sox \
  zbar-tools xvfb xdotool systemd util-linux \
  cups-daemon cups-client poppler-utils \
  libgl1 libegl1 libglib2.0-0 libfontconfig1 libfreetype6 libxkbcommon0 libxkbcommon-x11-0 \
  libdbus-1-3 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-randr0 \
  libxcb-render-util0 libxcb-image0 libxcb-xinerama0 libxcb-xkb1 fonts-dejavu-core \
  > /dev/null
