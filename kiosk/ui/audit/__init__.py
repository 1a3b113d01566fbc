"""The accessibility audit: measures a rendered window against DESIGN.md's numbers.

`audit_window()` returns findings, `assert_accessible()` fails a test with them. See
`runner` for how a screen test uses it and docs/decisions/0005 for what is measured how.

The names below are loaded when first used: the theme uses the audit's contrast and glyph
measures (`kiosk.ui.audit.contrast`, `.glyphs`), and a kiosk starting up should not load the
whole audit (its checks and runner) with them.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kiosk.ui.audit.findings import Finding, Rule
    from kiosk.ui.audit.runner import (
        AuditOptions,
        assert_accessible,
        audit_window,
        nav_reference,
    )

__all__ = ["AuditOptions", "Finding", "Rule", "assert_accessible", "audit_window",
           "nav_reference"]

_HOME = {"Finding": "findings", "Rule": "findings", "AuditOptions": "runner",
         "assert_accessible": "runner", "audit_window": "runner", "nav_reference": "runner"}


def __getattr__(name: str) -> Any:
    module = _HOME.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{module}"), name)
