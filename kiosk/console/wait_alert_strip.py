"""The lobby's note that an elderly priority ticket has waited too long.

Calm and plain, not the help alarm: a light blue strip with the numbers ("A005 has waited
20 minutes"), never a name, and a "Seen" button. A note also goes away by itself when its
ticket is no longer waiting (called, moved, or the day ended). The hub decides when a ticket
has waited too long and tells every console once; only the lobby desk (counter 0) shows it.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from kiosk.console import console_style as style
from kiosk.console.controls import Retranslating, named
from kiosk.protocol.ticket_messages import QueueState, WaitAlert

MAX_SHOWN = 5


class WaitAlertStrip(Retranslating, QWidget):
    def __init__(self, shown_here: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("waitAlertStrip")
        self._shown_here = shown_here
        self._alerts: dict[str, WaitAlert] = {}
        self.text = named(QLabel(self), "waitAlertText", wrap=True,
                          accessible=lambda: self.tr("Long waits of elderly priority tickets"))
        self.text.setStyleSheet(style.banner_style(style.BANNER_WAIT))
        self.seen = named(QPushButton(self), "waitAlertSeen", text=lambda: self.tr("Seen"),
                          accessible=lambda: self.tr("Hide the waiting-time note"))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.text, 1)
        row.addWidget(self.seen)
        self.seen.clicked.connect(self.clear)
        self.retranslate()

    def add(self, alert: WaitAlert) -> None:
        if not self._shown_here:
            return
        self._alerts[alert.number] = alert
        self.retranslate()

    def show_queue(self, state: QueueState) -> None:
        """Forget the notes of tickets no longer waiting."""
        waiting = {ticket.number for ticket in state.waiting}
        gone = [number for number in self._alerts if number not in waiting]
        for number in gone:
            del self._alerts[number]
        if gone:
            self.retranslate()

    def clear(self) -> None:
        self._alerts.clear()
        self.retranslate()

    def numbers(self) -> list[str]:
        return list(self._alerts)

    def retranslate(self) -> None:
        lines = [
            #: {number}: an elderly priority ticket, e.g. A005; {minutes}: whole minutes.
            self.tr("{number} has waited {minutes} minutes.").format(
                number=alert.number, minutes=alert.waited_min)
            for alert in list(self._alerts.values())[-MAX_SHOWN:]
        ]
        if lines:
            lines.append(self.tr("Please see to them in the lobby."))
        self.text.setText("  ".join(lines))
        self.setVisible(bool(self._alerts))
