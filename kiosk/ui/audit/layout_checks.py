"""Checks on where controls are: big enough, far enough apart, and the fixed navigation
in its fixed place."""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QWidget

from kiosk.ui.audit.findings import Finding, Rule
from kiosk.ui.audit.inventory import Item, window_rect
from kiosk.ui.physical import SizeRules
from kiosk.ui.widgets.nav_bar import NAV_HELP, NAV_OBJECT_NAMES


def _size(rules: SizeRules, rect: QRect) -> str:
    return (f"{rect.width()}x{rect.height()} px "
            f"({rules.px_to_mm(rect.width()):.1f}x{rules.px_to_mm(rect.height()):.1f} mm)")


def target_size(screen: str, items: list[Item], rules: SizeRules) -> Iterator[Finding]:
    required = f">= {rules.target_px}x{rules.target_px} px (20x20 mm)"
    for item in items:
        if item.is_control and min(item.rect.width(), item.rect.height()) < rules.target_px:
            yield Finding(screen, item.name, Rule.TARGET_SIZE, _size(rules, item.rect),
                          required)


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
                     reference: Mapping[str, QRect] | None) -> Iterator[Finding]:
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
    if help_rect is None:
        return
    help_area = help_rect.width() * help_rect.height()
    for item in items:
        if not item.is_control or item.widget.objectName() == NAV_HELP:
            continue
        area = item.rect.width() * item.rect.height()
        if area >= help_area:
            yield Finding(screen, item.name, Rule.HELP_NOT_LARGEST, f"{area} px²",
                          f"< {help_area} px² (the Help button)")


def _where(rect: QRect) -> str:
    return f"{rect.width()}x{rect.height()} at ({rect.x()}, {rect.y()})"
