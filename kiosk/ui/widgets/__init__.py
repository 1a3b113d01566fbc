"""The shared big widgets every kiosk screen is built from."""

from __future__ import annotations

from kiosk.ui.widgets.adaptive_row import AdaptiveRow
from kiosk.ui.widgets.big_button import BigButton
from kiosk.ui.widgets.big_label import BigLabel
from kiosk.ui.widgets.columns_layout import ColumnsLayout
from kiosk.ui.widgets.nav_bar import (
    NAV_BACK,
    NAV_HELP,
    NAV_HOME,
    NAV_OBJECT_NAMES,
    FixedNavBar,
    NavTexts,
)
from kiosk.ui.widgets.properties import ENDS_TASK
from kiosk.ui.widgets.screen_frame import ScreenFrame, vocabulary_nav_texts

__all__ = [
    "ENDS_TASK",
    "NAV_BACK",
    "NAV_HELP",
    "NAV_HOME",
    "NAV_OBJECT_NAMES",
    "AdaptiveRow",
    "BigButton",
    "BigLabel",
    "ColumnsLayout",
    "FixedNavBar",
    "NavTexts",
    "ScreenFrame",
    "vocabulary_nav_texts",
]
