"""Checks on rendered colours: text against its background, and the focus ring.

Text: the background is the commonest colour on the frame of the text's area (text rarely
touches the frame), the text colour the strongest-contrasting colour with enough pixels
inside it. The ratio must reach 7:1 (WCAG 1.4.6).

Focus: each control is focused in turn and its surroundings re-rendered. The pixels that
changed by at least 3:1 are the ring; there must be at least a 2 px ring's worth of them
(WCAG 2.4.13's area), and the ring's colour must reach 3:1 against both the control's face
and the colour around the control, so the ring shows wherever it is drawn.

Fill: a button's commonest colour (its fill) reaches 3:1 against the commonest colour of
the page just around it (WCAG 1.4.11): an outline alone does not mark a button for eyes
that see edges poorly.

Chosen: a choice that can be chosen (a checkable button) is rendered focused but not chosen,
and chosen but not focused; the two pictures must differ by a focus ring's worth of pixels
at 3:1, or a keypad user cannot tell "here" from "picked".
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import replace

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QPushButton,
    QScrollBar,
    QWidget,
)

from kiosk.ui.screen_check.findings import Finding, Rule
from kiosk.ui.screen_check.glyphs import reference_glyphs
from kiosk.ui.screen_check.inventory import Item, push_button_contents
from kiosk.ui.screen_check.pixels import (
    band_counts,
    changed_pixels,
    colour_counts,
    dominant,
    edge_counts,
    hex_colour,
    pixel_contrast,
    region_pixels,
    sampled_counts,
    text_colour,
)

_TEXT_AREA_SLACK = 4
"""Pixels added left and right of a tight text area, so its frame is background."""
_MIN_RING_THICKNESS = 2


def text_area(item: Item) -> QRect:
    """Where the item's text is drawn, in window coordinates."""
    widget = item.widget
    text_rect = getattr(widget, "text_rect", None)
    if callable(text_rect):
        area: QRect = text_rect().adjusted(-_TEXT_AREA_SLACK, 0, _TEXT_AREA_SLACK, 0)
        area = area.intersected(widget.rect())
    elif isinstance(widget, QPushButton):
        area = push_button_contents(widget)
    elif isinstance(widget, QLabel):
        area = widget.contentsRect()
    else:
        area = widget.rect()
    return area.translated(item.rect.topLeft())


def text_contrast(screen: str, items: list[Item], image: QImage,
                  minimum: float) -> Iterator[Finding]:
    for item in items:
        if not item.text or not reference_glyphs(item.text):
            continue
        area = text_area(item)
        if item.scrolled:  # only the part in view is on the screen to measure
            area = area.intersected(item.rect)
            if area.height() < item.widget.fontMetrics().height():
                continue
        background = dominant(edge_counts(image, area))
        if background is None:
            continue
        colour = text_colour(colour_counts(image, area), background)
        if colour is None and item.scrolled:
            continue  # its text lies in the part scrolled out of view
        if colour is None:
            yield Finding(screen, item.name, Rule.TEXT_CONTRAST,
                          f"1.0:1 (no text pixels on {hex_colour(background)})",
                          f">= {minimum:g}:1")
            continue
        ratio = pixel_contrast(colour, background)
        if ratio < minimum:
            yield Finding(screen, item.name, Rule.TEXT_CONTRAST,
                          f"{ratio:.2f}:1 ({hex_colour(colour)} on {hex_colour(background)})",
                          f">= {minimum:g}:1")


def _takes_keyboard_focus(widget: QWidget) -> bool:
    return bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus) and widget.isEnabled()


Seen = dict[tuple[object, ...], list[Finding]]
"""What focusing (or choosing) a control showed, by the control, its place and the exact
pixels around it unfocused: the same control drawn the same way looks the same focused, so
Home, Back and Help, which are on every screen, are focused once per look, not once per
screen. A run over many screens passes one dict to every check (`CheckOptions.seen`)."""


def _seen_key(kind: str, item: Item, region: QRect, base: QImage) -> tuple[object, ...]:
    return (kind, item.widget, region.getRect(), bytes(region_pixels(base, region)))


def _recalled(seen: Seen | None, key: tuple[object, ...], screen: str) -> list[Finding] | None:
    if seen is None or key not in seen:
        return None
    return [replace(finding, screen=screen) for finding in seen[key]]


