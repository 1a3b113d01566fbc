"""The demo's composition root: a broker, the hub, a kiosk, a console and a wall display.

`python -m kiosk demo` starts, on one machine: the branch's broker (Mosquitto when it is
installed, otherwise the embedded demo broker with a warning), the hub as its own process
(as in a branch), and in this process three windows: kiosk 1, the counter 1 console and the
wall display, side by side without covering one another (`kiosk.demo.layout`). It prints
the staff PINs, and with ``--tour`` clicks through the queue and the help loop by itself.
Closing the console or pressing Ctrl-C ends everything.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.console.alarm_banner import FloatingAlarm
from kiosk.core.config import BranchConfig
from kiosk.core.settings import DisplaySection
from kiosk.demo.demo_branch import DEMO_PINS, DemoBranch, DemoError, prepare
from kiosk.demo.layout import (
    DISPLAY_PPI,
    KIOSK_PPI,
    MIN_DISPLAY,
    DemoLayout,
    Rect,
    demo_layout,
    inches,
)
from kiosk.program_start import cannot_start

if TYPE_CHECKING:
    from kiosk.display.app import DisplayParts
    from kiosk.speech.players import Player

log = logging.getLogger(__name__)
HUB_PATIENCE_S = 30.0
KIOSK_ID, CONSOLE_ID, DISPLAY_ID = "kiosk-1", "console-1", "display-1"


@contextmanager
def hub_process(branch: DemoBranch) -> Iterator[subprocess.Popen[bytes]]:
    """The hub, started as a branch starts it, and stopped with SIGTERM."""
    log_file = (branch.folder / "hub.log").open("ab")
    command = [sys.executable, "-m", "kiosk", "hub", "--config", str(branch.config_path),
               "--secrets", str(branch.hub_secrets), "--data", str(branch.data("hub"))]
    process = subprocess.Popen(command, stdout=log_file, stderr=log_file,
                               stdin=subprocess.DEVNULL)
    try:
        _wait_for_hub(branch, process)
        yield process
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(5)
        log_file.close()


def _wait_for_hub(branch: DemoBranch, process: subprocess.Popen[bytes]) -> None:
    url = f"http://{branch.config.hub.health_listen}/healthz"
    deadline = time.monotonic() + HUB_PATIENCE_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise DemoError(f"the hub stopped at once; see {branch.folder / 'hub.log'}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if json.loads(response.read())["broker"]["connected"]:
                    return
        except urllib.error.HTTPError as error:
            if json.loads(error.read()).get("broker", {}).get("connected"):
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError, ValueError, KeyError):
            pass
        time.sleep(0.1)
    raise DemoError(f"the hub did not come up in {HUB_PATIENCE_S:g} s; see "
                    f"{branch.folder / 'hub.log'}")


def screen_layout(with_display: bool) -> DemoLayout:
    """The windows' frames on the primary screen (a 1920x1080 one when there is none)."""
    screen = QGuiApplication.primaryScreen()
    area = screen.availableGeometry() if screen is not None else QRect(0, 0, 1920, 1080)
    return demo_layout(Rect(area.x(), area.y(), area.width(), area.height()), with_display)


def fitted_config(config: BranchConfig, layout: DemoLayout) -> BranchConfig:
    """The branch as this screen's kiosk window sees it: a panel the size of its part."""
    frame = layout.kiosk
    screen = dataclasses.replace(config.screen, width_px=frame.width,
                                 height_px=frame.height,
                                 diagonal_inches=inches(frame.width, frame.height, KIOSK_PPI))
    return dataclasses.replace(config, screen=screen)


def display_section(layout: DemoLayout) -> DisplaySection:
    frame = layout.display or Rect(0, 0, MIN_DISPLAY[0], MIN_DISPLAY[1])
    return DisplaySection(width_px=frame.width, height_px=frame.height,
                          diagonal_inches=inches(frame.width, frame.height, DISPLAY_PPI))


def place_windows(layout: DemoLayout, kiosk: QWidget, console: QWidget,
                  display: QWidget | None, banner: FloatingAlarm) -> None:
    """Each window's frame (title bar included, where a window manager draws one) on its
    part of the screen, and the console's alarm banner over the console's column."""
    for window, frame in ((kiosk, layout.kiosk), (console, layout.console),
                          (display, layout.display)):
        if window is None or frame is None:
            continue
        outer, inner = window.frameGeometry(), window.geometry()
        extra_w, extra_h = outer.width() - inner.width(), outer.height() - inner.height()
        window.resize(max(1, frame.width - extra_w), max(1, frame.height - extra_h))
        window.move(frame.x, frame.y)
    column = layout.banner_column
    banner.keep_within(QRect(column.x, column.y, column.width, column.height))


