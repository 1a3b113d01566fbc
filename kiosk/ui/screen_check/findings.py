"""What the screen check reports: one Finding per broken rule per widget."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Rule(StrEnum):
    """The rules of DESIGN.md's accessibility table that the screen check can check on pixels."""

    TEXT_SIZE = "text-size"
    """A rendered H or 中 is shorter than 0.7 degrees at the viewing distance."""
    TARGET_SIZE = "target-size"
    """A control is smaller than 20 mm on a side."""
    TARGET_SPACING = "target-spacing"
    """Two controls are closer than 4 mm."""
    TEXT_CONTRAST = "text-contrast"
    """Rendered text against its background is below 7:1."""
    FOCUS_VISIBLE = "focus-visible"
    """Focusing a control changes too few pixels (or none) to be seen."""
    FOCUS_CONTRAST = "focus-contrast"
    """The focus ring is below 3:1 against the control or against its surroundings."""
    CLIPPED_TEXT = "clipped-text"
    """Text needs more room than its widget has, or its widget is partly hidden."""
    ELIDED_TEXT = "elided-text"
    """Displayed text contains an ellipsis: something was cut short."""
    ACCESSIBLE_NAME = "accessible-name"
    """A control has no accessible name for screen readers and speech."""
    UNTRANSLATED = "untranslated"
    """A text or accessible name is not in the screen's language."""
    NAV_MISSING = "nav-missing"
    """Home, Back or Help is not on the screen."""
    NAV_MOVED = "nav-moved"
    """Home, Back or Help is not where it is on the reference screen."""
    HELP_NOT_LARGEST = "help-not-largest"
    """Some other control is at least as large as Help."""
    OUTSIDE_PANEL = "outside-panel"
    """The window, or something on it, reaches beyond the configured panel."""
    OVERLAP = "overlap"
    """Two texts, controls or pictures are drawn over each other."""
    NEEDLESS_PAGING = "needless-paging"
    """Choices are split over pages while the screen has room to show more of them."""
    TEXT_SHRINKS = "text-shrinks"
    """A text is smaller with larger text switched on than without."""
    FILL_CONTRAST = "fill-contrast"
    """A button's fill is below 3:1 against the page around it (an outline alone does not
    mark a button)."""
    END_NOT_LARGEST = "end-not-largest"
    """Some control other than Help is at least as large as the one that ends the task."""
    BODY_TEXT_SIZE = "body-text-size"
    """Body text (a label of several lines) is below 1.2 times the minimum glyph height."""
    LINE_SPACING = "line-spacing"
    """Lines of body text are closer than 1.5 times the font size."""
    CHOSEN_LIKE_FOCUSED = "chosen-like-focused"
    """A choice looks the same focused (not chosen) as chosen."""
    CRUSHED_TEXT = "crushed-text"
    """A text of several characters is squeezed into a column about one character wide
    ("您/的/号/码"): all of it shows, none of it reads as words."""


@dataclass(frozen=True)
class Finding:
    """One broken rule: where, which rule, what was measured and what is required."""

    screen: str
    widget: str
    """The widget's object name, or its class and the start of its text."""
    rule: Rule
    measured: str
    required: str

    def __str__(self) -> str:
        return (f"{self.screen}: {self.widget}: {self.rule.value}: measured {self.measured}, "
                f"required {self.required}")
