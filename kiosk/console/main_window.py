"""The staff console's window: alarms and help calls always on top, the desk's work below.

From the top: a red strip if this desk cannot sound its alarm (and an amber one naming any
other desk that cannot); the alarm strip while anything alarms; the desk's name, who is
signed in, and the lock, sign-out and language buttons; the help calls (always visible,
signed in or not, locked or not); and below them either the sign-in panel or the desk's
tabs: queue, kiosks, announcements, history, reports, drills.

Closing the last console that is open in the branch asks first: with no console open, a
help call reaches nobody.
"""

from __future__ import annotations

import platform
from collections.abc import Callable, Mapping

from PySide6.QtCore import Qt, QTimer, Signal, qVersion
from PySide6.QtGui import QCloseEvent, QColor, QPalette, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk import __version__
from kiosk.console import console_style
from kiosk.console.alarm_banner import AlarmStrip, FloatingAlarm, SoundBanner
from kiosk.console.alarm_controller import AlarmController
from kiosk.console.alarm_sound import SoundCheck
from kiosk.console.announcements_panel import AnnouncementsPanel
from kiosk.console.branch_names import BranchNames, CurrentLanguage
from kiosk.console.console_records import ConsoleRecords
from kiosk.console.controls import Retranslating, named
from kiosk.console.desk_session import DeskSession
from kiosk.console.desk_tickets_panel import DeskTicketsPanel
from kiosk.console.device_monitor import DeviceMonitor
from kiosk.console.drills_panel import DrillsPanel
from kiosk.console.file_choice import SavePath
from kiosk.console.help_calls_panel import HelpCallsPanel
from kiosk.console.history_panel import HistoryPanel
from kiosk.console.hub_requests import ActionAnswer
from kiosk.console.kiosks_panel import KiosksPanel
from kiosk.console.queue_panel import QueuePanel
from kiosk.console.queue_watch import TicketEnd
from kiosk.console.reports_panel import ReportsPanel
from kiosk.console.sign_in_panel import SignInPanel
from kiosk.console.staff_session import Phase
from kiosk.console.supervision import DeviceEvent, DeviceView
from kiosk.console.wait_alert_strip import WaitAlertStrip
from kiosk.core.help.state import CallState
from kiosk.core.settings import Role
from kiosk.net.qt_bridge import ConsoleBridge
from kiosk.protocol import Decoded
from kiosk.protocol.help_messages import VisitFeedback
from kiosk.protocol.staff_commands import Announce, ClearAnnouncement, Finish, NoShow
from kiosk.protocol.staff_messages import Announcement
from kiosk.protocol.ticket_messages import QueueState, TicketCalled, WaitAlert

ConfirmClose = Callable[[QWidget, str], bool]
CALLS_SHARE = 42
"""Percent of the height the help calls take: room for several calls and their checklist."""
PANELS_DELAY_MS = 150
"""History, reports and drills follow the calls this long after the alarm is painted."""


