"""The wall display's states, drawn to PNG files to look at (and for the audit).

`python -m kiosk display --config FILE --device ID --render-to OUT` builds the real display
window offscreen, silent and unconnected, puts it through each state below and writes
``OUT/display-<state>.png`` for the branch's languages and ``display-<state>-pseudo.png``
for Chinese with the pseudo-language (40 % longer English, to catch text that is cut off).
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.core.config import ConfigError, load_config
from kiosk.core.settings import Role
from kiosk.display.board_state import BoardNotice, CalledNumber

if TYPE_CHECKING:  # Qt is loaded only once the platform is set to offscreen
    from kiosk.display.display_window import DisplayWindow

EXIT_PROBLEM = 2
PSEUDO_LANGUAGES = ("zh_CN", "pseudo")
NOW = 1_790_000_000.0

CALLED = (CalledNumber("A042", 3, "cash", NOW), CalledNumber("B017", 1, "pension", NOW - 40),
          CalledNumber("A041", 2, "cash", NOW - 95), CalledNumber("C005", 2, "cards", NOW - 180),
          CalledNumber("A040", 1, "cash", NOW - 260))
EVACUATION = BoardNotice("0" * 31 + "1", {
    "zh_CN": "请跟随工作人员，从安全出口离开营业厅。",
    "en": "Please follow the staff and leave the hall by the emergency exit."})


class MuteVoice:
    """A voice for pictures: says nothing and is done at once."""

    def announce_call(self, call: CalledNumber, done: Callable[[], None]) -> None:
        done()

    def announce_notice(self, notice: BoardNotice, done: Callable[[], None]) -> None:
        done()

    def stop(self) -> None:
        return None


@dataclass(frozen=True)
class BoardState:
    name: str
    set_up: Callable[[DisplayWindow], None]
    """Puts a fresh window into this state."""


def _waiting(window: DisplayWindow) -> None:
    return None


def _calling(window: DisplayWindow) -> None:
    window.board.seed(CALLED)


def _announcement(window: DisplayWindow) -> None:
    window.board.seed(CALLED)
    window.board.notice_changed(EVACUATION)


def _missed(window: DisplayWindow) -> None:
    window.board.seed(CALLED)
    window.calls.show_missed(["A005", "B012", "A009"])


def _not_connected(window: DisplayWindow) -> None:
    from kiosk.net.display_client import DisplayLink

    window.board.seed(CALLED)
    window.link_changed(DisplayLink(connected=False, hub_online=False))


STATES = (BoardState("waiting", _waiting), BoardState("calling", _calling),
          BoardState("announcement", _announcement), BoardState("missed", _missed),
          BoardState("not-connected", _not_connected))


def render_board(config_path: str, device_id: str, out_dir: str,
                 language_sets: Sequence[tuple[str, ...]] | None = None) -> int:
    """Draw every state for each set of languages; returns the exit status."""
    try:
        config = load_config(config_path)
    except ConfigError as error:
        print(error, file=sys.stderr)
        return EXIT_PROBLEM
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication

    from kiosk.display.app import display_theme
    from kiosk.display.board_words import BoardWords
    from kiosk.display.display_settings import board_times, display_section
    from kiosk.display.display_window import DisplayWindow
    from kiosk.ui.fonts import load_fonts
    from kiosk.ui.render import render_to_png

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    device = config.device(device_id)
    if device is None or device.role is not Role.DISPLAY:
        print(f"--device {device_id}: not a display in {config_path}", file=sys.stderr)
        return EXIT_PROBLEM
    section = display_section(config)
    theme = display_theme(section, load_fonts())
    sets = language_sets or (tuple(config.branch.languages), PSEUDO_LANGUAGES)
    written = 0
    for languages in sets:
        suffix = "-pseudo" if "pseudo" in languages else ""
        for state in STATES:
            window = DisplayWindow(BoardWords(languages), theme, board_times(section),
                                   MuteVoice(), monotonic=time.monotonic)
            state.set_up(window)
            render_to_png(window, Path(out_dir) / f"display-{state.name}{suffix}.png",
                          (section.width_px, section.height_px))
            window.stop()
            window.deleteLater()
            written += 1
    print(f"wrote {written} pictures to {out_dir}")
    return 0
