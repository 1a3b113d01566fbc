"""The accessibility audit: measures a rendered window against DESIGN.md's numbers.

`audit_window()` returns findings, `assert_accessible()` fails a test with them. See
`runner` for how a screen test uses it and docs/decisions/0005 for what is measured how.
"""

from __future__ import annotations

from kiosk.ui.audit.findings import Finding, Rule
from kiosk.ui.audit.runner import AuditOptions, assert_accessible, audit_window, nav_reference

__all__ = ["AuditOptions", "Finding", "Rule", "assert_accessible", "audit_window",
           "nav_reference"]
