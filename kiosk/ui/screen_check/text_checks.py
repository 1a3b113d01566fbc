"""Checks on words: big enough, whole, named, and in the screen's language."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QAccessible, QFontMetrics
from PySide6.QtWidgets import QAbstractButton, QLabel, QPushButton

from kiosk.ui.physical import SizeRules
from kiosk.ui.screen_check.findings import Finding, Rule
from kiosk.ui.screen_check.glyphs import smallest_glyph_height_px
from kiosk.ui.screen_check.inventory import Item, push_button_contents

ELLIPSES = ("\u2026", "...")
_UNBOUNDED = 1_000_000

TranslationCheck = Callable[[str, str], bool]
"""`is_translated(text, language)`: False when `text` is not in `language`."""


def _mm(rules: SizeRules, pixels: float) -> str:
    return f"{pixels:.1f} px ({rules.px_to_mm(pixels):.1f} mm)"


def text_size(screen: str, items: list[Item], rules: SizeRules,
              minimum_px: float) -> Iterator[Finding]:
    """Every text's H or 中, rendered in the widget's own font, reaches `minimum_px`."""
    for item in items:
        if not item.text:
            continue
        height = smallest_glyph_height_px(item.widget.font(), item.text)
        if height is not None and height < minimum_px:
            yield Finding(screen, item.name, Rule.TEXT_SIZE, _mm(rules, height),
                          f">= {_mm(rules, minimum_px)}")


def text_heights(items: list[Item]) -> dict[str, float]:
    """Each text's smallest reference glyph height, by the name findings give its widget."""
    heights: dict[str, float] = {}
    for item in items:
        height = smallest_glyph_height_px(item.widget.font(), item.text) if item.text else None
        if height is not None:
            heights[item.name] = min(height, heights.get(item.name, height))
    return heights


def shrunk_text(screen: str, normal: dict[str, float], larger: dict[str, float],
                rules: SizeRules) -> Iterator[Finding]:
    """No text shown with both text sizes is smaller with larger text than without."""
    for name, height in larger.items():
        before = normal.get(name)
        if before is not None and height < before - 0.01:
            yield Finding(screen, name, Rule.TEXT_SHRINKS, f"{_mm(rules, height)} larger",
                          f">= {_mm(rules, before)} (its normal size)")


def _needed_and_available(item: Item) -> tuple[str, str] | None:
    """(needed, available) sizes when the widget's text does not fit it, else None."""
    widget = item.widget
    text_fits = getattr(widget, "text_fits", None)
    if callable(text_fits):
        return None if text_fits() else ("more room", f"{widget.width()}x{widget.height()} px")
    metrics = QFontMetrics(widget.font())
    if isinstance(widget, QLabel) and widget.textFormat() != Qt.TextFormat.RichText:
        room = widget.contentsRect()
        flags = int(widget.alignment())
        if widget.wordWrap():
            flags |= int(Qt.TextFlag.TextWordWrap)
        needed = metrics.boundingRect(QRect(0, 0, room.width(), _UNBOUNDED), flags, item.text)
    elif isinstance(widget, QPushButton):
        room = push_button_contents(widget)
        needed = metrics.boundingRect(QRect(0, 0, _UNBOUNDED, _UNBOUNDED), 0, item.text)
        if not widget.icon().isNull():
            needed.setWidth(needed.width() + widget.iconSize().width() + 4)
    elif isinstance(widget, QAbstractButton):
        room = widget.contentsRect()
        needed = metrics.boundingRect(QRect(0, 0, _UNBOUNDED, _UNBOUNDED), 0, item.text)
    else:
        return None
    if needed.width() <= room.width() and needed.height() <= room.height():
        return None
    return (f"{needed.width()}x{needed.height()} px", f"{room.width()}x{room.height()} px")


def clipped_text(screen: str, items: list[Item], window_rect: QRect) -> Iterator[Finding]:
    """No text is cut off: by its own widget, by a parent, or by the window's edge."""
    for item in items:
        if not item.text:
            continue
        shown = item.widget.visibleRegion().boundingRect()
        cut = shown.size() != (item.rect.size() if item.scrolled else item.widget.size())
        if not window_rect.contains(item.rect) or cut:
            yield Finding(screen, item.name, Rule.CLIPPED_TEXT,
                          f"{shown.width()}x{shown.height()} px visible",
                          f"all {item.rect.width()}x{item.rect.height()} px visible")
            continue
        problem = _needed_and_available(item)
        if problem is not None:
            needed, available = problem
            yield Finding(screen, item.name, Rule.CLIPPED_TEXT, f"needs {needed}",
                          f"fits in {available}")


CRUSHED_CHARACTERS_A_LINE = 1.5
"""Fewer characters a line than this, on average, is a column too narrow to read."""


def crushed_text(screen: str, items: list[Item]) -> Iterator[Finding]:
    """No text of three or more characters goes down the screen a character or so a line
    (a widget that can say how many lines its text takes: the kiosk's labels and
    buttons)."""
    for item in items:
        shown_lines = getattr(item.widget, "shown_lines", None)
        characters = len("".join(item.text.split()))
        if not callable(shown_lines) or characters < 3:
            continue
        lines = shown_lines()
        if lines > 1 and characters / lines < CRUSHED_CHARACTERS_A_LINE:
            yield Finding(screen, item.name, Rule.CRUSHED_TEXT,
                          f"{characters} characters in {lines} lines",
                          f">= {CRUSHED_CHARACTERS_A_LINE} characters a line")


def elided_text(screen: str, items: list[Item]) -> Iterator[Finding]:
    for item in items:
        if any(ellipsis in item.text for ellipsis in ELLIPSES):
            yield Finding(screen, item.name, Rule.ELIDED_TEXT, repr(item.text),
                          "the whole text, without an ellipsis")


def accessible_name(item: Item) -> str:
    """What a screen reader (and the kiosk's speech) calls the control."""
    interface = QAccessible.queryAccessibleInterface(item.widget)
    name = interface.text(QAccessible.Text.Name) if interface is not None else ""
    return (name or item.widget.accessibleName()).strip()


def accessible_names(screen: str, items: list[Item], language: str | None,
                     is_translated: TranslationCheck | None) -> Iterator[Finding]:
    """Every control has a name; with a language and a check, names and texts are in it."""
    for item in items:
        name = accessible_name(item) if item.is_control else ""
        if item.is_control and not name:
            yield Finding(screen, item.name, Rule.ACCESSIBLE_NAME, "no name",
                          "a name saying what the control does")
        if language is None or is_translated is None:
            continue
        checked = {"accessible name": name}
        if item.text != name:
            checked["text"] = item.text
        for kind, text in checked.items():
            if text and not is_translated(text, language):
                yield Finding(screen, item.name, Rule.UNTRANSLATED, f"{kind} {text!r}",
                              f"text in {language}")
