"""A staff console for widget tests: the real window, not connected, on a clock the test
moves, with a player the test can read; and the hub's answer to a sign-in, delivered the way
the network would deliver it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from kiosk.console.app import ConsoleParts, build_console
from kiosk.console.hub_requests import PinAnswer
from kiosk.core.config import BranchConfig
from kiosk.core.help.events import HelpEvent
from kiosk.core.help.state import calls_state
from kiosk.core.settings import ConsoleSection
from kiosk.protocol.pin_messages import PinReply
from kiosk.speech.players import Player
from tests.helpers.fake_clock import FakeClock
from tests.helpers.fake_player import FakePlayer


@dataclass
class ConsoleDesk:
    parts: ConsoleParts
    clock: FakeClock
    player: Player
    questions: list[str] = field(default_factory=list)
    answer_close: bool = False
    saved: list[Path] = field(default_factory=list)

    @property
    def window(self):  # type: ignore[no-untyped-def]
        return self.parts.window

    def look_at(self, panel: QWidget, staff_id: str = "wang-fang") -> None:
        """Staff signed in, looking at ``panel``'s tab on the shown console."""
        window = self.parts.window
        if not window.tabs.isVisibleTo(window):
            self.sign_in(staff_id)
        window.show()
        window.tabs.setCurrentWidget(panel)
        assert panel.isVisible()

    def sign_in(self, staff_id: str) -> None:
        """Type a PIN and let the hub accept it (the answer arrives as from the broker)."""
        desk = self.parts.desk
        desk.sign_in(staff_id, "1357")
        request_id = desk.session.pending_request
        assert request_id is not None
        self.parts.requests.pin_answered.emit(PinAnswer(request_id, PinReply(
            request_id, staff_id=staff_id, session="test-session-token-0001",
            expires_at=self.clock() + 86400)))

    def show_events(self, events: Iterable[HelpEvent]) -> None:
        self.parts.window.show_calls(calls_state(events))
        self.parts.window.refresh_panels()

    def tick(self, seconds: float = 0.0) -> None:
        self.clock.advance(seconds)
        self.parts.alarms.tick()
        self.parts.desk.tick()
        self.parts.monitor.tick()


def make_desk(config: BranchConfig, data_dir: Path, *, console_id: str = "console-1",
              player: Player | None = None, clock: FakeClock | None = None,
              section: ConsoleSection | None = None, save_to: Path | None = None) -> ConsoleDesk:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    clock = clock or FakeClock()
    player = player or FakePlayer()
    holder: list[ConsoleDesk] = []

    def confirm(_parent: object, question: str) -> bool:
        holder[0].questions.append(question)
        return holder[0].answer_close

    def save_path(_parent: object, name: str) -> Path | None:
        if save_to is None:
            return None
        holder[0].saved.append(save_to / name)
        return save_to / name

    parts = build_console(app, config, console_id, data_dir, player=player, clock=clock,
                          monotonic=clock,
                          section=section, confirm_close=confirm, save_path=save_path,
                          language="en")
    desk = ConsoleDesk(parts, clock, player)
    holder.append(desk)
    parts.start(connect=False, show=False)
    return desk
