"""The wall display's composition root: `python -m kiosk display` builds everything here.

Configuration, fonts, the look (high contrast, sized for the hall's farthest seat), the
words in every branch language, speech and the chime, the network thread and its Qt
bridge, the window and the heartbeat are made here, once, and passed into constructors.
Tests build the same display with `build_display()` and their own speaker and chime.

An unreachable broker or hub does not stop the display: it starts, shows the last numbers
it knows (none at first) and a line saying it is not connected, and catches up when the
retained queue state and announcement arrive.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import Qt

from kiosk.core.config import BranchConfig
from kiosk.core.settings import DisplaySection, Role
from kiosk.display.board_voice import SpokenBoardVoice
from kiosk.display.board_words import BoardWords
from kiosk.display.chime import Chime
from kiosk.display.display_settings import board_times, display_section
from kiosk.display.display_window import DisplayWindow
from kiosk.net.display_bridge import DisplayBridge
from kiosk.net.display_client import DisplayDevice
from kiosk.net.qt_bridge import HeartbeatTimer
from kiosk.program_start import EXIT_STARTUP, cannot_start
from kiosk.protocol.device_messages import Component, Health
from kiosk.speech.api import AudioState, Speaker
from kiosk.speech.qt_adapter import QtSpeechEvents
from kiosk.ui.fonts import load_fonts
from kiosk.ui.physical import size_rules
from kiosk.ui.stop_signals import StopSignals
from kiosk.ui.theme import Contrast, TextSize, Theme, build_theme
from kiosk.window_start import start_window_program

log = logging.getLogger(__name__)


class DisplaySetupError(Exception):
    """The display cannot start as configured; the message says what to fix."""


def display_theme(section: DisplaySection, font_family: str) -> Theme:
    """High contrast (light on black, as wall boards are), sized for the farthest seat."""
    return build_theme(size_rules(section), Contrast.HIGH, TextSize.LARGE, font_family)


@dataclass
class DisplayParts:
    config: BranchConfig
    device: DisplayDevice
    bridge: DisplayBridge
    speaker: Speaker
    speech_events: QtSpeechEvents
    window: DisplayWindow
    heartbeat: HeartbeatTimer
    cleanup: list[Callable[[], None]] = field(default_factory=list)

    def start(self, *, windowed: bool, connect: bool = True) -> None:
        window = self.window
        if windowed:
            window.show()
        else:
            window.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
            window.setCursor(Qt.CursorShape.BlankCursor)  # nobody points at a wall board
            screen = window.screen()
            if screen is not None:
                window.setGeometry(screen.geometry())
            window.showFullScreen()
        if connect:
            self.device.start()
            self.heartbeat.start()

    def stop(self) -> None:
        self.heartbeat.stop()
        self.window.stop()
        self.device.stop()
        self.speech_events.detach()
        self.speaker.close()
        for step in self.cleanup:
            step()


def build_display(config: BranchConfig, device_id: str, *, speaker: Speaker, chime: Chime,
                  password: str | None = None, section: DisplaySection | None = None,
                  languages: Sequence[str] | None = None,
                  monotonic: Callable[[], float] = time.monotonic) -> DisplayParts:
    """The display for `device_id`, built but not started. Needs a QApplication."""
    _check_display(config, device_id)
    section = section or display_section(config)
    family = load_fonts()
    words = BoardWords(languages or config.branch.languages)
    device = DisplayDevice(config, device_id, password=password)
    bridge = DisplayBridge(device)
    events = QtSpeechEvents(speaker)
    voice = SpokenBoardVoice(speaker, events, chime, words)
    window = DisplayWindow(words, display_theme(section, family), board_times(section), voice,
                           monotonic=monotonic)
    window.resize(section.width_px, section.height_px)
    voice.setParent(window)
    events.setParent(window)
    bridge.called.connect(window.ticket_called)
    bridge.queue.connect(window.queue_state)
    bridge.announcement.connect(window.announcement)
    bridge.link.connect(window.link_changed)
    heartbeat = HeartbeatTimer(device, lambda: display_health(device, speaker),
                            parent=window)
    return DisplayParts(config, device, bridge, speaker, events, window, heartbeat)


def _check_display(config: BranchConfig, device_id: str) -> None:
    device_entry = config.device(device_id)
    if device_entry is None or device_entry.role is not Role.DISPLAY:
        displays = ", ".join(d.id for d in config.devices_with_role(Role.DISPLAY)) or "none"
        raise DisplaySetupError(f"--device {device_id}: not a display in {config.source}; "
                                f"displays: {displays}")


def display_health(device: DisplayDevice, speaker: Speaker) -> Health:
    """What the display's heartbeat tells the consoles: can it be heard."""
    speech = speaker.health()
    sound = Component.OK if speech.audio is AudioState.OK else Component.FAILED
    spoken = Component.OK if speech.can_speak else (
        Component.DEGRADED if speech.audio is AudioState.OK else Component.FAILED)
    return device.link.health(speech=spoken, printer=Component.ABSENT, sound=sound, outbox=0)


def _real_speech(private_dir: Path) -> tuple[Speaker, Chime]:
    from kiosk.display.chime import PlayerChime, write_chime
    from kiosk.speech.players import default_player
    from kiosk.speech.service import SpeechService
    from kiosk.speech.settings import SpeechSettings

    player = default_player()
    service = SpeechService(SpeechSettings(), player)
    service.warm_up()
    return service, PlayerChime(player, write_chime(private_dir / "chime.wav"))


def run_display(config_path: str, device_id: str, secrets_path: str | None,
                windowed: bool) -> int:
    start = start_window_program("display", config_path, device_id, secrets_path,
                                 log_name="display", app_name="kiosk-display",
                                 check=lambda config: _check_display(config, device_id),
                                 refusals=(DisplaySetupError,))
    if start is None:
        return EXIT_STARTUP
    app = start.app
    private_dir = Path(tempfile.mkdtemp(prefix="kiosk-display-"))
    speaker, chime = _real_speech(private_dir)
    try:
        parts = build_display(start.config, device_id, speaker=speaker, chime=chime,
                              password=start.password)
    except (DisplaySetupError, ValueError) as problem:
        speaker.close()
        shutil.rmtree(private_dir, ignore_errors=True)
        return cannot_start("display", problem)
    parts.cleanup.append(lambda: shutil.rmtree(private_dir, ignore_errors=True))
    stop = StopSignals()
    stop.received.connect(lambda _signum: app.exit(0))
    parts.start(windowed=windowed)
    log.info("display %s started (%s)", device_id, "windowed" if windowed else "full-screen")
    code = app.exec()
    stop.close()
    parts.stop()
    log.info("display %s stopped", device_id)
    return code
