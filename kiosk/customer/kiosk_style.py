"""The kiosk's additions to the shared theme: a wider Help, and the sizes of large choices.

The theme makes Help 150 mm wide, the largest control of the shared widgets. The kiosk's
screens carry large choices whose translations can be long ("I'd like to talk to staff
privately", 40 % longer again in the pseudo-language), so the kiosk widens Help to 200 mm:
Help stays the largest target on every screen whatever the language, and the bottom strip
still leaves Home and Back their room. Choices are at least 30 mm tall and wrap into two
balanced lines beyond 170 mm; home's tiles are at least 150 mm wide and wrap beyond 210 mm
(see ChoiceButton). Home, Back and the magnifier's switch share one row beside Help where
the panel allows it (below Help on a portrait panel): a second row of the strip would take
the height of a row of tiles from every screen.
"""

from __future__ import annotations

import functools

from kiosk.ui.physical import LINE_SPACING, SizeRules
from kiosk.ui.theme import TextSize, Theme, build_theme, focus_padding
from kiosk.ui.widgets import ENDS_TASK

HELP_WIDTH_MM = 200.0
CHOICE_HEIGHT_MM = 30.0
CHOICE_LINE_MM = 170.0
TILE_WIDTH_MM = 150.0
HOME_TILE_HEIGHT_MM = 45.0
"""Home's tiles: as tall as the strip's buttons (and Help) at normal text."""
TILE_LINE_MM = 210.0
CHOICE_SHARE_OF_HELP = 0.8
"""Choices wrap at this share of Help's width (160 mm beside a 200 mm Help, less on a
narrow panel), so Help stays the largest target."""
END_TASK_SHARE_OF_NAV = 1.6
"""The control that ends a task ("I'm finished") is this much wider than Home and Back."""
NAV_TOOL_SHARE = 0.75
"""The magnifier's switch (words, no symbol) is this much as wide as Home and Back."""
MAGNIFIER_SWITCH = "nav_magnifier"


def nav_widths_px(rules: SizeRules, theme: Theme) -> tuple[int, int]:
    """Home's and Back's width, and the magnifier switch's: the theme's, or less where that
    would push them onto a row of their own. On a landscape panel the three share one row
    with Help; on a portrait panel, the row under Help. The switch has words and no
    symbol, so it takes a smaller share. Words wrap inside; every one stays at least a
    touch target wide."""
    if rules.portrait:  # the margins, between the three, and before the empty column
        beside, gaps = 0, 5 * rules.gap_px
    else:  # the margins, between the three, and on both sides of the room before Help
        beside, gaps = rules.help_width_px(HELP_WIDTH_MM), 6 * rules.gap_px
    room = int((rules.width_px - beside - gaps) / (2 + NAV_TOOL_SHARE))
    width = max(rules.target_px, min(theme.nav_button_width_px, room))
    return width, max(rules.target_px, int(width * NAV_TOOL_SHARE))


@functools.lru_cache(maxsize=8)
def _normal_huge_px(rules: SizeRules, font_family: str) -> int:
    return build_theme(rules, text_size=TextSize.LARGE, font_family=font_family).huge_px


def smallest_message_px(rules: SizeRules, theme: Theme) -> int:
    """The smallest type a branch announcement may shrink to so that its whole message
    fits: none with normal text; with larger text, the largest type of normal text, so
    larger text never makes the message smaller (it scrolls instead)."""
    if theme.text_size is TextSize.LARGE:
        return 0
    return _normal_huge_px(rules, theme.font_family)


def chosen_rules(theme: Theme) -> str:
    """A chosen switch (the magnifier's, while it is on) keeps its fill and gets a thick
    double border in its words' colour; focus is a thick solid ring in the focus colour.
    "Chosen" and "focused, not chosen" differ in shape as well as colour, and a chosen
    switch with focus keeps its double border, in the focus colour."""
    thick, padding = theme.focus_ring_px, focus_padding(theme)
    rules = []
    for selector, colours in (('BigButton[role=""]', theme.colours.button),
                              ('BigButton[role="nav"]', theme.colours.nav_button)):
        rules.append(f"""
{selector}:checked {{ border: {thick}px double {colours.text}; padding: {padding}; }}
{selector}:checked:focus {{ border: {thick}px double {colours.focus_ring}; }}""")
    return "".join(rules)


def kiosk_rules(rules: SizeRules, theme: Theme) -> str:
    help_px = rules.help_width_px(HELP_WIDTH_MM)
    nav_px, switch_px = nav_widths_px(rules, theme)
    # The control that ends the task is the largest after Help: as tall as the strip's
    # buttons and wider than Home and Back, whatever their words.
    end_px = min(int(END_TASK_SHARE_OF_NAV * nav_px), int(CHOICE_SHARE_OF_HELP * help_px))
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
BigButton[role="nav"] {{ qproperty-targetWidth: {nav_px}; }}
BigLabel[role="body"], BigLabel[role="heading"], BigLabel[role="huge"] {{
    qproperty-lineSpacing: {LINE_SPACING};
}}
AnnouncementScreen {{ qproperty-smallestMessagePx: {smallest_message_px(rules, theme)}; }}
BigButton[{ENDS_TASK}="true"] {{
    qproperty-targetWidth: {end_px}; qproperty-targetHeight: {theme.nav_height_px};
}}
BigButton#{MAGNIFIER_SWITCH} {{ qproperty-targetWidth: {switch_px}; }}
ChoiceButton {{
    qproperty-targetHeight: {rules.mm_ceil(CHOICE_HEIGHT_MM)};
    qproperty-lineWidth: {int(rules.mm(min(CHOICE_LINE_MM, widest)))};
}}
ChoiceButton[tile="true"] {{
    qproperty-targetWidth: {int(rules.mm(min(TILE_WIDTH_MM, widest, tile_mm)))};
    qproperty-lineWidth: {int(rules.mm(min(TILE_LINE_MM, widest, half_mm)))};
}}
HomeScreen ChoiceButton[tile="true"] {{
    qproperty-targetWidth: {rules.target_px};
    qproperty-targetHeight: {rules.mm_ceil(HOME_TILE_HEIGHT_MM)};
    max-width: {int(rules.mm(widest))}px;
}}
BigButton#home_missed {{ max-width: {int(rules.mm(widest))}px; }}
"""


def kiosk_stylesheet(theme: Theme, rules: SizeRules) -> str:
    """The theme's stylesheet with the kiosk's rules added: what each kiosk screen carries
    (the application carries only the theme's palette, so that a change of look restyles
    the screen shown, not every screen of the kiosk)."""
    return theme.stylesheet() + kiosk_rules(rules, theme) + chosen_rules(theme)
