#!/usr/bin/env bash
# The whole check, as CI runs it: lint, the Qt-free rule, types, translations, then tests.
set -euo pipefail
cd "$(dirname "$0")/.."
export QT_QPA_PLATFORM=offscreen
echo "== ruff"; ruff check .
echo "== import rules"; lint-imports
echo "== mypy (core, protocol)"; mypy
echo "== translations"; python -m tools.i18n check
echo "== configuration reference"; python -m tools.config_reference --check
echo "== tests"; python -m pytest "$@"
