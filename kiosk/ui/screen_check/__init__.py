"""The screen check: measures a rendered window against DESIGN.md's accessibility numbers.

(Named apart from the hash-chained audit log, `kiosk.core.audit`, which it has nothing to do
with.)

`check_window()` returns findings, `assert_accessible()` fails a test with them. See
`runner` for how a screen test uses it and docs/decisions/0005 for what is measured how.
"""

from __future__ import annotations

from kiosk.ui.screen_check.findings import Finding, Rule
from kiosk.ui.screen_check.runner import (
    CheckOptions,
    assert_accessible,
    check_window,
    nav_reference,
)

__all__ = ["CheckOptions", "Finding", "Rule", "assert_accessible", "check_window",
           "nav_reference"]
