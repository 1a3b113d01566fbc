"""The kiosk's composition root: `python -m kiosk run` builds everything here, once.

Configuration, fonts, theme, catalogue, speech, the device's network thread and its Qt
bridge, the screens, the services the window works with (its voice, the idle rule, the help
call's follower, the keypad, the announcers, the focus reader), the window and the
heartbeat are made here and passed into constructors; nothing else in the kiosk creates a
service. Tests and `render-screens` use `build_kiosk()` with
their own speaker (and without connecting), so they run the same window the branch runs.

An unreachable broker or hub does not stop the kiosk: it starts, says on the home screen
that staff cannot be reached from here, keeps every help call in its outbox and sends it
when the network is back. The ticket printer is made from the branch's ``[printer]``
settings (a CUPS queue, or none), and the questions and answers are read from the content
files through the FAQ library, which keeps the last good content when a file is broken.
"""

from __future__ import annotations

import importlib
import logging
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from kiosk.core.config import BranchConfig
from kiosk.core.faq_library import FaqLibrary, kiosk_faq_library
from kiosk.core.idle import IdleClock
from kiosk.core.settings import DisplaySection, KioskSection, Role
from kiosk.customer.announcement_overlay import AnnouncementScreen, AnnouncementTakeover
from kiosk.customer.called_announcer import CalledAnnouncer
from kiosk.customer.customer_session import CustomerSession, speech_language
from kiosk.customer.desk_prints import DeskPrints
from kiosk.customer.feedback_screen import FeedbackScreen
from kiosk.customer.help_follower import HelpFollower
from kiosk.customer.help_screen import HelpScreen
from kiosk.customer.home_screen import HomeScreen
from kiosk.customer.idle_overlay import IdleScreen
from kiosk.customer.idle_watch import IdleWatch
from kiosk.customer.keypad import Keypad
from kiosk.customer.kiosk_keys import KioskSetupError, key_bindings, kiosk_section
from kiosk.customer.lost_offer import LostOfferScreen
from kiosk.customer.main_window import JourneyContent, KioskScreens, KioskServices, KioskWindow
from kiosk.customer.missed_screen import MissedScreen
from kiosk.customer.screen_voice import ScreenVoice
from kiosk.customer.settings_screen import SettingsScreen
from kiosk.customer.staff_exit_screen import StaffExitScreen
from kiosk.customer.supervision import KioskHealth
from kiosk.net.device_link import DeviceLink
from kiosk.net.headless import HeadlessDevice
from kiosk.net.kiosk_client import KioskClient
from kiosk.net.local_store import LocalStore
from kiosk.net.qt_bridge import HeartbeatTimer, KioskBridge
from kiosk.paths import assets_dir
from kiosk.printing.configured_printer import make_printer, printer_section
from kiosk.printing.printer import TicketPrinter
from kiosk.printing.qt_adapter import PrinterEvents
from kiosk.program_start import EXIT_STARTUP, cannot_start, data_folder
from kiosk.speech.api import Speaker
from kiosk.speech.focus_reader import FocusReader
from kiosk.speech.qt_adapter import QtSpeechEvents
from kiosk.ui.fonts import load_fonts
from kiosk.ui.i18n import available_languages
from kiosk.ui.physical import size_rules
from kiosk.ui.stop_signals import StopSignals
from kiosk.ui.watchdog_timer import WatchdogTimer
from kiosk.window_start import start_window_program

log = logging.getLogger(__name__)
LOAD_LATER_MS = 2000
"""After start-up, when the home screen has long been painted, the modules the first
screen does not need are loaded (the ticket's PDF and QR code), so the first ticket does
not wait for them."""
LOADED_LATER = ("kiosk.printing.ticket_pdf",)


