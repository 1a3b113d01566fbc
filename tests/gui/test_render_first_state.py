"""A state drawn first looks as it does drawn after others.

`render-screens --states X` draws X alone; the full run draws it after others. Drawn
first into a window never shown (so never laid out), the magnifier's lens came out as a
blank circle in the wrong place, and an answer that fits was taken for one to scroll.
Every state of the catalogue (`screen_states.STATES`) is drawn both ways, as the command
draws it (`render_screens.draw_states`), and the pictures compared. Text may be
anti-aliased a little differently the first time a glyph is drawn, so a picture may differ
in a few pixels of its letters: under 1 % of them, where a blank lens is 4 %.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from kiosk.core.config import BranchConfig, load_config
from kiosk.customer.app import build_kiosk
from kiosk.customer.quiet_speaker import QuietSpeaker
from kiosk.customer.render_screens import draw_states
from kiosk.customer.screen_states import STATES, ScreenState
from kiosk.net.broker import free_port
from kiosk.printing.printer import NoPrinter
from tests.helpers.branch import write_branch_config
from tests.helpers.kiosk_harness import stop_kiosk

LOOK = ("normal", "standard")
MOST_PIXELS_APART = 0.01


def _draw(app: QApplication, config: BranchConfig, folder: Path,
          states: list[ScreenState]) -> list[QImage]:
    """Each state drawn in one kiosk, built as render-screens builds it."""
    parts = build_kiosk(app, config, "kiosk-1", folder, speaker=QuietSpeaker(),
                        printer=NoPrinter())
    try:
        looks = [(("larger" if s.larger_text else "normal"),
                  ("high" if s.high_contrast else "standard")) for s in states]
        pictures = []
        for state, look in zip(states, looks, strict=True):
            (drawn,) = draw_states(parts, [state], [look], ["zh_CN"])
            pictures.append(drawn[3])
        return pictures
    finally:
        stop_kiosk(parts)


def _share_apart(first: QImage, second: QImage) -> float:
    if first.size() != second.size():
        return 1.0
    width, height = first.width(), first.height()
    apart = sum(first.pixel(x, y) != second.pixel(x, y)
                for y in range(0, height, 2) for x in range(0, width, 2))
    return apart / ((width // 2) * (height // 2))


def test_every_state_drawn_first_is_drawn_as_after_home(qapp: QApplication,
                                                         tmp_path: Path) -> None:
    config = load_config(write_branch_config(tmp_path / "config", free_port()))
    home = next(state for state in STATES if state.name == "home")
    after_home = _draw(qapp, config, tmp_path / "run", [home, *STATES])[1:]
    different = {}
    for index, state in enumerate(STATES):
        (first,) = _draw(qapp, config, tmp_path / f"alone-{index}", [state])
        share = _share_apart(first, after_home[index])
        if share > MOST_PIXELS_APART:
            different[state.name] = f"{share:.1%}"
    assert not different, different
