"""A branch announcement ("Please follow the staff to the exit") taking over the kiosk.

Staff broadcast it from a console; the hub keeps it retained, so a kiosk that starts or
reconnects while it is on shows it at once. While it is on, it stays over every screen the
customer goes to, in the largest type its words fit, and it is said again a while after each
reading ends, until staff clear it; then the customer's screen comes back as it was. Help
stays: its button is where it always is and opens the help screen, the one screen (with the
staff's exit) shown above the announcement, because a customer asking for a person must
see that they are being answered.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping

from PySide6.QtCore import Property, QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QWidget

from kiosk.customer.kiosk_screen import KioskScreen, make_label, shown_text
from kiosk.customer.screen_voice import ScreenVoice
from kiosk.customer.shown_data import data_text
from kiosk.protocol.staff_messages import Announcement
from kiosk.ui.strings import vocabulary_text

log = logging.getLogger(__name__)

ROLES = ("huge", "heading", "body")
ANNOUNCEMENT_CHANNEL = "announcement"
REPEAT_S = 20.0
"""Default pause between the end of one reading and the next."""


class AnnouncementScreen(KioskScreen):
    _fit_pending = False  # until the constructor runs (Qt sends style events before)

    def __init__(self, language: Callable[[], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._language = language
        self._texts: Mapping[str, str] = {}
        self._fit_pending = False
        self._smallest_px = 0
        self.caption = make_label("announcement_caption", role="heading")
        self.message = make_label("announcement_message", role="huge")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.help_hint = make_label("announcement_help_hint")
        self.content_layout.addWidget(self.caption)
        self.content_layout.addWidget(self.message, 1)
        self.content_layout.addWidget(self.help_hint)
        self.retranslate()

    def show_texts(self, texts: Mapping[str, str]) -> None:
        self._texts = dict(texts)
        self.retranslate()

    @property
    def message_text(self) -> str:
        return self.message.text()

    def retranslate(self) -> None:
        self.caption.setText(self.tr("Notice from the branch"))
        #: {help} is the words on the help button ("Call staff").
        self.help_hint.setText(self.tr("If you need a person, press \"{help}\" at the "
                                       "bottom right.").format(
            help=vocabulary_text("Navigation", "help_button")))
        self.message.setText(data_text(self._texts, self._language())
                             if self._texts else "")
        self._schedule_fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._schedule_fit()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._schedule_fit()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.FontChange):
            self._schedule_fit()

    def _schedule_fit(self) -> None:
        """Fit once the layout has given the screen its size (the text size may change)."""
        if not self._fit_pending:
            self._fit_pending = True
            QTimer.singleShot(0, self, self.fit)

    def _get_smallest_px(self) -> int:
        return self._smallest_px

    def _set_smallest_px(self, pixels: int) -> None:
        self._smallest_px = max(0, int(pixels))
        self._schedule_fit()

    smallestMessagePx = Property(int, _get_smallest_px, _set_smallest_px)
    """From the stylesheet: the message never shrinks below this font size to fit (with
    larger text, the normal text's largest type); it scrolls instead."""

    def fit(self) -> None:
        """The largest type in which the whole message fits on the screen under the
        caption, but never below `smallestMessagePx`."""
        self._fit_pending = False
        width = self.message.contentsRect().width()
        gaps = 4 * self._get_gap()  # the margins above and below, and between the three
        room = (self.scroller.viewport().height() - gaps - self.caption.height()
                - self.help_hint.height())
        if width <= 0 or room <= 0 or not self.message.text():
            return
        fitting = ROLES[0]
        for role in ROLES:
            if self.message.role() != role:
                self.message.set_role(role)
            if self.message.font().pixelSize() < self._smallest_px:
                break
            fitting = role
            if self.message.heightForWidth(self.message.width()) <= room:
                return
        if self.message.role() != fitting:
            self.message.set_role(fitting)

    def spoken(self) -> list[str]:
        return shown_text(self.caption, self.message)


class AnnouncementTakeover(QObject):
    takeoverChanged = Signal(bool)
    """True: an announcement must cover the screens; False: it was cleared."""

    def __init__(self, screen: AnnouncementScreen, voice: ScreenVoice, *,
                 repeat_s: float = REPEAT_S, parent: QObject | None = None) -> None:
        """Connect the speech events' ``utterance_finished`` and ``utterance_failed`` to
        `utterance_ended`: the pause before the next reading starts when one ends."""
        super().__init__(parent)
        self._screen = screen
        self._voice = voice
        self._current: Announcement | None = None
        self._speaking: str | None = None
        self._repeat = QTimer(self)
        self._repeat.setSingleShot(True)
        self._repeat.setInterval(max(1, round(repeat_s * 1000)))
        self._repeat.timeout.connect(self.say)
        self._stopped = False

    @property
    def active(self) -> bool:
        return self._current is not None

    @property
    def current(self) -> Announcement | None:
        return self._current

    def stop(self) -> None:
        self._stopped = True
        self._repeat.stop()

    @Slot(object)
    def announcement(self, message: Announcement) -> None:
        if self._stopped:
            return
        if message.active:
            news = self._current is None or self._current != message
            self._current = message
            self._screen.show_texts(message.text)
            if news:
                log.info("branch announcement %s shown", message.announcement_id[:8])
                self.takeoverChanged.emit(True)
                self._voice.stop_reading()  # the screen being read is covered now
                self.say()
        elif self._current is not None:
            log.info("branch announcement %s cleared", self._current.announcement_id[:8])
            self._current = None
            self._speaking = None
            self._repeat.stop()
            self._voice.silence(ANNOUNCEMENT_CHANNEL)
            self._screen.show_texts({})
            self.takeoverChanged.emit(False)

    @Slot()
    def say(self) -> None:
        """Say the announcement now (again), replacing a reading of it still going."""
        self._repeat.stop()
        if self._current is None or self._stopped:
            return
        self._speaking = self._voice.announce(self._screen.spoken(), ANNOUNCEMENT_CHANNEL,
                                              resumable=False)
        if self._speaking is None:  # reading aloud is off: look again later
            self._repeat.start()

    def utterance_ended(self, utterance_id: str, *_: object) -> None:
        if utterance_id == self._speaking and self._current is not None:
            self._speaking = None
            self._repeat.start()
