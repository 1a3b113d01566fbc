"""Object properties the screens set on their widgets and the screen check reads."""

from __future__ import annotations

ENDS_TASK = "ends_task"
"""Set (True) on the control that ends the customer's task ("I'm finished"): it must be the
largest control on its screen after Help (kiosk.ui.screen_check)."""
