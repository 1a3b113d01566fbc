"""Running the screen check (accessibility) on a window, and failing a test with its findings.

Usage in a test, for each state of each screen:

    options = CheckOptions(rules=size_rules(config.screen), language="zh_CN",
                           is_translated=catalogue_check, nav_reference=reference)
    assert_accessible(window, "ticket/printed", options)

The window is laid out at the configured resolution, rendered offscreen once, and every
visible control and text is measured in that picture; then each control is focused in turn
to look at its focus ring. `nav_reference` (from `nav_reference()` on one screen) makes the
screen check verify that Home, Back and Help are exactly there on every other screen.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from PySide6.QtCore import QRect
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget

from kiosk.ui.physical import SizeRules
from kiosk.ui.render import shown_at, unfocused
from kiosk.ui.screen_check import body_text, colour_checks, layout_checks, text_checks
from kiosk.ui.screen_check.findings import Finding, Rule
from kiosk.ui.screen_check.inventory import Item, inventory, window_rect
from kiosk.ui.screen_check.text_checks import TranslationCheck
from kiosk.ui.widgets.properties import OVER_THE_SCREEN

TEXT_CONTRAST = 7.0
"""WCAG 1.4.6 (AAA): the kiosk's users see poorly."""
FOCUS_CONTRAST = 3.0
"""WCAG 1.4.11 and 2.4.13; also a button's fill against the page."""


@dataclass(frozen=True)
class CheckOptions:
    rules: SizeRules
    """The configured screen's size rules; the window is checked at its resolution."""
    larger_text: bool = False
    """Check against the "larger text" size (1.4 times) instead of the minimum."""
    min_text_contrast: float = TEXT_CONTRAST
    min_focus_contrast: float = FOCUS_CONTRAST
    language: str | None = None
    is_translated: TranslationCheck | None = None
    """`is_translated(text, language)`; with `language`, flags text not in it."""
    nav_reference: Mapping[str, QRect] | None = None
    """Where Home, Back and Help must be (window coordinates), from `nav_reference()`."""
    expect_nav: bool = True
    help_largest: bool = True
    """Check that no control is as large as Help (off for the pseudo-language: see
    docs/decisions/0016)."""
    check_focus: bool = True
    seen: colour_checks.Seen | None = None
    """Give one dict to every check of a run over many screens: a control focused (or
    chosen) once is not focused again where it is drawn exactly the same."""
    skip: frozenset[Rule] = frozenset()
    """Rules not reported: for a test about one rule on a sample styled by a theme that
    does not meet another yet. The kiosk's own screens are checked against every rule."""
    text_heights: dict[str, float] | None = None
    """Filled in by the check when given: every text's glyph height, by widget name (to
    compare a screen's larger-text rendering with its normal one, `text_checks.shrunk_text`)."""


def nav_reference(window: QWidget, rules: SizeRules) -> dict[str, QRect]:
    """Where Home, Back and Help are on `window` at the configured resolution."""
    with shown_at(window, (rules.width_px, rules.height_px)):
        return layout_checks.nav_geometry(window)


def check_window(window: QWidget, screen: str, options: CheckOptions) -> list[Finding]:
    """Every accessibility finding on `window`, named `screen` in the findings."""
    rules = options.rules
    with shown_at(window, (rules.width_px, rules.height_px)), unfocused(window):
        image = window.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
        items = inventory(window)
        minimum_text = rules.larger_text_px if options.larger_text else rules.min_text_px
        panel = QRect(0, 0, rules.width_px, rules.height_px)
        if options.text_heights is not None:
            options.text_heights.update(text_checks.text_heights(items))
        seen = _not_covered(window, items)  # the colour checks judge what shows
        findings = [
            *layout_checks.outside_panel(screen, window, items, panel),
            *layout_checks.overlaps(screen, items),
            *layout_checks.needless_paging(screen, window, rules),
            *text_checks.text_size(screen, items, rules, minimum_text),
            *text_checks.clipped_text(screen, items, panel),
            *text_checks.elided_text(screen, items),
            *text_checks.crushed_text(screen, items),
            *text_checks.accessible_names(screen, items, options.language,
                                          options.is_translated),
            *layout_checks.target_size(screen, items, rules),
            *layout_checks.target_spacing(screen, items, rules),
            *colour_checks.text_contrast(screen, seen, image, options.min_text_contrast),
            *colour_checks.fill_contrast(screen, seen, image, _margin(options),
                                         options.min_focus_contrast),
            *body_text.body_text(screen, seen, image, rules, minimum_text),
            *layout_checks.task_end_largest(screen, items),
        ]
        if options.expect_nav:
            findings.extend(layout_checks.fixed_navigation(screen, window, items,
                                                           options.nav_reference,
                                                           help_largest=options.help_largest))
        if options.check_focus:
            findings.extend(_focus_findings(screen, window, seen, image, options))
    return [finding for finding in findings if finding.rule not in options.skip]


def _not_covered(window: QWidget, items: list[Item]) -> list[Item]:
    """The items no widget drawn over the screen (`OVER_THE_SCREEN`) covers."""
    covers = [window_rect(widget, window) for widget in window.findChildren(QWidget)
              if widget.property(OVER_THE_SCREEN) and widget.isVisibleTo(window)]
    return [item for item in items
            if item.widget.property(OVER_THE_SCREEN) is not True
            and not any(item.rect.intersects(cover) for cover in covers)]


def _focus_findings(screen: str, window: QWidget, items: list[Item], image: QImage,
                    options: CheckOptions) -> list[Finding]:
    if not window.isActiveWindow():
        return [Finding(screen, window.objectName() or type(window).__name__,
                        Rule.FOCUS_VISIBLE, "not checked: the window could not be activated",
                        "an active window (run on the offscreen platform)")]
    findings = list(colour_checks.focus_rings(screen, window, items, image, _margin(options),
                                              options.min_focus_contrast, options.seen))
    findings.extend(colour_checks.chosen_unlike_focused(screen, window, items, image,
                                                        options.min_focus_contrast,
                                                        options.seen))
    return findings


def _margin(options: CheckOptions) -> int:
    """How far around a control the page behind it is looked at (half the 4 mm gap)."""
    return max(1, options.rules.spacing_px // 2)


def assert_accessible(window: QWidget, screen: str, options: CheckOptions) -> None:
    """Fail (AssertionError listing every finding) unless `window` passes the screen check."""
    findings = check_window(window, screen, options)
    if findings:
        listing = "\n".join(f"  {finding}" for finding in findings)
        raise AssertionError(f"{len(findings)} accessibility finding(s):\n{listing}")
