"""Object properties the screens set on their widgets and the screen check reads."""

from __future__ import annotations

ENDS_TASK = "ends_task"
"""Set (True) on the control that ends the customer's task ("I'm finished"): it must be the
largest control on its screen after Help (kiosk.ui.screen_check)."""

OVER_THE_SCREEN = "over_the_screen"
"""Set (True) on a widget drawn over the screen's controls while it shows (the magnifier's
lens): what is under it is not what the customer sees there, so the screen check judges the
colours of the controls it covers when it is gone, not through it."""