def focus_rings(screen: str, window: QWidget, items: list[Item], base: QImage,
                margin: int, minimum: float, seen: Seen | None = None) -> Iterator[Finding]:
    """Focus each enabled control in turn; `base` is the window rendered with no focus.

    Leaves the last control focused; the caller restores focus (see render.unfocused).
    """
    window_area = window.rect()
    try:
        for item in items:
            if not item.is_control or not item.widget.isEnabled():
                continue
            if isinstance(item.widget, QScrollBar):
                # Tab moves through the scrolled controls themselves, and the scroll area
                # scrolls to each one: the bar is for fingers, not the keypad.
                continue
            if not _takes_keyboard_focus(item.widget):
                yield Finding(screen, item.name, Rule.FOCUS_VISIBLE, "no keyboard focus",
                              "reachable with Tab and visibly focused")
                continue
            region = item.rect.adjusted(-margin, -margin, margin, margin).intersected(
                window_area)
            key = _seen_key("focus", item, region, base)
            recalled = _recalled(seen, key, screen)
            if recalled is not None:
                yield from recalled
                continue
            item.widget.setFocus(Qt.FocusReason.TabFocusReason)
            if not item.widget.hasFocus():
                found = [Finding(screen, item.name, Rule.FOCUS_VISIBLE, "did not take focus",
                                 "reachable with Tab and visibly focused")]
            else:
                focused = window.grab(region).toImage().convertToFormat(
                    QImage.Format.Format_RGB32)
                found = list(_judge_ring(screen, item, base, region, focused, margin,
                                         minimum))
            if seen is not None:
                seen[key] = found
            yield from found
    finally:
        focus_widget = QApplication.focusWidget()
        if focus_widget is not None and window.isAncestorOf(focus_widget):
            focus_widget.clearFocus()


def _judge_ring(screen: str, item: Item, base: QImage, region: QRect, focused: QImage,
                margin: int, minimum: float) -> Iterator[Finding]:
    before = region_pixels(base, region)
    after = region_pixels(focused, focused.rect())
    ring: Counter[int] = Counter()
    for (old, new), count in changed_pixels(before, after).items():
        if pixel_contrast(old, new) >= minimum:
            ring[new] += count
    needed = _MIN_RING_THICKNESS * 2 * (item.rect.width() + item.rect.height())
    changed = sum(ring.values())
    if changed < needed:
        yield Finding(screen, item.name, Rule.FOCUS_VISIBLE,
                      f"{changed} px change by >= {minimum:g}:1 on focus",
                      f">= {needed} px (a {_MIN_RING_THICKNESS} px ring)")
        return
    ring_colour = ring.most_common(1)[0][0]
    neighbours = (("the control", dominant(sampled_counts(base, item.rect))),
                  ("its surroundings", dominant(band_counts(base, item.rect, margin))))
    for what, colour in neighbours:
        if colour is None:
            continue
        ratio = pixel_contrast(ring_colour, colour)
        if ratio < minimum:
            yield Finding(screen, item.name, Rule.FOCUS_CONTRAST,
                          f"{ratio:.2f}:1 ({hex_colour(ring_colour)} against {what}, "
                          f"{hex_colour(colour)})", f">= {minimum:g}:1")


def fill_contrast(screen: str, items: list[Item], image: QImage, margin: int,
                  minimum: float) -> Iterator[Finding]:
    """Every push button's fill against the page around it."""
    for item in items:
        if not item.is_control or not isinstance(item.widget, QPushButton) or item.scrolled:
            continue
        fill = dominant(sampled_counts(image, item.rect))
        page = dominant(band_counts(image, item.rect, margin))
        if fill is None or page is None:
            continue
        ratio = pixel_contrast(fill, page)
        if ratio < minimum:
            yield Finding(screen, item.name, Rule.FILL_CONTRAST,
                          f"{ratio:.2f}:1 ({hex_colour(fill)} on {hex_colour(page)})",
                          f">= {minimum:g}:1")


def _grab(window: QWidget, rect: QRect) -> QImage:
    QApplication.processEvents()
    return window.grab(rect).toImage().convertToFormat(QImage.Format.Format_RGB32)


def chosen_unlike_focused(screen: str, window: QWidget, items: list[Item], base: QImage,
                          minimum: float, seen: Seen | None = None) -> Iterator[Finding]:
    """Each checkable control that is not chosen, focused, against itself chosen and not
    focused; `base` is the window rendered with no focus. Leaves every control as it found
    it, unfocused."""
    for item in items:
        button = item.widget
        if not isinstance(button, QAbstractButton) or not button.isCheckable() \
                or button.isChecked() or not button.isEnabled() or item.scrolled:
            continue
        key = _seen_key("chosen", item, item.rect, base)
        recalled = _recalled(seen, key, screen)
        if recalled is None:
            recalled = list(_compare_chosen(screen, window, item, button, minimum))
            if seen is not None:
                seen[key] = recalled
        yield from recalled


def _compare_chosen(screen: str, window: QWidget, item: Item, button: QAbstractButton,
                minimum: float) -> Iterator[Finding]:
    button.setFocus(Qt.FocusReason.TabFocusReason)
    focused = _grab(window, item.rect)
    button.clearFocus()
    button.setChecked(True)
    try:
        chosen = _grab(window, item.rect)
    finally:
        button.setChecked(False)
        QApplication.processEvents()
    differing = sum(count for (old, new), count in changed_pixels(
        region_pixels(focused, focused.rect()),
        region_pixels(chosen, chosen.rect())).items()
        if pixel_contrast(old, new) >= minimum)
    needed = _MIN_RING_THICKNESS * 2 * (item.rect.width() + item.rect.height())
    if differing < needed:
        yield Finding(screen, item.name, Rule.CHOSEN_LIKE_FOCUSED,
                      f"{differing} px differ by >= {minimum:g}:1 between focused and "
                      "chosen", f">= {needed} px (a {_MIN_RING_THICKNESS} px ring)")
