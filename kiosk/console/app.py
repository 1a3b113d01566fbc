"""The staff console's composition root: `python -m kiosk console` builds everything here.

Configuration, fonts, style, catalogue, the alarm player, the device's network thread and
its Qt bridge, the journal, the desk session and the window are made here, once, and passed
into constructors. Tests, `render-console` and the demo use ``build_console`` with their
own player, clock and file chooser, so they run the window the branch runs.

An unreachable broker or hub does not stop the console: it starts, says so in its status
line, and alarms from every call that reaches it.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication

from kiosk.console import console_style
from kiosk.console.alarm_controller import AlarmController
from kiosk.console.alarm_sound import AlarmSounder
from kiosk.console.branch_names import BranchNames, CurrentLanguage
from kiosk.console.console_records import ConsoleRecords
from kiosk.console.desk_session import DeskSession
from kiosk.console.device_monitor import DeviceMonitor
from kiosk.console.file_choice import SavePath, ask_save_path
from kiosk.console.hub_requests import HubRequests
from kiosk.console.journal import Journal
from kiosk.console.main_window import ConfirmClose, ConsoleWindow, ask_to_close
from kiosk.console.staff_session import StaffSession
from kiosk.console.supervision import DeviceWatch
from kiosk.core.config import BranchConfig
from kiosk.core.help.clock import CallClock
from kiosk.core.help.timers import HelpTiming
from kiosk.core.settings import ConsoleSection, Role
from kiosk.net.console_client import ConsoleClient
from kiosk.net.device_link import DeviceLink
from kiosk.net.headless import HeadlessDevice
from kiosk.net.local_store import LocalStore, LocalStoreError
from kiosk.net.qt_bridge import ConsoleBridge, HeartbeatTimer
from kiosk.program_start import EXIT_STARTUP, cannot_start, data_folder
from kiosk.protocol.device_messages import Component, Health
from kiosk.speech.players import Player, default_player
from kiosk.ui.fonts import load_fonts
from kiosk.ui.i18n import available_languages, load_language
from kiosk.ui.stop_signals import StopSignals
from kiosk.window_start import start_window_program

log = logging.getLogger(__name__)


class ConsoleSetupError(Exception):
    """The console cannot start; the message says why, for a person to fix."""


def console_section(config: BranchConfig) -> ConsoleSection:
    """The branch's ``[console]`` settings."""
    return config.console


class ConsoleHealth:
    """What this console's heartbeat says: whether its alarm can be heard, and its outbox.
    The outbox is counted on the device's thread (the GUI thread never touches SQLite)."""

    def __init__(self, device: HeadlessDevice[ConsoleClient], alarms: AlarmController,
                 journal: Journal | None = None) -> None:
        self._device = device
        self._alarms = alarms
        self._journal = journal

    def health(self) -> Health:
        outbox = self._device.outbox_count()
        sound = Component.OK if self._alarms.sound_check().audible else Component.FAILED
        return self._device.link.health(speech=Component.ABSENT, printer=Component.ABSENT,
                                        sound=sound, outbox=outbox, store=self._store())

    def _store(self) -> Component:
        """The device store's state; a journal set aside or in memory makes it degraded."""
        store = self._device.store_health()
        if store is Component.OK and self._journal is not None and self._journal.fault:
            return Component.DEGRADED
        return store


@dataclass
class ConsoleParts:
    """Everything one running console is made of."""

    config: BranchConfig
    device: HeadlessDevice[ConsoleClient]
    bridge: ConsoleBridge
    requests: HubRequests
    desk: DeskSession
    alarms: AlarmController
    monitor: DeviceMonitor
    journal: Journal
    records: ConsoleRecords
    window: ConsoleWindow
    health: ConsoleHealth
    heartbeat: HeartbeatTimer
    language: CurrentLanguage

    def start(self, *, connect: bool = True, show: bool = True) -> None:
        """Start the timers and, with ``connect``, the network: the stored calls are loaded
        on the device thread first (they alarm at once), then the broker is dialled."""
        self.desk.start()
        if connect:
            device = self.device

            def resume() -> None:
                device.client.resume()  # stored calls reach the window as calls_changed

            device.worker.start()
            device.worker.submit(resume)
            device.link.start()
            self.heartbeat.start()
        self.monitor.start()
        self.alarms.start()
        self.window.start()
        if show:
            self.window.show()
            QApplication.instance().installEventFilter(self.desk)  # type: ignore[union-attr]

    def stop(self) -> None:
        """Network first, so nothing new arrives; then the timers, the window, the files.

        The window (and every QObject it owns) is deleted here, on the GUI thread: left to
        Python's garbage collector it could be finalised on the network thread, which Qt
        does not survive."""
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.desk)
        self.heartbeat.stop()
        self.device.stop()
        self.alarms.stop()
        self.monitor.stop()
        self.desk.stop()
        self.requests.stop()
        self.window.stop()
        self.journal.close()
        self.window.hide()
        self.window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def offered_languages(config: BranchConfig) -> dict[str, str]:
    """Configured languages with a catalogue -> each one's own name, in the branch's order."""
    names = {lang.code: lang.native_name for lang in available_languages(include_pseudo=True)}
    return {code: names[code] for code in config.branch.languages if code in names}


