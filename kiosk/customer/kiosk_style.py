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

from kiosk.ui.physical import SizeRules
from kiosk.ui.theme import Theme

HELP_WIDTH_MM = 200.0
CHOICE_HEIGHT_MM = 30.0
CHOICE_LINE_MM = 170.0
TILE_WIDTH_MM = 150.0
TILE_LINE_MM = 210.0
CHOICE_SHARE_OF_HELP = 0.8
"""Choices wrap at this share of Help's width (160 mm beside a 200 mm Help, less on a
narrow panel), so Help stays the largest target."""


def kiosk_rules(rules: SizeRules) -> str:
    help_px = rules.help_width_px(HELP_WIDTH_MM)
    # Within the content's width (less a scroll bar, should one be needed), two tiles side
    # by side, and never beyond the share of Help that keeps Help the largest.
    content_mm = rules.px_to_mm(rules.width_px - 2 * rules.gap_px - rules.target_px)
    # A tile is at least as wide as a third of the content (so three columns of choices fit
    # before any go to another page) or TILE_WIDTH_MM, whichever is less.
    tile_mm = (content_mm - 2 * rules.px_to_mm(rules.gap_px)) / 3
    half_mm = (content_mm - rules.px_to_mm(rules.gap_px)) / 2
    widest = min(CHOICE_SHARE_OF_HELP * rules.px_to_mm(help_px), content_mm)
    return f"""
BigButton[role="help"] {{ qproperty-targetWidth: {help_px}; }}
ChoiceButton {{
    qproperty-targetHeight: {rules.mm_ceil(CHOICE_HEIGHT_MM)};
    qproperty-lineWidth: {int(rules.mm(min(CHOICE_LINE_MM, widest)))};
}}
ChoiceButton[tile="true"] {{
    qproperty-targetWidth: {int(rules.mm(min(TILE_WIDTH_MM, widest, tile_mm)))};
    qproperty-lineWidth: {int(rules.mm(min(TILE_LINE_MM, widest, half_mm)))};
}}
"""


def kiosk_stylesheet(theme: Theme, rules: SizeRules) -> str:
    """The theme's stylesheet with the kiosk's rules added: what each kiosk screen carries
    (the application carries only the theme's palette, so that a change of look restyles
    the screen shown, not every screen of the kiosk)."""
    return theme.stylesheet() + kiosk_rules(rules)
