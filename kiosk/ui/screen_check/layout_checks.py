"""Checks on where controls are: big enough, far enough apart, and the fixed navigation
in its fixed place."""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QScrollBar, QWidget

from kiosk.ui.physical import SizeRules
from kiosk.ui.screen_check.findings import Finding, Rule
from kiosk.ui.screen_check.inventory import Item, window_rect
from kiosk.ui.widgets.nav_bar import NAV_HELP, NAV_OBJECT_NAMES
from kiosk.ui.widgets.properties import ENDS_TASK


def _size(rules: SizeRules, rect: QRect) -> str:
    return (f"{rect.width()}x{rect.height()} px "
            f"({rules.px_to_mm(rect.width()):.1f}x{rules.px_to_mm(rect.height()):.1f} mm)")


def target_size(screen: str, items: list[Item], rules: SizeRules) -> Iterator[Finding]:
    required = f">= {rules.target_px}x{rules.target_px} px (20x20 mm)"
    for item in items:
        rect = QRect(item.rect.topLeft(), item.whole_size)
        if item.is_control and min(rect.width(), rect.height()) < rules.target_px:
            yield Finding(screen, item.name, Rule.TARGET_SIZE, _size(rules, rect), required)


def gap_px(first: QRect, second: QRect) -> float:
    """Shortest distance between two rectangles' edges; 0 when they touch or overlap."""
    horizontal = max(0, second.x() - (first.x() + first.width()),
                     first.x() - (second.x() + second.width()))
    vertical = max(0, second.y() - (first.y() + first.height()),
                   first.y() - (second.y() + second.height()))
    return math.hypot(horizontal, vertical)


def target_spacing(screen: str, items: list[Item], rules: SizeRules) -> Iterator[Finding]:
    controls = [item for item in items if item.is_control]
    for index, first in enumerate(controls):
        for second in controls[index + 1:]:
            gap = gap_px(first.rect, second.rect)
            if gap < rules.spacing_px:
                yield Finding(screen, f"{first.name} / {second.name}", Rule.TARGET_SPACING,
                              f"{gap:.1f} px ({rules.px_to_mm(gap):.1f} mm) apart",
                              f">= {rules.spacing_px} px (4 mm)")


def outside_panel(screen: str, window: QWidget, items: list[Item],
                  panel: QRect) -> Iterator[Finding]:
    """The window is exactly the panel, and everything on it lies within the panel.

    A window whose contents need more room than the panel grows beyond it (Qt honours the
    minimum size); on the kiosk the part beyond the edge is simply not there.
    """
    if window.width() > panel.width() or window.height() > panel.height():
        yield Finding(screen, window.objectName() or type(window).__name__,
                      Rule.OUTSIDE_PANEL, f"{window.width()}x{window.height()} px window",
                      f"<= {panel.width()}x{panel.height()} px (the panel)")
    for item in items:
        if not panel.contains(item.rect):
            yield Finding(screen, item.name, Rule.OUTSIDE_PANEL, _where(item.rect),
                          f"inside {panel.width()}x{panel.height()} px (the panel)")


def overlaps(screen: str, items: list[Item]) -> Iterator[Finding]:
    """No two texts, controls or pictures are drawn over each other (one inside the other,
    like a label on a panel that holds it, is fine)."""
    for index, first in enumerate(items):
        for second in items[index + 1:]:
            common = first.rect.intersected(second.rect)
            if common.isEmpty():
                continue
            if first.widget.isAncestorOf(second.widget) or \
                    second.widget.isAncestorOf(first.widget):
                continue
            yield Finding(screen, f"{first.name} / {second.name}", Rule.OVERLAP,
                          f"{common.width()}x{common.height()} px drawn over each other",
                          "no overlap")


