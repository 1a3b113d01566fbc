"""`python -m kiosk render-console`: every console screen, in each language, to PNG.

The real console is built (not connected, silent), filled with a made-up week of the
branch (``sample_day``) through the same methods the network feeds, signed in through the
same path a hub's answer takes, and drawn offscreen. Pictures go to
``OUT/<language>/<screen>.png`` (or ``OUT/console-<screen>-<language>.png`` with ``--flat``,
as in docs/screens). Look at them before calling a screen done.
"""

from __future__ import annotations

import logging
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from kiosk.core.config import ConfigError, load_config
from kiosk.core.settings import Role

log = logging.getLogger(__name__)

EXIT_PROBLEM = 2
SIZE = (1366, 900)


def render_console(config_path: str, out_dir: str, languages: Sequence[str],
                   screens: Sequence[str] = (), flat: bool = False) -> int:
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr,
                        format="%(levelname)s %(name)s: %(message)s")
    try:
        config = load_config(config_path)
    except ConfigError as error:
        print(error, file=sys.stderr)
        return EXIT_PROBLEM
    consoles = [d for d in config.devices_with_role(Role.CONSOLE) if d.counter]
    consoles = consoles or list(config.devices_with_role(Role.CONSOLE))
    lobbies = [d for d in config.devices_with_role(Role.CONSOLE) if not d.counter] or consoles
    if not consoles:
        print(f"{config_path}: no device with role = \"console\" to draw", file=sys.stderr)
        return EXIT_PROBLEM
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication

    from kiosk.console.render_stage import SCREENS, Stage
    from kiosk.ui.render import render_to_png

    chosen = [s for s in SCREENS if not screens or s.name in screens]
    unknown = sorted(set(screens) - {s.name for s in SCREENS})
    if unknown:
        print(f"no such screen: {', '.join(unknown)}; screens: "
              + ", ".join(s.name for s in SCREENS), file=sys.stderr)
        return EXIT_PROBLEM
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    written = 0
    for language in languages:
        for screen in chosen:
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