@dataclass
class KioskParts:
    """Everything one running kiosk is made of."""

    config: BranchConfig
    device: HeadlessDevice[KioskClient]
    bridge: KioskBridge
    speaker: Speaker
    speech_events: QtSpeechEvents
    session: CustomerSession
    window: KioskWindow
    heartbeat: HeartbeatTimer
    printer: TicketPrinter
    faq: FaqLibrary
    desk_prints: DeskPrints

    def start(self, *, windowed: bool, connect: bool = True) -> None:
        """Show the window and, with ``connect``, start the network: the stored call (if
        any) is resumed on the device thread first, then the broker is dialled."""
        window = self.window
        screen = self.config.screen
        if windowed:
            window.allow_close()
            window.resize(screen.width_px, screen.height_px)
            window.show()
        else:
            window.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
            available = window.screen().geometry() if window.screen() else None
            if available is not None:
                window.setGeometry(available)
            window.showFullScreen()
        window.activateWindow()
        window.start()
        QTimer.singleShot(LOAD_LATER_MS, window, _load_later)
        if connect:
            device = self.device
            device.worker.start()
            client = device.client

            def resume() -> None:
                client.resume()

            device.worker.submit(resume)
            device.link.start()
            self.heartbeat.start()

    def stop(self) -> None:
        """Network first, so nothing new arrives; then the window, printer and speech."""
        self.heartbeat.stop()
        self.device.stop()
        self.window.stop()
        self.printer.close()
        self.window.allow_close()
        self.window.close()
        self.window.deleteLater()
        self.speech_events.detach()
        self.speaker.close()


def _load_later() -> None:
    for name in LOADED_LATER:
        importlib.import_module(name)


def offered_languages(config: BranchConfig) -> tuple[tuple[str, ...], dict[str, str]]:
    """The configured languages that have a catalogue, and the name of every catalogue's
    language (the pseudo-language included: it can be shown, but is never offered)."""
    names = {language.code: language.native_name
             for language in available_languages(include_pseudo=True)}
    offered = tuple(code for code in config.branch.languages if code in names)
    for code in config.branch.languages:
        if code not in names:
            log.error("language %s is configured but has no catalogue; it is not offered",
                      code)
    return offered or (config.branch.default_language,), names


def build_kiosk(app: QApplication, config: BranchConfig, device_id: str, data_dir: Path, *,
                speaker: Speaker, password: str | None = None,
                kiosk: KioskSection | None = None, printer: TicketPrinter | None = None,
                faq_dir: Path | None = None, announcement_repeat_s: float | None = None,
                now: Callable[[], float] = time.time,
                monotonic: Callable[[], float] = time.monotonic,
                idle_poll_ms: int = 250) -> KioskParts:
    """The kiosk for ``device_id``, built but not started. Raises KioskSetupError.

    ``printer``: the ticket printer (tests give a fake); by default the one the
    ``[printer]`` settings describe, started here. ``faq_dir``: where the questions and
    answers are read from (default ``assets/faq``). ``announcement_repeat_s``: the pause
    before a branch announcement is said again (default: the wall display's setting)."""
    device_entry = config.device(device_id)
    if device_entry is None or device_entry.role is not Role.KIOSK:
        raise KioskSetupError(f"--device {device_id}: not a kiosk in {config.source}; kiosks: "
                              + ", ".join(d.id for d in config.devices_with_role(Role.KIOSK)))
    section = kiosk or kiosk_section(config)
    keys = key_bindings(section)
    family = load_fonts()
    languages, names = offered_languages(config)
    data_dir.mkdir(parents=True, exist_ok=True)

    def make_client(link: DeviceLink, store: LocalStore) -> KioskClient:
        return KioskClient(config, device_id, link, store, now, monotonic=monotonic,
                           pin_reply_timeout_s=section.pin_reply_timeout_s)

    device = HeadlessDevice(config, device_id, data_dir, make_client, password=password,
                            clock=now, monotonic=monotonic, heartbeats=False)
    bridge = KioskBridge(device)
    session = CustomerSession(app, size_rules(config.screen), family, speaker,
                              config.branch.default_language, languages)
    paper = printer_section(config)
    printer = printer or make_printer(paper, data_dir / "spool")
    content_dir = faq_dir or assets_dir() / "faq"
    faq = kiosk_faq_library(data_dir, config.branch.languages, content_dir=content_dir)
    faq.load()
    shown = _screens(config, session, device_id, names)
    printer_events = PrinterEvents(printer)
    idle = IdleWatch(IdleClock(config.idle.warn_after_s, config.idle.reset_after_warn_s),
                     monotonic, poll_ms=idle_poll_ms)
    voice = ScreenVoice(speaker, session, on_speak=idle.speech_started)
    services = KioskServices(
        voice=voice, idle=idle,
        follower=HelpFollower(now, section.confirm_grace_s, config.help.reassure_every_s,
                              monotonic=monotonic),
        keypad=Keypad(keys), announcer=CalledAnnouncer(voice),
        takeover=AnnouncementTakeover(shown.announcement, voice,
                                      repeat_s=announcement_repeat_s
                                      or _display(config).announcement_repeat_s),
        focus_reader=FocusReader(app, speaker, lambda: speech_language(session.language),
                                 enabled=False),
        printer=printer_events)
    window = KioskWindow(config, section, bridge, session, shown, services,
                         JourneyContent(faq, content_dir, family, paper),
                         monotonic=monotonic, idle_poll_ms=idle_poll_ms)
    desk_prints = DeskPrints(bridge, printer_events, window.tickets.words_for,
                             font_family=family, paper=paper, parent=window)
    events = QtSpeechEvents(speaker, window)
    window.listen_to(events)
    health = KioskHealth(device, speaker, lambda: window.in_use, printer.state)
    heartbeat = HeartbeatTimer(device, health.health, health.activity, parent=window)
    return KioskParts(config, device, bridge, speaker, events, session, window, heartbeat,
                      printer, faq, desk_prints)