def needless_paging(screen: str, window: QWidget, rules: SizeRules) -> Iterator[Finding]:
    """A list split over pages (a widget with `page_count` and `buttons`, like ChoicePages)
    shows no empty band, right of or below its choices, that one of the choices it put on
    another page would fit in: below, at the height of the tallest choice shown; beside,
    at a width its longest word fits in and the height its words then need."""
    for pager in window.findChildren(QWidget):
        count = getattr(pager, "page_count", 0)
        buttons = getattr(pager, "buttons", None)
        if not isinstance(count, int) or count <= 1 or not isinstance(buttons, list):
            continue
        if not pager.isVisibleTo(window):
            continue
        shown = [b for b in buttons if b.isVisibleTo(window)]
        hidden = [b for b in buttons if not b.isVisibleTo(window)]
        if not shown or not hidden:
            continue
        right = max(b.geometry().right() for b in shown)
        bottom = max(b.geometry().bottom() for b in shown)
        pager_top = min((w.geometry().top() for w in pager.findChildren(QWidget)
                         if w.isVisibleTo(window) and w not in buttons
                         and w.geometry().top() > bottom), default=pager.height())
        # A choice placed there keeps the usual 6 mm from its neighbours.
        free_width = pager.width() - right - 1 - rules.gap_px
        free_height = pager_top - bottom - 1 - 2 * rules.gap_px
        tallest_shown = max(b.height() for b in shown)
        fits_beside = any(b.minimumSizeHint().width() <= free_width
                          and b.heightForWidth(free_width) <= pager_top for b in hidden)
        if fits_beside or tallest_shown <= free_height:
            name = pager.objectName() or type(pager).__name__
            yield Finding(screen, name, Rule.NEEDLESS_PAGING,
                          f"page 1 of {count} with {max(0, free_width)}x"
                          f"{max(0, free_height)} px free beside and below the choices",
                          "every choice on one page while they fit")


def nav_geometry(window: QWidget) -> dict[str, QRect]:
    """Where Home, Back and Help are in `window` (those that are shown)."""
    found: dict[str, QRect] = {}
    for name in NAV_OBJECT_NAMES:
        for widget in window.findChildren(QWidget, name):
            if widget.isVisibleTo(window):
                found[name] = window_rect(widget, window)
                break
    return found


def fixed_navigation(screen: str, window: QWidget, items: list[Item],
                     reference: Mapping[str, QRect] | None, *,
                     help_largest: bool = True) -> Iterator[Finding]:
    """Home, Back and Help are present, where the reference screen has them, and Help is
    the largest control."""
    present = nav_geometry(window)
    for name in NAV_OBJECT_NAMES:
        rect = present.get(name)
        if rect is None:
            yield Finding(screen, name, Rule.NAV_MISSING, "not shown",
                          "shown on every screen")
        elif reference is not None and name in reference and reference[name] != rect:
            expected = reference[name]
            yield Finding(screen, name, Rule.NAV_MOVED, _where(rect), _where(expected))
    help_rect = present.get(NAV_HELP)
    if help_rect is None or not help_largest:
        return
    help_area = help_rect.width() * help_rect.height()
    for item in items:
        if not _sized_by_the_design(item) or item.widget.objectName() == NAV_HELP:
            continue
        if item.widget.property("content_choice"):
            # A service, category or question from the branch's content must show all of
            # its words, however many; its area is not the design's to bound (0016).
            continue
        area = _area(item)
        if area >= help_area:
            yield Finding(screen, item.name, Rule.HELP_NOT_LARGEST, f"{area} px²",
                          f"< {help_area} px² (the Help button)")


def _area(item: Item) -> int:
    size = item.whole_size
    return size.width() * size.height()


def _sized_by_the_design(item: Item) -> bool:
    """A control whose size the order of sizes (Help, then the task's end, then the rest)
    bounds. A scroll bar is as tall as the content it scrolls is long; its width keeps the
    target-size rule like any control's, its length is no sign of importance."""
    return item.is_control and not isinstance(item.widget, QScrollBar)


def task_end_largest(screen: str, items: list[Item]) -> Iterator[Finding]:
    """The control that ends the task (property `ENDS_TASK`) is larger than every other
    control on the screen but Help, so the way out of a task is the easiest thing to hit.
    Controls partly scrolled out of view count at their whole size."""
    ends = [item for item in items if item.is_control and item.widget.property(ENDS_TASK)]
    for end in ends:
        end_area = _area(end)
        for item in items:
            if not _sized_by_the_design(item) or item is end \
                    or item.widget.objectName() == NAV_HELP:
                continue
            area = _area(item)
            if area >= end_area:
                yield Finding(screen, item.name, Rule.END_NOT_LARGEST, f"{area} px²",
                              f"< {end_area} px² ({end.name}, which ends the task)")


def _where(rect: QRect) -> str:
    return f"{rect.width()}x{rect.height()} at ({rect.x()}, {rect.y()})"