def build_console(app: QApplication, config: BranchConfig, device_id: str, data_dir: Path, *,
                  player: Player, password: str | None = None,
                  section: ConsoleSection | None = None, clock: Callable[[], float] = time.time,
                  monotonic: Callable[[], float] = time.monotonic,
                  save_path: SavePath = ask_save_path, confirm_close: ConfirmClose = ask_to_close,
                  sounds_dir: Path | None = None, language: str | None = None,
                  connected: Callable[[], bool] | None = None,
                  tick_ms: int = 250) -> ConsoleParts:
    """The console for ``device_id``, built but not started. Raises ConsoleSetupError.

    ``connected`` tells the window whether the broker link is up (default: the device's
    own link; the pictures of ``render-console`` draw a connected desk)."""
    entry = config.device(device_id)
    if entry is None or entry.role is not Role.CONSOLE:
        raise ConsoleSetupError(
            f"--device {device_id}: not a console in {config.source}; consoles: "
            + ", ".join(d.id for d in config.devices_with_role(Role.CONSOLE)))
    section = section or console_section(config)
    family = load_fonts()
    current = CurrentLanguage(language or config.branch.default_language)
    load_language(app, current.code)
    names = BranchNames(config, current)
    data_dir.mkdir(parents=True, exist_ok=True)

    # Each call's escalation with the hub down, shared by the network side and the alarm.
    call_clock = CallClock(clock, monotonic)

    def make_client(link: DeviceLink, store: LocalStore) -> ConsoleClient:
        return ConsoleClient(config, device_id, link, store, clock, monotonic=monotonic,
                             call_clock=call_clock)

    try:
        device = HeadlessDevice(config, device_id, data_dir, make_client, password=password,
                                clock=clock, monotonic=monotonic, heartbeats=False)
        journal = Journal(data_dir / f"{device_id}-journal.sqlite")
    except (LocalStoreError, OSError) as problem:
        raise ConsoleSetupError(f"{data_dir}: {problem}") from problem
    bridge = ConsoleBridge(device)
    requests = HubRequests(device, monotonic, section.reply_timeout_s)  # deadlines only
    bridge.other_message.connect(requests.handle)
    desk = DeskSession(StaffSession(section.lock_after_s), requests, bridge.set_staff_present,
                       clock, monotonic=monotonic)
    monitor = DeviceMonitor(DeviceWatch(config), clock, monotonic=monotonic)
    timing = HelpTiming(escalate_after_s=config.help.escalate_after_s,
                        resignal_after_s=config.help.resignal_after_s,
                        escalate_repeat_s=config.help.escalate_after_s)
    alarms = AlarmController(AlarmSounder(player, sounds_dir, clock=clock), timing,
                             config.help.alarm_repeat_s, call_clock=call_clock,
                             monotonic=monotonic, hub_online=monitor.hub_online,
                             offline_kiosks=monitor.offline_kiosks, tick_ms=tick_ms)
    records = ConsoleRecords(journal, device.worker.submit)
    window = ConsoleWindow(console_id=device_id, names=names, language=current,
                           languages=offered_languages(config), bridge=bridge, desk=desk,
                           alarms=alarms, monitor=monitor, records=records,
                           save_path=save_path, clock=clock,
                           connected=connected or (lambda: device.link.connected),
                           confirm_close=confirm_close,
                           # On the window, not the application: the demo runs a kiosk in
                           # the same process, with its own application style.
                           stylesheet=console_style.stylesheet(family))
    for owned in (requests, desk, monitor, alarms, bridge):
        owned.setParent(window)
    health = ConsoleHealth(device, alarms, journal)
    heartbeat = HeartbeatTimer(device, health.health, lambda: None, lambda: desk.staff_id,
                               parent=window)
    return ConsoleParts(config, device, bridge, requests, desk, alarms, monitor, journal,
                        records, window, health, heartbeat, current)


def run_console(config_path: str, device_id: str, secrets_path: str | None,
                data_dir: str | None) -> int:
    start = start_window_program("console", config_path, device_id, secrets_path,
                                 log_name="console", app_name="kiosk-console",
                                 refusals=(ConsoleSetupError,))
    if start is None:
        return EXIT_STARTUP
    app = start.app
    app.setQuitOnLastWindowClosed(True)
    data = data_folder(data_dir, config_path, "console-data")
    try:
        parts = build_console(app, start.config, device_id, data, player=default_player(),
                              password=start.password)
    except ConsoleSetupError as problem:
        return cannot_start("console", problem)
    # exit(), not quit(): quit() asks every window to close, and the console would ask
    # staff to confirm; a service manager stopping it must not wait for an answer.
    stop = StopSignals()
    stop.received.connect(lambda _signum: app.exit(0))
    parts.window.closed.connect(lambda: app.exit(0))
    parts.start()
    log.info("console %s started", device_id)
    code = app.exec()
    stop.close()
    parts.stop()
    log.info("console %s stopped", device_id)
    return code