def window_frames(windows: dict[str, QWidget]) -> str:
    """"kiosk 0,0 941x588; console ..." for the visible windows (the tour prints it)."""
    frames = []
    for name, window in windows.items():
        if window.isVisible():
            frame = window.frameGeometry()
            frames.append(f"{name} {frame.x()},{frame.y()} {frame.width()}x{frame.height()}")
    return "; ".join(frames)


def print_welcome(branch: DemoBranch, broker_kind: str, with_display: bool) -> None:
    names = {s.id: s.name.text("en") for s in branch.config.staff}
    pins = ", ".join(f"{names[staff]} {pin}" for staff, pin in DEMO_PINS.items())
    print(f"demo: branch {branch.config.branch.id} in {branch.folder} "
          f"(broker: {broker_kind}, hub log: {branch.folder / 'hub.log'})")
    print(f"demo: windows: kiosk {KIOSK_ID}, console {CONSOLE_ID} (counter 1)"
          + (f", wall display {DISPLAY_ID}" if with_display else ""))
    print(f"demo: staff PINs for the console: {pins}")
    print("demo: press the kiosk's red Help button, then answer it at the console; "
          "close the console window to end")


def run_demo(folder: str | None, tour: bool, screenshot: str | None,
             with_display: bool = True) -> int:
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    own_folder = folder is None
    root = Path(folder) if folder else Path(tempfile.mkdtemp(prefix="kiosk-demo-"))
    from kiosk.net.broker import BrokerError, start_local_broker

    try:
        broker = start_local_broker(root / "broker")
    except BrokerError as problem:
        return cannot_start("demo", problem)
    try:
        branch = prepare(root, broker.port)
        with hub_process(branch):
            print_welcome(branch, broker.kind, with_display)
            return _run_windows(branch, tour, Path(screenshot) if screenshot else None,
                                with_display)
    except DemoError as problem:
        return cannot_start("demo", problem)
    finally:
        broker.stop()
        if own_folder:
            shutil.rmtree(root, ignore_errors=True)


def _run_windows(branch: DemoBranch, tour: bool, screenshot: Path | None,
                 with_display: bool) -> int:
    from kiosk.console.app import build_console
    from kiosk.customer.app import build_kiosk
    from kiosk.demo.tour import Tour
    from kiosk.speech.players import default_player
    from kiosk.speech.service import SpeechService
    from kiosk.speech.settings import SpeechSettings

    app = QApplication(sys.argv[:1])
    app.setApplicationName("kiosk-demo")
    layout = screen_layout(with_display)
    player = default_player()
    kiosk_speech = SpeechService(SpeechSettings(), player)
    kiosk_speech.warm_up()
    config = fitted_config(branch.config, layout)
    kiosk = build_kiosk(app, config, KIOSK_ID, branch.data(KIOSK_ID), speaker=kiosk_speech)
    console = build_console(app, config, CONSOLE_ID, branch.data(CONSOLE_ID), player=player)
    display = _build_display(branch, player, display_section(layout)) if with_display \
        else None
    kiosk.start(windowed=True)
    console.start()
    if display is not None:
        display.start(windowed=True)
    place_windows(layout, kiosk.window, console.window,
                  display.window if display is not None else None, console.window.floating)
    console.window.raise_()
    # exit(), not quit(): quit() asks every window to close, and the kiosk refuses without
    # a staff PIN while the console asks for confirmation.
    signal.signal(signal.SIGTERM, lambda *_: app.exit(0))
    signal.signal(signal.SIGINT, lambda *_: app.exit(0))
    console.window.closed.connect(lambda: app.exit(0))
    wake = QTimer()
    wake.timeout.connect(lambda: None)
    wake.start(200)
    result = {"code": 0}
    if tour:
        windows: dict[str, QWidget] = {"kiosk": kiosk.window, "console": console.window,
                                       "banner": console.window.floating}
        if display is not None:
            windows["display"] = display.window
        guide = Tour(kiosk, console, screenshot, frames=lambda: window_frames(windows))

        def done(code: int) -> None:
            result["code"] = code
            QTimer.singleShot(500, lambda: app.exit(code))

        guide.finished.connect(done)
        QTimer.singleShot(1000, guide.start)
    code = app.exec()
    wake.stop()
    console.stop()
    if display is not None:
        display.stop()
    kiosk.stop()
    return result["code"] if tour else code


def _build_display(branch: DemoBranch, player: Player,
                   section: DisplaySection) -> DisplayParts:
    from kiosk.display.app import build_display
    from kiosk.display.chime import PlayerChime, write_chime
    from kiosk.speech.service import SpeechService
    from kiosk.speech.settings import SpeechSettings

    speech = SpeechService(SpeechSettings(), player)
    speech.warm_up()
    chime_file = write_chime(branch.folder / "chime.wav")
    return build_display(branch.config, DISPLAY_ID, speaker=speech,
                         chime=PlayerChime(player, chime_file), section=section)

