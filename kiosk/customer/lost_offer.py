"""The kiosk's half of noticing a lost customer: what the customer does goes into the
Qt-free `LostWatch` (kiosk.core.lost_customer); when it sees a sign, the offer covers the
screen the customer was on, large and spoken: "Would you like a member of staff to come
and help you?", with two equally large answers.

"Yes" raises a guidance call through the ordinary help path (the help screen then follows
the call). "No", Back, Home or any other way off the offer brings the customer's screen
back and is taken as "no": the offer is not made again in this visit, only after the idle
reset. No offer covers the help screen, an open call, the idle warning or an
announcement.

Touches are seen by an application event filter on the window's own input (one count per
press, whether touch or mouse), and whether they hit a control is judged by the widget
under the finger; screens are noticed changing by polling, so the window needs no edits
beyond building this.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPointF, QTimer, Signal, Slot
from PySide6.QtGui import QInputEvent, QMouseEvent, QTouchEvent, QWindow
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QHBoxLayout,
    QLineEdit,
    QWidget,
)

from kiosk.core.lost_customer import LostWatch, OfferState
from kiosk.core.settings import LostSection
from kiosk.customer.kiosk_screen import KioskScreen, make_choice, make_label, shown_text

log = logging.getLogger(__name__)

POLL_MS = 250
SAME_PRESS_S = 0.05
"""A touch the window did not take comes back as a mouse press: one press, not two."""
_CONTROLS = (QAbstractButton, QLineEdit)


class LostOfferScreen(KioskScreen):
    answered = Signal(bool)
    """True: the customer would like staff to come."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.question = make_label("lost_question", role="heading")
        self.yes_button = make_choice("lost_yes")
        self.no_button = make_choice("lost_no")
        self.yes_button.clicked.connect(lambda: self.answered.emit(True))
        self.no_button.clicked.connect(lambda: self.answered.emit(False))
        row = QHBoxLayout()
        row.addWidget(self.yes_button)
        row.addWidget(self.no_button)
        row.addStretch(1)
        self.content_layout.addStretch(1)
        self.content_layout.addWidget(self.question)
        self.content_layout.addLayout(row)
        self.content_layout.addStretch(2)
        self.retranslate()

    def retranslate(self) -> None:
        self.question.setText(self.tr("Would you like a member of staff to come and help "
                                      "you?"))
        self.yes_button.setText(self.tr("Yes, please"))
        self.no_button.setText(self.tr("No, thank you"))

    def spoken(self) -> list[str]:
        return shown_text(self.question, self.yes_button, self.no_button)

    def first_control(self) -> QWidget | None:
        return self.yes_button


class LostCustomerOffer(QObject):
    offered = Signal(str)
    """The offer was put on screen; the sign that made it (a `LostSign` value)."""

    def __init__(self, rules: LostSection, screen: LostOfferScreen, window: QWidget, *,
                 current: Callable[[], QWidget | None], home: QWidget,
                 may_offer: Callable[[], bool], put: Callable[[LostOfferScreen], None],
                 restore: Callable[[], None], accept: Callable[[], None],
                 monotonic: Callable[[], float], poll_ms: int = POLL_MS,
                 parent: QObject | None = None) -> None:
        """``current``: the screen shown; ``may_offer``: False while the screen shown may
        not be covered (help, idle warning, announcement, staff); ``put`` shows the offer
        (and reads it); ``restore`` shows the customer's screen again; ``accept`` raises
        the guidance call."""
        super().__init__(parent)
        self._now = monotonic
        self.watch = LostWatch(rules, monotonic())
        self._screen = screen
        self._window = window
        self._current = current
        self._home = home
        self._may_offer = may_offer
        self._put = put
        self._restore = restore
        self._accept = accept
        self._shown: QWidget | None = None
        self._last_press: tuple[float, QPointF] = (-1.0, QPointF())
        self._timer = QTimer(self)
        self._timer.setInterval(poll_ms)
        self._timer.timeout.connect(self.poll)
        screen.answered.connect(self._answered)
        screen.backRequested.connect(lambda: self._answered(False))

    def start(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def watch_navigation(self, *screens: KioskScreen) -> None:
        """Count these screens' Back and Home."""
        for screen in screens:
            screen.backRequested.connect(self.went_back_or_home)
            screen.homeRequested.connect(self.went_back_or_home)

    @Slot()
    def went_back_or_home(self) -> None:
        if self._current() is not self._screen:
            self.watch.went_back_or_home(self._now())

    def reset(self) -> None:
        """The idle reset: watching again for the next customer."""
        self.watch.reset(self._now())
        self._shown = None

    @Slot()
    def poll(self) -> None:
        now = self._now()
        shown = self._current()
        if shown is not self._shown:
            if self._shown is self._screen and self.watch.state is OfferState.OFFERED:
                self.watch.answered(False)  # left the offer another way: that is a "no"
            if shown is not self._screen:
                self.watch.screen_changed(now, home=shown is self._home)
            self._shown = shown
        if not self._may_offer():
            return
        sign = self.watch.check(now)
        if sign is None:
            return
        log.info("the customer may be lost (%s): offering staff", sign.value)
        self._put(self._screen)
        self._shown = self._screen
        self.offered.emit(sign.value)

    @Slot(bool)
    def _answered(self, yes: bool) -> None:
        self.watch.answered(yes)
        log.info("staff offered to a customer who may be lost: %s", "yes" if yes else "no")
        if yes:
            self._accept()
        else:
            self._restore()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(event, QInputEvent):  # every event of the kiosk: keep it cheap
            return False
        kind = event.type()
        if kind not in (QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin) \
                or not isinstance(watched, QWindow) or watched is not self._window.windowHandle():
            return False
        now, point = self._now(), _press_point(event)
        if point is None:
            return False
        last_at, last_point = self._last_press
        if now - last_at < SAME_PRESS_S and (point - last_point).manhattanLength() < 2:
            return False
        self._last_press = (now, point)
        under = self._window.childAt(point.toPoint())
        self.watch.tapped(now, on_control=_is_control(under))
        return False


def _press_point(event: QEvent) -> QPointF | None:
    if isinstance(event, QMouseEvent):
        return event.position()
    if isinstance(event, QTouchEvent) and event.points():
        return event.points()[0].position()
    return None


def _is_control(widget: QWidget | None) -> bool:
    """A button or a text field, or a text that scrolls (a finger drags it): not a stray
    touch. A screen's frame that has nothing to scroll is no control."""
    while widget is not None:
        if isinstance(widget, _CONTROLS):
            return True
        if isinstance(widget, QAbstractScrollArea) and (
                widget.verticalScrollBar().maximum() > 0
                or widget.horizontalScrollBar().maximum() > 0):
            return True
        widget = widget.parentWidget()
    return False
