"""The kiosk's additions to the shared theme: a wider Help, and the sizes of large choices.

The theme makes Help 150 mm wide, the largest control of the shared widgets. The kiosk's
screens carry large choices whose translations can be long ("I'd like to talk to staff
privately", 40 % longer again in the pseudo-language), so the kiosk widens Help to 200 mm:
Help stays the largest target on every screen whatever the language, and the bottom strip
still leaves Home and Back their room. Choices are at least 30 mm tall and wrap into two
balanced lines beyond 170 mm; home's tiles are at least 150 mm wide and wrap beyond 210 mm
(see ChoiceButton).
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QWidget

from kiosk.ui.physical import SizeRules
from kiosk.ui.theme import Theme

HELP_WIDTH_MM = 200.0
CHOICE_HEIGHT_MM = 30.0
CHOICE_LINE_MM = 170.0
TILE_WIDTH_MM = 150.0
TILE_LINE_MM = 210.0


def kiosk_rules(rules: SizeRules) -> str:
    return f"""
BigButton[role="help"] {{ qproperty-targetWidth: {rules.mm_ceil(HELP_WIDTH_MM)}; }}
ChoiceButton {{
    qproperty-targetHeight: {rules.mm_ceil(CHOICE_HEIGHT_MM)};
    qproperty-lineWidth: {rules.mm_ceil(CHOICE_LINE_MM)};
}}
ChoiceButton[tile="true"] {{
    qproperty-targetWidth: {rules.mm_ceil(TILE_WIDTH_MM)};
    qproperty-lineWidth: {rules.mm_ceil(TILE_LINE_MM)};
}}
"""


def apply_kiosk_theme(target: QApplication | QWidget, theme: Theme, rules: SizeRules) -> None:
    """`kiosk.ui.theme.apply_theme` with the kiosk's rules added to the stylesheet, in one
    re-polish (the same three steps: clear, palette, stylesheet)."""
    target.setStyleSheet("")
    target.setPalette(theme.palette())
    target.setStyleSheet(theme.stylesheet() + kiosk_rules(rules))
