"""`python -m kiosk render-screens`: every kiosk screen and state, to PNG, to look at.

The real kiosk window is built (not connected, silent) and put through every state in
`screen_states.STATES`, in each language asked for, at the configured resolution, on
Qt's offscreen platform: nothing appears on a display. Pictures go to
``OUT/<language>/<state>.png`` for normal text in the standard colours, and to
``OUT/<look>/<language>/<state>.png`` for the other looks (``larger``, ``high``,
``larger-high``). ``--panel`` draws them for another panel than the configured one (a name
from `physical.SUPPORTED_PANELS`, or ``WIDTHxHEIGHT@DIAGONAL`` such as ``1280x800@15.6``).
Look at them before calling a screen done.
"""

from __future__ import annotations

import logging
import re
import sys
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.core.config import BranchConfig
from kiosk.core.settings import Role
from kiosk.picture_command import chosen, config_to_draw, devices_to_draw, offscreen_app
from kiosk.ui.physical import SUPPORTED_PANELS

if TYPE_CHECKING:
    from PySide6.QtGui import QImage

    from kiosk.customer.app import KioskParts
    from kiosk.customer.screen_states import ScreenState

log = logging.getLogger(__name__)

DEFAULT_LANGUAGES = ("zh_CN", "en", "pseudo")
SIZES = ("normal", "larger")
CONTRASTS = ("standard", "high")
_PANEL = re.compile(r"(\d+)x(\d+)@(\d+(?:\.\d+)?)")
EXIT_PROBLEM = 2
OFFSCREEN_NOISE = "does not support propagateSizeHints"
"""Qt's offscreen platform says this each time a window's size hints change: not news."""


def _qt_message(mode: object, context: object, message: str) -> None:
    if OFFSCREEN_NOISE not in message:
        print(message, file=sys.stderr)


def on_panel(config: BranchConfig, panel: str) -> BranchConfig:
    """``config`` with its screen replaced by ``panel`` (a supported panel's name or
    ``WIDTHxHEIGHT@DIAGONAL``); ValueError naming what is allowed otherwise."""
    for known in SUPPORTED_PANELS:
        if known.name == panel:
            return replace(config, screen=replace(
                config.screen, diagonal_inches=known.diagonal_inches,
                width_px=known.width_px, height_px=known.height_px))
    match = _PANEL.fullmatch(panel.strip())
    if match is None:
        names = ", ".join(known.name for known in SUPPORTED_PANELS)
        raise ValueError(f"no such panel: {panel!r}; give WIDTHxHEIGHT@DIAGONAL "
                         f"(e.g. 1280x800@15.6) or one of {names}")
    width, height, diagonal = int(match[1]), int(match[2]), float(match[3])
    return replace(config, screen=replace(config.screen, diagonal_inches=diagonal,
                                          width_px=width, height_px=height))


def look_folder(size: str, contrast: str) -> str:
    """Where pictures of one look go, under OUT ("" for normal text, standard colours)."""
    parts = [part for part, default in ((size, "normal"), (contrast, "standard"))
             if part != default]
    return "-".join(parts)


def render_screens(config_path: str, out_dir: str, languages: Sequence[str],
                   states: Sequence[str] = (), *, sizes: Sequence[str] = ("normal",),
                   contrasts: Sequence[str] = ("standard",), panel: str | None = None) -> int:
    """Draw the states named in ``states`` (all when empty) in each language, text size
    and contrast asked for; returns the exit status."""
    config = config_to_draw(config_path)
    if config is None:
        return EXIT_PROBLEM
    looks = [(size, contrast) for size in sizes for contrast in contrasts]
    unknown_looks = sorted({*sizes} - set(SIZES)) + sorted({*contrasts} - set(CONTRASTS))
    if unknown_looks:
        print(f"no such text size or contrast: {', '.join(unknown_looks)}; sizes: "
              f"{', '.join(SIZES)}; contrasts: {', '.join(CONTRASTS)}", file=sys.stderr)
        return EXIT_PROBLEM
    if panel:
        try:
            config = on_panel(config, panel)
        except ValueError as problem:
            print(problem, file=sys.stderr)
            return EXIT_PROBLEM
    kiosks = devices_to_draw(config, config_path, Role.KIOSK)
    if kiosks is None:
        return EXIT_PROBLEM
    from PySide6.QtCore import qInstallMessageHandler

    from kiosk.customer.app import build_kiosk
    from kiosk.customer.kiosk_keys import KioskSetupError
    from kiosk.customer.quiet_speaker import QuietSpeaker
    from kiosk.customer.screen_states import STATES
    from kiosk.printing.printer import NoPrinter
    from kiosk.ui.render import save_png

    drawn = chosen(STATES, states, "state")
    if drawn is None:
        return EXIT_PROBLEM
    qInstallMessageHandler(_qt_message)
    app = offscreen_app()
    with tempfile.TemporaryDirectory(prefix="kiosk-render-") as scratch:
        try:
            # No printer: drawing pictures must never touch the machine's print queue.
            parts = build_kiosk(app, config, kiosks[0].id, Path(scratch),
                                speaker=QuietSpeaker(), printer=NoPrinter())
        except KioskSetupError as problem:
            print(problem, file=sys.stderr)
            return EXIT_PROBLEM
        known = parts.window.language_names
        missing = [code for code in languages if code not in known]
        if missing:
            print(f"no catalogue for {', '.join(missing)}; catalogues: "
                  + ", ".join(sorted(known)), file=sys.stderr)
            parts.stop()
            return EXIT_PROBLEM
        written = 0
        try:
            for look, language, state, image in draw_states(parts, drawn, looks, languages):
                save_png(image, Path(out_dir) / look_folder(*look) / language
                         / f"{state.name}.png")
                written += 1
        finally:
            parts.stop()
    print(f"wrote {written} pictures to {out_dir}")
    return 0


def draw_states(parts: KioskParts, states: Sequence[ScreenState],
                looks: Sequence[tuple[str, str]], languages: Sequence[str],
                ) -> Iterator[tuple[tuple[str, str], str, ScreenState, QImage]]:
    """Each state in each look ((text size, contrast)) and language, drawn on the kiosk's
    window: (look, language, state, picture). The window is shown (offscreen) and laid
    out at the panel's size throughout, as a kiosk's is from its start: a window never
    shown has no layout, and the first state drawn into it came out unlike the same state
    drawn after others (an answer that fits taken for one to scroll, the magnifier's lens
    blank)."""
    from kiosk.customer.screen_states import KioskStage
    from kiosk.ui.render import capture, shown_at

    screen = parts.config.screen
    size = (screen.width_px, screen.height_px)
    stage = KioskStage(parts)
    with shown_at(parts.window, size):
        for look in looks:
            size_name, contrast = look
            for language in languages:
                for state in states:
                    stage.fresh(language, larger=size_name == "larger",
                                high_contrast=contrast == "high")
                    state.set_up(stage)
                    stage.settle()
                    yield look, language, state, capture(parts.window, size)