def _screens(config: BranchConfig, session: CustomerSession, device_id: str,
             names: Mapping[str, str]) -> KioskScreens:
    """The screens of the kiosk that no journey makes, in the customer's language."""
    def language() -> str:
        return session.language

    offered = [(code, names.get(code, code)) for code in session.languages]
    return KioskScreens(
        home=HomeScreen(config.branch.name, language,
                        lambda: names.get(session.next_language(), ""),
                        lambda: session.settings.text_size,
                        lambda: session.settings.high_contrast),
        settings=SettingsScreen(lambda: session.settings, offered),
        help=HelpScreen(config.staff, language), idle=IdleScreen(), lost=LostOfferScreen(),
        staff_exit=StaffExitScreen(config.staff, language, device_id),
        missed=MissedScreen([service.prefix for service in config.services]),
        feedback=FeedbackScreen(), announcement=AnnouncementScreen(language),
        language_names=names)


def _display(config: BranchConfig) -> DisplaySection:
    """The branch's ``[display]`` settings: the kiosk repeats a branch announcement as
    often as the wall display does (one setting for both)."""
    section = getattr(config, "display", None)
    return section if isinstance(section, DisplaySection) else DisplaySection()


def _stop_on_signal(app: QApplication, parts: KioskParts) -> None:
    log.info("stopping: the screen is reset and the kiosk program ends")
    parts.window.reset_for_next_customer()
    app.exit(0)


def _speech_service() -> Speaker:
    from kiosk.speech.players import default_player
    from kiosk.speech.service import SpeechService
    from kiosk.speech.settings import SpeechSettings

    service = SpeechService(SpeechSettings(), default_player())
    service.warm_up()
    return service


def run_kiosk(config_path: str, device_id: str, secrets_path: str | None,
              data_dir: str | None, windowed: bool, log_dir: str | None = None) -> int:
    start = start_window_program("run", config_path, device_id, secrets_path,
                                 log_name="kiosk", app_name="kiosk", log_dir=log_dir,
                                 check=lambda config: key_bindings(kiosk_section(config)),
                                 refusals=(KioskSetupError,))
    if start is None:
        return EXIT_STARTUP
    app = start.app
    speaker = _speech_service()
    data = data_folder(data_dir, config_path, "kiosk-data")
    try:
        parts = build_kiosk(app, start.config, device_id, data, speaker=speaker,
                            password=start.password)
    except (KioskSetupError, OSError) as problem:
        speaker.close()
        return cannot_start("run", problem)
    parts.window.exitApproved.connect(lambda _staff: app.quit())
    # SIGTERM (a service manager stopping the kiosk) is not a customer closing the window:
    # the screen is cleared of the customer's data and the program ends at once. exit(),
    # not quit(): quit() asks the full-screen window, which refuses without a staff PIN.
    stop = StopSignals()
    stop.received.connect(lambda _signum: _stop_on_signal(app, parts))
    parts.start(windowed=windowed)
    watchdog = WatchdogTimer()  # systemd restarts a kiosk whose screen froze
    watchdog.start()
    log.info("kiosk %s started (%s)", device_id, "windowed" if windowed else "full-screen")
    code = app.exec()
    watchdog.stop()
    stop.close()
    parts.stop()
    log.info("kiosk %s stopped", device_id)
    return code
