"""The wall display's window: the called numbers, or a branch announcement over them, and a
line that says so when the display has lost touch with the branch.

The window owns the board (`CallBoard`, the order of things) and shows its state; messages
from the hub come in through the slots below, on the GUI thread. The board's next moment
(the end of a number's minimum time on screen, the next reading of an announcement) is a
single-shot timer re-armed after every change.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from kiosk.display.board_state import BoardNotice, BoardTimes, BoardVoice, CallBoard, CalledNumber
from kiosk.display.board_words import RECONNECTING, BoardWords
from kiosk.display.calls_view import CallsView
from kiosk.display.notice_view import NoticeView
from kiosk.net.display_client import DisplayLink
from kiosk.protocol.staff_messages import Announcement
from kiosk.protocol.ticket_messages import QueueState, TicketCalled
from kiosk.ui.physical import MIN_LINE_SPACING
from kiosk.ui.theme import Theme, apply_theme
from kiosk.ui.widgets import BigLabel

HIGHLIGHT = "#FFD400"
"""The frame around the newest number and around an announcement (on black: 14:1)."""
WARNING_FACE = "#550000"
"""Behind the "not connected" line; white text on it is 15:1."""


class DisplayWindow(QWidget):
    boardChanged = Signal()
    """What the board shows changed (a new newest number, an announcement, cleared)."""

    def __init__(self, words: BoardWords, theme: Theme, times: BoardTimes,
                 voice: BoardVoice, *, monotonic: Callable[[], float] = time.monotonic,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("display_window")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self._words = words
        self._monotonic = monotonic
        self.board = CallBoard(voice, times, monotonic, on_change=self._refresh,
                               on_wake_change=self._arm)
        self.calls = CallsView(words, times.recent_count, self)
        self.notice = NoticeView(words, theme, self)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.calls)
        self.pages.addWidget(self.notice)
        self.status = BigLabel(role="body", parent=self)
        self.status.setObjectName("connection_status")
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.status)
        self._wake = QTimer(self)
        self._wake.setSingleShot(True)
        self._wake.setTimerType(Qt.TimerType.PreciseTimer)  # a coarse timer may fire early
        self._wake.timeout.connect(self._tick)
        self.apply_look(theme)
        self._refresh()

    def apply_look(self, theme: Theme) -> None:
        apply_theme(self, theme)
        gap = theme.gap_px
        ring = gap  # a frame as wide as the space between controls: seen across the hall
        # body text at the wall's own size rule with lines 1.3 apart, not the kiosk's
        # reading size: docs/decisions/0011-display.md
        self.setStyleSheet(theme.stylesheet() + f"""
#display_window {{ background-color: {theme.colours.background}; }}
#newest, #notice {{
    border: {ring}px solid {HIGHLIGHT}; border-radius: {theme.radius_px}px; padding: {gap}px;
}}
#earlier {{ padding: {gap}px; }}
BigLabel[role="body"] {{
    font-size: {theme.body_px}px; qproperty-lineSpacing: {MIN_LINE_SPACING};
}}
#connection_status {{
    background-color: {WARNING_FACE}; color: #FFFFFF; padding: {theme.padding_px}px;
}}
""")
        layout = self.layout()
        if layout is not None:
            layout.setContentsMargins(gap, gap, gap, gap)
            layout.setSpacing(gap)
        self.notice.set_theme(theme)

    # --- from the hub (GUI thread) ---------------------------------------------------------

    @Slot(object)
    def ticket_called(self, message: TicketCalled) -> None:
        self.board.called(CalledNumber(message.number, message.counter, message.service_id,
                                       message.at, message.recall))

    @Slot(object)
    def announcement(self, message: Announcement) -> None:
        notice = BoardNotice(message.announcement_id, dict(message.text)) \
            if message.active else None
        self.board.notice_changed(notice)

    @Slot(object)
    def queue_state(self, message: QueueState) -> None:
        self.board.seed(CalledNumber(s.number, s.counter, s.service_id, s.called_at)
                        for s in message.serving)
        self.calls.show_missed([m.number for m in message.missed])

    @Slot(object)
    def link_changed(self, link: DisplayLink) -> None:
        self.status.setText("  ".join(self._words.each(RECONNECTING)))
        self.status.setVisible(not link.live)

    # --- the board's state on screen -------------------------------------------------------

    def _refresh(self) -> None:
        notice = self.board.notice
        if notice is not None:
            self.pages.setCurrentWidget(self.notice)
            self.notice.show_notice(notice)
        else:
            self.pages.setCurrentWidget(self.calls)
        self.calls.show_calls(self.board.current, self.board.recent)
        self.boardChanged.emit()

    def _tick(self) -> None:
        self.board.tick()

    def _arm(self) -> None:
        """Wake the board when it next needs to act."""
        when = self.board.wake_at()
        if when is None:
            self._wake.stop()
            return
        delay_ms = max(0, math.ceil((when - self._monotonic()) * 1000))
        self._wake.start(delay_ms)

    def stop(self) -> None:
        self._wake.stop()
