"""The demo's guided tour: the demo clicks through the help loop and the queue by itself.

A newcomer watching the windows (or a test under Xvfb) sees, one step at a time: staff sign
in at the console, a customer takes a ticket at the kiosk, the counter calls it (the kiosk
and the wall display announce it), the customer presses Help, the console alarms and staff
answer "I'm coming", and the kiosk says who is coming. Every step is done with the same
clicks a person makes (Qt's test events on the real buttons) and waits for what a person
would see; the tour stops with a clear message if a step does not happen in time.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

from kiosk.console.app import ConsoleParts
from kiosk.console.staff_session import Phase
from kiosk.customer.app import KioskParts
from kiosk.demo.demo_branch import DEMO_PINS
from kiosk.net.kiosk_client import TicketOutcome
from kiosk.protocol.ticket_messages import TicketCalled
from kiosk.ui.widgets import NAV_HELP

log = logging.getLogger(__name__)

STEP_PATIENCE_S = 30.0
POLL_MS = 100
SETTLE_MS = 2000
STAFF = "li-ming"
TICKET_BUTTON = "home_ticket"
SERVICE_BUTTON = "services_choice_0"
REGULAR_BUTTON = "priority_no"
"""The kiosk's ticket buttons: "Take a ticket", the first service, "a normal ticket"."""


@dataclass
class Step:
    says: str
    act: Callable[[], None]
    done: Callable[[], bool]


def click(widget: QWidget) -> None:
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton)


def visible_button(window: QWidget, name: str) -> QAbstractButton | None:
    buttons = [b for b in window.findChildren(QAbstractButton, name) if b.isVisible()]
    return buttons[0] if buttons else None


class Tour(QObject):
    finished = Signal(int)  # exit status: 0 when every step happened

    def __init__(self, kiosk: KioskParts, console: ConsoleParts,
                 screenshot: Path | None = None, say: Callable[[str], None] = print,
                 frames: Callable[[], str] | None = None,
                 parent: QObject | None = None) -> None:
        """``frames`` describes where the windows are; said while the console alarms, so a
        watcher (or a test) can see that none covers another."""
        super().__init__(parent)
        self._frames = frames
        self._kiosk = kiosk
        self._console = console
        self._screenshot = screenshot
        self._say = say
        self._tickets: list[TicketOutcome] = []
        self._called: list[TicketCalled] = []
        kiosk.bridge.ticket.connect(self._tickets.append)
        kiosk.bridge.called.connect(self._called.append)
        self._steps = self._plan()
        self._index = -1
        self._deadline = 0.0
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)

    def start(self) -> None:
        self._say("tour: starting")
        self._next()
        self._timer.start()

    def _plan(self) -> list[Step]:
        kiosk, console = self._kiosk, self._console
        window = console.window
        return [
            Step("the kiosk, the console and the hub find each other", lambda: None,
                 lambda: kiosk.device.link.connected and console.device.link.connected
                 and console.monitor.hub_online()
                 and console.monitor.watch.online(kiosk.device.device_id, time.monotonic())),
            Step(f"{STAFF} signs in at the console with a PIN", self._sign_in,
                 lambda: console.desk.phase is Phase.SIGNED_IN),
            Step("a customer presses \"Take a ticket\" at the kiosk", self._take_ticket,
                 lambda: self._ticket_issued() or self._visible(SERVICE_BUTTON)),
            Step("chooses a service", lambda: self._click_if_shown(SERVICE_BUTTON),
                 lambda: self._ticket_issued() or self._visible(REGULAR_BUTTON)),
            Step("asks for a normal ticket and gets its number",
                 lambda: self._click_if_shown(REGULAR_BUTTON), self._ticket_issued),
            Step("the counter calls the next ticket", self._call_next,
                 lambda: any(c.number == self._ticket_number() for c in self._called)),
            Step("the customer presses Help at the kiosk", self._press_help,
                 lambda: window.calls.model.rowCount() > 0),
            Step("the console alarms; staff press \"I'm coming\"", self._answer,
                 lambda: (kiosk.device.client.call is not None
                          and kiosk.device.client.call.acknowledged_by == STAFF)),
        ]

    # --- the clicks ------------------------------------------------------------------------

    def _sign_in(self) -> None:
        panel = self._console.window.sign_in
        panel.choose(STAFF)
        panel.pin.setText(DEMO_PINS[STAFF])
        click(panel.button)

    def _take_ticket(self) -> None:
        button = visible_button(self._kiosk.window, TICKET_BUTTON)
        if button is None:
            raise RuntimeError("the kiosk shows no \"Take a ticket\" button")
        click(button)

    def _visible(self, name: str) -> bool:
        return visible_button(self._kiosk.window, name) is not None

    def _click_if_shown(self, name: str) -> None:
        button = visible_button(self._kiosk.window, name)
        if button is not None:
            click(button)

    def _ticket_issued(self) -> bool:
        return any(t.ticket is not None for t in self._tickets)

    def _ticket_number(self) -> str | None:
        issued = next((t.ticket for t in self._tickets if t.ticket is not None), None)
        return issued.number if issued is not None else None

    def _call_next(self) -> None:
        window = self._console.window
        window.tabs.setCurrentWidget(window.queue)
        click(window.queue.call_next)

    def _press_help(self) -> None:
        button = visible_button(self._kiosk.window, NAV_HELP)
        if button is None:
            raise RuntimeError("the kiosk shows no Help button")
        click(button)

    def _answer(self) -> None:
        if self._frames is not None:
            QApplication.processEvents()
            self._say(f"tour: windows: {self._frames()}")
        calls = self._console.window.calls
        calls.table.selectRow(0)
        click(calls.coming)

    # --- running ---------------------------------------------------------------------------

    def _next(self) -> None:
        self._index += 1
        if self._index >= len(self._steps):
            self._finish(0)
            return
        step = self._steps[self._index]
        self._say(f"tour: {self._index + 1}. {step.says}")
        self._deadline = time.monotonic() + STEP_PATIENCE_S
        try:
            step.act()
        except RuntimeError as problem:
            self._say(f"tour: failed: {problem}")
            self._finish(1)

    def _poll(self) -> None:
        if not 0 <= self._index < len(self._steps):
            return
        step = self._steps[self._index]
        if step.done():
            self._next()
        elif time.monotonic() > self._deadline:
            self._say(f"tour: failed: \"{step.says}\" did not happen in {STEP_PATIENCE_S:g} s")
            self._finish(1)

    def _finish(self, status: int) -> None:
        self._timer.stop()
        self._index = len(self._steps)
        if status != 0:
            self.finished.emit(status)
            return
        self._say("tour: done: the kiosk was told who is coming")
        # The hub publishes its retained states at most every so often: let the windows
        # catch up before the picture is taken.
        QTimer.singleShot(SETTLE_MS, self._picture_and_end)

    def _picture_and_end(self) -> None:
        if self._screenshot is not None:
            self._save_screenshot(self._screenshot)
        self.finished.emit(0)

    def _save_screenshot(self, path: Path) -> None:
        QApplication.processEvents()
        screen = QApplication.primaryScreen()
        picture = screen.grabWindow(0) if screen is not None else None
        path.parent.mkdir(parents=True, exist_ok=True)
        if picture is None or picture.isNull() or not picture.save(str(path), "PNG"):
            self._say(f"tour: could not save a screenshot to {path}")
            return
        self._say(f"tour: screenshot saved to {path}")
