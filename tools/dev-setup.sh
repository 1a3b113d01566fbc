#!/usr/bin/env bash
# Puts the product, from this checkout, in its own virtual environment: .venv/
# (editable: a change to the code is live at once). Run again at any time: it only adds
# what is missing. Needs Python 3.11 or later with its venv module (on Debian:
# python3-venv, which tools/setup-debian.sh installs).
#
#   bash tools/dev-setup.sh [--with-tests]
#
# PYTHON picks the interpreter (default: Debian's /usr/bin/python3 when present, so the
# checkout behaves as on a branch machine, otherwise python3 on the PATH).
set -euo pipefail
cd "$(dirname "$0")/.."
extras=""
case "${1:-}" in
  --with-tests) extras="[test]" ;;
  "") ;;
  *) echo "usage: bash tools/dev-setup.sh [--with-tests]" >&2; exit 2 ;;
esac
if [ -z "${PYTHON:-}" ]; then
  if [ -x /usr/bin/python3 ]; then PYTHON=/usr/bin/python3; else PYTHON=$(command -v python3); fi
fi
if [ ! -x .venv/bin/python ]; then
  echo "creating .venv with $PYTHON ($("$PYTHON" --version))"
  "$PYTHON" -m venv .venv || {
    echo "could not create a virtual environment with $PYTHON: on Debian, as root:" \
         "apt-get install python3-venv" >&2
    exit 2
  }
fi
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet --editable ".$extras"
echo "ready: $(.venv/bin/python -m kiosk --version) in $PWD/.venv${extras:+ (with the test tools)}"