def ask_to_close(parent: QWidget, question: str) -> bool:
    answer = QMessageBox.question(parent, parent.windowTitle(), question,
                                  QMessageBox.StandardButton.Yes
                                  | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


class ConsoleWindow(Retranslating, QMainWindow):
    closed = Signal()  # staff closed the console (after confirming, if it was the last)

    def __init__(self, *, console_id: str, names: BranchNames, language: CurrentLanguage,
                 languages: Mapping[str, str], bridge: ConsoleBridge, desk: DeskSession,
                 alarms: AlarmController, monitor: DeviceMonitor, records: ConsoleRecords,
                 save_path: SavePath, clock: Callable[[], float],
                 connected: Callable[[], bool], confirm_close: ConfirmClose = ask_to_close,
                 stylesheet: str = "") -> None:
        super().__init__()
        self.setObjectName("consoleWindow")
        # Styled before any child exists: children laid out under another program's
        # application style (the demo runs a kiosk in this process) would keep its sizes.
        self.setStyleSheet(stylesheet)
        self._apply_palette()
        self.console_id = console_id
        self._names = names
        self._language = language
        self._languages = dict(languages)  # code -> the language's own name
        self._desk = desk
        self._alarms = alarms
        self._monitor = monitor
        self._records = records
        self._clock = clock
        self._connected = connected
        self._confirm_close = confirm_close
        self._calls: dict[str, CallState] = {}
        self._views: list[DeviceView] = []
        config = names.config
        device = config.device(console_id)
        counter = device.counter if device is not None else 0
        self.sound_banner = SoundBanner(names, self)
        self.alarm_strip = AlarmStrip(names, self)
        self.floating = FloatingAlarm(names, stylesheet)
        self.title = named(QLabel(self), "consoleTitle", role="heading")
        self.who = named(QLabel(self), "consoleWho")
        self.lock_button = named(QPushButton(self), "consoleLock", text=lambda: self.tr("Lock"))
        self.sign_out_button = named(QPushButton(self), "consoleSignOut",
                                     text=lambda: self.tr("Sign out"))
        self.language_button = named(QPushButton(self), "consoleLanguage",
                                     accessible=lambda: self.tr("Change language"))
        self.about_button = named(QPushButton(self), "consoleAbout", text=lambda: self.tr("About"))
        self._about: QMessageBox | None = None
        self.calls = HelpCallsPanel(names, bridge, self)
        self.sign_in = SignInPanel(names, self)
        self.queue = QueuePanel(names, counter, desk.act, clock, self)
        self.desk_tickets = DeskTicketsPanel(names, desk.act, self)
        self.wait_alerts = WaitAlertStrip(counter == 0, self)
        self.kiosks = KiosksPanel(names, clock, self)
        self.announcements = AnnouncementsPanel(names, desk.act, self)
        self.history = HistoryPanel(names, save_path, self)
        self.reports = ReportsPanel(names, save_path, self)
        self.drills = DrillsPanel(names, desk.act, save_path, self)
        self.tabs = named(QTabWidget(self), "consoleTabs")
        for panel in (self.queue, self.desk_tickets, self.kiosks, self.announcements,
                      self.history, self.reports, self.drills):
            self.tabs.addTab(panel, "")
        self.work = QStackedWidget(self)
        self.work.addWidget(self.sign_in)
        self.work.addWidget(self.tabs)
        self._build_layout()
        self._connect(bridge)
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._tick)
        self._panels_timer = QTimer(self)
        self._panels_timer.setSingleShot(True)
        self._panels_timer.setInterval(PANELS_DELAY_MS)
        self._panels_timer.timeout.connect(self.refresh_panels)
        self.resize(1280, 860)
        self._show_desk()
        self.show_sound(alarms.sound_check())
        self.kiosks.show_events(records.device_events)
        self.announcements.show_log(records.announcements())
        self.reports.show_tickets(records.tickets())
        self.reports.show_ratings(records.ratings)
        self.retranslate()

    def _build_layout(self) -> None:
        header = QHBoxLayout()
        header.addWidget(self.title)
        header.addStretch(1)
        header.addWidget(self.who)
        for button in (self.lock_button, self.sign_out_button, self.language_button,
                       self.about_button):
            header.addWidget(button)
        split = QSplitter(Qt.Orientation.Vertical, self)
        self._split = split
        split.addWidget(self.calls)
        split.addWidget(self.work)
        split.setChildrenCollapsible(False)
        split.setSizes([CALLS_SHARE, 100 - CALLS_SHARE])  # proportions, scaled to the window
        split.setStretchFactor(0, CALLS_SHARE)
        split.setStretchFactor(1, 100 - CALLS_SHARE)
        root = QWidget(self)
        root.setObjectName("consoleRoot")
        column = QVBoxLayout(root)
        column.addWidget(self.sound_banner)
        column.addWidget(self.alarm_strip)
        # Its room is kept while nothing alarms, so nothing below moves when a call comes.
        policy = self.alarm_strip.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.alarm_strip.setSizePolicy(policy)
        column.addLayout(header)
        column.addWidget(self.wait_alerts)
        column.addWidget(split, 1)
        self.setCentralWidget(root)

    def _connect(self, bridge: ConsoleBridge) -> None:
        bridge.calls_changed.connect(self.show_calls)
        bridge.liveness.connect(self._monitor.liveness)
        bridge.devices_state.connect(self._monitor.hub_view)
        bridge.other_message.connect(self.other_message)
        self._alarms.attach(self)
        self._alarms.rows_changed.connect(self.calls.show_rows)
        self._alarms.alarms_changed.connect(self._show_alarms)
        self._alarms.sound_checked.connect(self.show_sound)
        self._monitor.devices_changed.connect(self._show_devices)
        self._monitor.device_event.connect(self._device_event)
        self.alarm_strip.silence_requested.connect(self._alarms.silence)
        self.floating.open_console.connect(self.bring_forward)
        self.kiosks.noted.connect(self._monitor.note)
        self._desk.changed.connect(self._show_desk)
        self._desk.signed_in.connect(self.sign_in.show_result)
        self._desk.action_answered.connect(self._action_answered)
        self.sign_in.sign_in_requested.connect(self._desk.sign_in)
        self.lock_button.clicked.connect(self._desk.lock)
        self.sign_out_button.clicked.connect(self._desk.sign_out)
        self.language_button.clicked.connect(self._next_language)
        self.about_button.clicked.connect(self.show_about)

    def _apply_palette(self) -> None:
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor(console_style.WINDOW.background))
        palette.setColor(QPalette.ColorRole.WindowText, QColor(console_style.WINDOW.text))
        self.setPalette(palette)

    def start(self) -> None:
        self._timer.start()
        self._tick()

    def stop(self) -> None:
        self._timer.stop()
        self.floating.hide()
        self.floating.deleteLater()

    # --- what the console hears ------------------------------------------------------------

    def show_calls(self, calls: Mapping[str, CallState]) -> None:
        """The alarm and the open calls now; history, reports and drills a moment later.

        Those three go over every call of the day (the reports compute response times and
        redraw a chart): done here, a console with 500 calls behind it painted a new alarm
        200 ms late. Changes that come faster than the delay are folded into one refresh."""
        self._calls = dict(calls)
        self._alarms.set_calls(calls)
        if not self._panels_timer.isActive():
            self._panels_timer.start()

    def refresh_panels(self) -> None:
        """Bring history, reports and drills up to the calls last shown."""
        self._panels_timer.stop()
        self.history.show_calls(self._calls.values())
        self.reports.show_calls(self._calls.values())
        self.drills.show_calls(self._calls)

    def other_message(self, decoded: Decoded) -> None:
        message = decoded.message
        if isinstance(message, QueueState):
            self.show_queue(message)
        elif isinstance(message, TicketCalled):
            self._records.called(message)
        elif isinstance(message, Announcement):
            self.show_announcement(message)
        elif isinstance(message, WaitAlert):
            self.wait_alerts.add(message)
        elif isinstance(message, VisitFeedback):
            if self._records.rating(message, decoded.sender, decoded.sent_at):
                self.reports.show_ratings(self._records.ratings)

    def show_queue(self, state: QueueState) -> None:
        self.queue.show_queue(state)
        self.desk_tickets.show_queue(state)
        self.wait_alerts.show_queue(state)
        if self._records.queue_state(state):
            self.reports.show_tickets(self._records.tickets())

    def show_announcement(self, announcement: Announcement) -> None:
        self.announcements.show_current(announcement)
        if self._records.announcement(announcement):
            self.announcements.show_log(self._records.announcements())

    def _action_answered(self, answer: ActionAnswer) -> None:
        self.queue.action_answered(answer)
        self.desk_tickets.action_answered(answer)
        self.announcements.action_answered(answer)
        self.drills.action_answered(answer)
        result, command = answer.result, answer.command
        if result is None or not result.ok:
            return
        if isinstance(command, Finish | NoShow):
            how = TicketEnd.FINISHED if isinstance(command, Finish) else TicketEnd.NO_SHOW
            if self._records.ended_here(command.number, how, self._clock()):
                self.reports.show_tickets(self._records.tickets())
        elif isinstance(command, Announce | ClearAnnouncement):
            announcement_id = result.details.get("announcement_id")
            if announcement_id and self._records.sent_here(announcement_id, answer.staff_id):
                self.announcements.show_log(self._records.announcements())

    def _show_devices(self, views: list[DeviceView]) -> None:
        self._views = views
        self.kiosks.show_devices(views)
        self.drills.show_devices(views)
        self.sound_banner.show_silent_consoles(
            [v.device_id for v in views if v.silent_console and v.device_id != self.console_id])
        self._show_status()

    def _share_height(self) -> None:
        """The help calls keep their share whether or not a call is open: the desk's
        controls below must not move when calls come and go (a teller reaching for "Call
        next" would press whatever moved there)."""
        total = self._split.height()
        if not self._split.isVisible() or total <= 0:
            return  # done when shown (showEvent)
        calls = total * CALLS_SHARE // 100
        self._split.setSizes([calls, max(1, total - calls)])

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        self._split.updateGeometry()
        QTimer.singleShot(0, self._share_height)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self._share_height()

    def _device_event(self, event: DeviceEvent) -> None:
        self._records.device_event(event)
        self.kiosks.show_events(self._records.device_events)

    def _show_alarms(self, alarms: object) -> None:
        current = self._alarms.alarms
        self.alarm_strip.show_alarms(current, self._calls, self._alarms.policy.silenced)
        self.floating.show_alarms(current, self._calls)

    def show_sound(self, check: SoundCheck) -> None:
        self.sound_banner.show_problem(None if check.audible else check.detail)

    # --- the desk --------------------------------------------------------------------------

    def _show_desk(self) -> None:
        phase = self._desk.phase
        staff = self._desk.staff_id
        unlocked = phase is Phase.SIGNED_IN
        self.work.setCurrentWidget(self.tabs if unlocked else self.sign_in)
        self.sign_in.show_phase(phase, staff)
        self.calls.set_staff(staff, unlocked)
        self.lock_button.setEnabled(unlocked)
        self.sign_out_button.setEnabled(staff is not None)
        self._show_who()

    def _show_who(self) -> None:
        staff = self._desk.staff_id
        if staff is None:
            self.who.setText(self.tr("Nobody signed in"))
        elif self._desk.phase is Phase.LOCKED:
            self.who.setText(self.tr("Locked: {name}").format(name=self._names.staff(staff)))
        else:
            self.who.setText(self.tr("Signed in: {name}").format(name=self._names.staff(staff)))

    def bring_forward(self) -> None:
        self.showNormal()
        self.raise_()
        self.activateWindow()

    def _next_language(self) -> None:
        codes = list(self._languages)
        if not codes:
            return
        current = self._language.code
        following = codes[(codes.index(current) + 1) % len(codes)] if current in codes \
            else codes[0]
        app = QApplication.instance()
        if isinstance(app, QApplication):
            self._language.switch(app, following)

    def _tick(self) -> None:
        self.queue.tick()
        self._show_status()

    def _show_status(self) -> None:
        if not self._connected():
            text = self.tr("Not connected to the branch network: calls from kiosks cannot "
                           "reach this desk. Reconnecting…")
        elif not self._monitor.hub_online():
            text = self.tr("Connected. The hub is offline: calls still arrive here, and this "
                           "desk escalates them itself.")
        else:
            text = self.tr("Connected; the hub is online.")
        self.statusBar().showMessage(text)

    # --- about -----------------------------------------------------------------------------

    def about_text(self) -> str:
        """What IT asks first on the phone: which program, which version, which desk."""
        return self.tr("Bank kiosk staff console, version {version}\n"
                       "Desk: {desk} ({device})\nBranch: {branch}\n"
                       "Python {python}, Qt {qt}").format(
            version=__version__, desk=self._names.device(self.console_id),
            device=self.console_id, branch=self._names.branch(),
            python=platform.python_version(), qt=qVersion())

    def show_about(self) -> None:
        """A window beside the console, not a modal one: alarms keep coming while it is
        open."""
        if self._about is None:
            self._about = QMessageBox(QMessageBox.Icon.Information, self.tr("About"), "",
                                      QMessageBox.StandardButton.Close, self)
            self._about.setWindowModality(Qt.WindowModality.NonModal)
        self._about.setText(self.about_text())
        self._about.show()

    # --- closing ---------------------------------------------------------------------------

    def other_consoles_online(self) -> list[str]:
        return [v.device_id for v in self._monitor.views()
                if v.role is Role.CONSOLE and v.online and v.device_id != self.console_id]

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt API)
        if not self.other_consoles_online() and not self._confirm_close(
                self, self.tr("This is the only staff console open in the branch. If you "
                              "close it, help calls from kiosks will reach nobody. Close it "
                              "anyway?")):
            event.ignore()
            return
        self.floating.hide()
        event.accept()
        self.closed.emit()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("{desk}, {branch}: staff console").format(
            desk=self._names.device(self.console_id), branch=self._names.branch())
            + f" · {__version__}")
        self.title.setText(self.tr("{branch}: {desk}").format(
            branch=self._names.branch(), desk=self._names.device(self.console_id)))
        codes = list(self._languages)
        if len(codes) > 1 and self._language.code in codes:
            following = codes[(codes.index(self._language.code) + 1) % len(codes)]
            self.language_button.setText(self._languages[following])
        self.language_button.setVisible(len(codes) > 1)
        for index, title in enumerate((self.tr("Queue"), self.tr("Desk tickets"),
                                       self.tr("Kiosks"), self.tr("Announcements"),
                                       self.tr("History"), self.tr("Reports"),
                                       self.tr("Drills"))):
            self.tabs.setTabText(index, title)
        self._show_who()
        self._show_status()
