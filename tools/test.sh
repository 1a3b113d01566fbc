#!/usr/bin/env bash
# The whole check, as CI runs it: lint, the Qt-free rule, types, translations, then tests,
# all with the tools of the checkout's virtual environment (.venv/, made by
# `bash tools/setup-debian.sh --with-tests`).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x .venv/bin/pytest ]; then
  echo "no test tools in .venv/: run 'bash tools/setup-debian.sh --with-tests' first" >&2
  exit 2
fi
export PATH="$PWD/.venv/bin:$PATH" QT_QPA_PLATFORM=offscreen
echo "== ruff"; ruff check .
echo "== import rules"; lint-imports
echo "== mypy (the package and its tools, strict)"; mypy
echo "== translations"; python -m tools.i18n check
echo "== configuration reference"; python -m tools.config_reference --check
echo "== benchmark figures in the README"; python -m bench.readme --check
echo "== tests"; python -m pytest "$@"
