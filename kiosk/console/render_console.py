"""`python -m kiosk render-console`: every console screen, in each language, to PNG.

The real console is built (not connected, silent), filled with a made-up week of the
branch (``sample_day``) through the same methods the network feeds, signed in through the
same path a hub's answer takes, and drawn offscreen. Pictures go to
``OUT/<language>/<screen>.png`` (or ``OUT/console-<screen>-<language>.png`` with ``--flat``,
as in docs/screens). Look at them before calling a screen done.
"""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Sequence
from pathlib import Path

from kiosk.core.settings import Role
from kiosk.picture_command import chosen, config_to_draw, devices_to_draw, offscreen_app

log = logging.getLogger(__name__)

EXIT_PROBLEM = 2
SIZE = (1366, 900)


def render_console(config_path: str, out_dir: str, languages: Sequence[str],
                   screens: Sequence[str] = (), flat: bool = False) -> int:
    config = config_to_draw(config_path)
    if config is None:
        return EXIT_PROBLEM
    every = devices_to_draw(config, config_path, Role.CONSOLE)
    if every is None:
        return EXIT_PROBLEM
    consoles = [d for d in every if d.counter] or every
    lobbies = [d for d in every if not d.counter] or consoles
    from kiosk.console.render_stage import SCREENS, Stage
    from kiosk.ui.render import render_to_png

    drawn = chosen(SCREENS, screens, "screen")
    if drawn is None:
        return EXIT_PROBLEM
    app = offscreen_app()
    written = 0
    for language in languages:
        for screen in drawn:
            with tempfile.TemporaryDirectory(prefix="console-render-") as scratch:
                desk = (lobbies if screen.lobby else consoles)[0].id
                stage = Stage(app, config, desk, Path(scratch), language)
                try:
                    screen.set_up(stage)
                    target = (Path(out_dir) / f"console-{screen.name}-{language}.png" if flat
                              else Path(out_dir) / language / f"{screen.name}.png")
                    widget = stage.parts.window.floating if screen.floating \
                        else stage.parts.window
                    size = (widget.width(), max(widget.height(), 60)) if screen.floating \
                        else SIZE
                    render_to_png(widget, target, size)
                    written += 1
                finally:
                    stage.close()
    print(f"wrote {written} pictures to {out_dir}")
    return 0

