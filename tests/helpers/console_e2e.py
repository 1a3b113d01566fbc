"""Staff consoles for end-to-end tests: the real widget tree, connected to a real broker, and
signed in the way a person does it (pick the name, type the PIN, press Sign in)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kiosk.console.app import ConsoleParts, build_console
from kiosk.console.staff_session import Phase
from kiosk.core.config import BranchConfig
from kiosk.speech.players import Player, silent_player
from tests.helpers.branch import STAFF_PINS


@contextmanager
def live_console(config: BranchConfig, console_id: str, data_dir: Path,
                 player: Player | None = None,
                 save_to: Path | None = None) -> Iterator[ConsoleParts]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)

    def save_path(_parent: object, name: str) -> Path | None:
        return None if save_to is None else save_to / f"{console_id}-{name}"

    parts = build_console(app, config, console_id, data_dir,
                          player=player or silent_player(), language="en",
                          save_path=save_path, confirm_close=lambda _p, _q: True)
    parts.start(connect=True, show=False)
    try:
        yield parts
    finally:
        parts.stop()


def sign_in_by_ui(qtbot, parts: ConsoleParts, staff_id: str) -> None:  # type: ignore[no-untyped-def]
    panel = parts.window.sign_in
    panel.choose(staff_id)
    panel.pin.clear()
    qtbot.keyClicks(panel.pin, STAFF_PINS[staff_id])
    qtbot.mouseClick(panel.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: parts.desk.phase is Phase.SIGNED_IN, timeout=10_000)
