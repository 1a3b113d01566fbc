"""The base of every kiosk screen: a content area above the fixed Home/Back/Help strip.

A screen is a ScreenFrame subclass. It puts its widgets into `content_layout` and never
builds navigation of its own, so Home, Back and Help are identical on every screen for free.

Language switching, the pattern every screen follows:

- widgets are given texts that are already translated (`tr()` / `kiosk.ui.strings`), and
  never translate anything themselves;
- a screen overrides `retranslate()` and sets every one of its texts there, and calls it
  once at the end of its own `__init__`;
- when the language changes Qt sends `QEvent.LanguageChange` to every widget; ScreenFrame
  answers by giving the strip its new words and calling `retranslate()` again. A hidden
  screen keeps the event for when it is next shown (`catch_up_language`), so a switch
  re-words the screen on the glass, not every screen of the program.

One method holds all of a screen's texts, so a text cannot be set at start and then be
forgotten on a switch.

The content sits in a scroll area that never scrolls sideways. On a panel or at a text size
where a screen's words need more height than the panel has, the content scrolls, with a
scroll bar as wide as a touch target, and the strip stays where it is: nothing can push
Home, Back or Help off the bottom or out of place. Choices fill the room they are given
(ChoicePages), so a screen of choices pages only when the space is really used up.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import Property, QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

# Imported under another name on purpose: pyside6-lupdate reads any call spelled
# `translate(context, text)` as a new source text, and here the second argument is a
# vocabulary key ("home"), not English text.
from kiosk.ui.strings import vocabulary_text
from kiosk.ui.widgets.nav_bar import FixedNavBar, NavTexts


def vocabulary_nav_texts() -> NavTexts:
    """The strip's words from the shared vocabulary, in the current language."""
    return NavTexts(
        home=vocabulary_text("Navigation", "home"),
        back=vocabulary_text("Navigation", "back"),
        help=vocabulary_text("Navigation", "help_button"),
        help_description=vocabulary_text("Navigation", "help_button_description"),
    )


class ScreenFrame(QWidget):
    """Content area plus the fixed navigation strip; override `retranslate()`."""

    homeRequested = Signal()
    backRequested = Signal()
    helpRequested = Signal()

    def __init__(self, parent: QWidget | None = None, *,
                 nav_texts: Callable[[], NavTexts] = vocabulary_nav_texts) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self._nav_texts = nav_texts
        self._help_text: Callable[[], str | None] | None = None
        self._gap = 0
        self._language_due = False
        """A language switch came while the screen was hidden: taken when it is shown."""
        self._taking_language = False
        self.scroller = QScrollArea(self)
        self.scroller.setObjectName("screen_scroller")
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.scroller.setWidgetResizable(True)
        self.scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroller.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # The content takes what the strip leaves, however little: Qt's own minimum for a
        # scroll area (its scroll bar's preferred height, 320 px with the kiosk's 20 mm
        # handle) would make a window with a two-row strip taller than a small panel.
        self.scroller.setMinimumHeight(1)
        self.scroller.viewport().setAutoFillBackground(False)
        self.content = QWidget()
        self.content.setObjectName("screen_content")
        self.content_layout = QVBoxLayout(self.content)
        self.scroller.setWidget(self.content)
        self.nav = FixedNavBar(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.scroller, 1)
        layout.addWidget(self.nav)
        self.nav.home_button.clicked.connect(self.homeRequested)
        self.nav.back_button.clicked.connect(self.backRequested)
        self.nav.help_button.clicked.connect(self.helpRequested)
        self._set_nav_texts()
        self.set_scroll_name(vocabulary_text("Navigation", "scroll"))

    def retranslate(self) -> None:
        """Set every text of the screen in the current language. Screens override this."""

    def set_help_text(self, text: Callable[[], str | None] | None) -> None:
        """What Help says instead of its usual words while something is happening (a call
        being raised, staff on the way): a function giving the words in the current
        language, or None for its usual words. Its place and size stay the same."""
        self._help_text = text
        self._set_nav_texts()

    def _set_nav_texts(self) -> None:
        texts = self._nav_texts()
        state = self._help_text() if self._help_text is not None else None
        self.nav.set_texts(replace(texts, help=state) if state else texts)

    def set_scroll_name(self, name: str) -> None:
        """The scroll bar's accessible name, translated (ScreenFrame itself has no words)."""
        self.scroller.verticalScrollBar().setAccessibleName(name)

    def showEvent(self, event: QShowEvent) -> None:
        self.catch_up_language()
        super().showEvent(event)
        self._put_navigation_last_in_tab_order()

    def event(self, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.LanguageChange and not self.isVisible()
                and not self._taking_language):
            # Kept from this screen and everything in it until it is shown: Qt would
            # otherwise re-word every hidden screen (most of a language switch's time).
            self._language_due = True
            return True
        return super().event(event)

    def catch_up_language(self) -> bool:
        """Take a language switch that came while the screen was hidden (before it is
        shown or read). Returns whether there was one."""
        if not self._language_due:
            return False
        self._language_due = False
        self._taking_language = True
        try:
            QCoreApplication.sendEvent(self, QEvent(QEvent.Type.LanguageChange))
        finally:
            self._taking_language = False
        return True

    def _put_navigation_last_in_tab_order(self) -> None:
        """Tab follows reading order: the content top to bottom, then Home, Back, Help.

        The strip is built first (here), so Qt would put it first in the tab order; it is
        moved behind the content's last control every time the screen is shown, which also
        covers controls a screen adds later. Controls for staff only (property
        ``staff_only``) go after the customer's, just before the strip.
        """
        home, back, help_button = (self.nav.home_button, self.nav.back_button,
                                   self.nav.help_button)
        last_in_content: QWidget | None = None
        staff_only: list[QWidget] = []
        widget = help_button.nextInFocusChain()
        for _ in range(len(self.window().findChildren(QWidget)) + 1):
            if widget is None or widget is home:
                break
            if (self.content.isAncestorOf(widget)
                    and widget.focusPolicy() & Qt.FocusPolicy.TabFocus):
                if widget.property("staff_only"):
                    staff_only.append(widget)  # after every customer control
                else:
                    last_in_content = widget
            widget = widget.nextInFocusChain()
        for widget in staff_only:
            if last_in_content is not None:
                QWidget.setTabOrder(last_in_content, widget)
            last_in_content = widget
        if last_in_content is not None:
            QWidget.setTabOrder(last_in_content, home)
            QWidget.setTabOrder(home, back)
            QWidget.setTabOrder(back, help_button)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._set_nav_texts()
            self.set_scroll_name(vocabulary_text("Navigation", "scroll"))
            self.retranslate()
        super().changeEvent(event)

    def _get_gap(self) -> int:
        return self._gap

    def _set_gap(self, pixels: int) -> None:
        """Margin around and space between the content's widgets, from the stylesheet."""
        self._gap = max(0, int(pixels))
        self.content_layout.setContentsMargins(self._gap, self._gap, self._gap, self._gap)
        self.content_layout.setSpacing(self._gap)

    gap = Property(int, _get_gap, _set_gap)
