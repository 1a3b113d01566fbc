"""The screen check: measures a rendered window against DESIGN.md's accessibility numbers.

(Named apart from the hash-chained audit log, `kiosk.core.audit`, which it has nothing to do
with.)

`check_window()` returns findings, `assert_accessible()` fails a test with them. See
`runner` for how a screen test uses it and docs/decisions/0005 for what is measured how.

The names below are loaded when first used: the theme uses the check's contrast and glyph
measures (`kiosk.ui.screen_check.contrast`, `.glyphs`), and a kiosk starting up should not
load the whole check (its rules and runner) with them.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kiosk.ui.screen_check.findings import Finding, Rule
    from kiosk.ui.screen_check.runner import (
        CheckOptions,
        assert_accessible,
        check_window,
        nav_reference,
    )

__all__ = ["CheckOptions", "Finding", "Rule", "assert_accessible", "check_window",
           "nav_reference"]

_HOME = {"Finding": "findings", "Rule": "findings", "CheckOptions": "runner",
         "assert_accessible": "runner", "check_window": "runner", "nav_reference": "runner"}


def __getattr__(name: str) -> Any:
    module = _HOME.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{module}"), name)
