"""The console set up in each of its screens, for ``render-console``.

A ``Stage`` is one real console (``build_console``), not connected, on a stopped clock at
the sample week's "now", fed through the methods the network feeds and signed in through
the path the hub's answer takes. Each ``Screen`` puts it into one state worth looking at.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.console.app import ConsoleParts, build_console
from kiosk.console.hub_requests import ActionAnswer, PinAnswer
from kiosk.console.journal import Journal
from kiosk.console.sample_day import sample_day, sample_health, sample_heartbeat
from kiosk.console.supervision import DeviceChange, DeviceEvent
from kiosk.core.config import BranchConfig
from kiosk.core.help.events import HelpEvent
from kiosk.core.help.state import calls_state
from kiosk.core.settings import LocalText, Role
from kiosk.protocol.device_messages import Activity, Component
from kiosk.protocol.pin_messages import PinReply
from kiosk.protocol.staff_commands import IssueTicket
from kiosk.protocol.staff_messages import ActionResult, Announcement
from kiosk.protocol.ticket_messages import MissedTicket, WaitAlert
from kiosk.speech.api import AudioState
from kiosk.speech.players import NullPlayer, Playback, Player, PlayerState


class _SilentPlayback(Playback):
    def start(self) -> None:
        self._enter(PlayerState.FINISHED)

    def stop(self) -> None:
        self._stop_requested.set()

    def wait(self) -> PlayerState:
        return self.state


class DrawingPlayer(Player):
    """Says sound works and plays nothing: the pictures show a console with working sound."""

    def playback(self, path: Path) -> Playback:
        return _SilentPlayback(path)

    def audio_status(self) -> tuple[AudioState, str]:
        return AudioState.OK, "drawing only"


class Stage:
    def __init__(self, app: QApplication, config: BranchConfig, console_id: str,
                 data_dir: Path, language: str, *, sound_works: bool = True) -> None:
        self.app = app
        self.config = config
        self.console_id = console_id
        self.sample = sample_day(config, console_id)
        self.now = self.sample.now
        self._fill_journal(data_dir / f"{console_id}-journal.sqlite")
        self._data_dir = data_dir
        self._language = language
        self.parts = self._build(sound_works)

    def _build(self, sound_works: bool) -> ConsoleParts:
        parts = build_console(self.app, self.config, self.console_id, self._data_dir,
                              player=DrawingPlayer() if sound_works else NullPlayer(),
                              clock=lambda: self.now, monotonic=lambda: self.now,
                              language=self._language,
                              save_path=lambda _parent, _name: None,
                              connected=lambda: True,
                              confirm_close=lambda _parent, _question: True)
        parts.start(connect=False, show=False)
        return parts

    def rebuild_without_sound(self) -> None:
        self.parts.stop()
        self.parts = self._build(sound_works=False)

    def _fill_journal(self, path: Path) -> None:
        journal = Journal(path)
        journal.save_tickets(self.sample.tickets)
        for rating in self.sample.ratings:
            journal.add_rating(rating)
        for record in self.sample.announcements:
            journal.add_announcement(record)
        kiosks = [d.id for d in self.config.devices_with_role(Role.KIOSK)]
        for days_ago, kiosk in ((3, kiosks[0]), (1, kiosks[-1])):
            went = self.now - days_ago * 86400 - 4000
            journal.add_device_event(DeviceEvent(went, kiosk, DeviceChange.WENT_OFFLINE))
            journal.add_device_event(DeviceEvent(went + 312, kiosk, DeviceChange.CAME_BACK))
        journal.close()

    # --- putting the console into a state --------------------------------------------------

    def sign_in(self, staff_id: str) -> None:
        desk = self.parts.desk
        desk.sign_in(staff_id, "0000")
        request_id = desk.session.pending_request
        assert request_id is not None
        reply = PinReply(request_id, staff_id=staff_id, session="drawing-session-token",
                         expires_at=self.now + 8 * 3600)
        self.parts.requests.pin_answered.emit(PinAnswer(request_id, reply))

    def show_calls(self, *event_lists: list[HelpEvent]) -> None:
        events = [e for events in event_lists for e in events]
        self.parts.window.show_calls(calls_state(events))
        self.parts.window.refresh_panels()

    def devices(self, *, silent_kiosk: bool = False, silent_console: bool = False) -> None:
        watch = self.parts.monitor.watch
        kiosks = [d.id for d in self.config.devices_with_role(Role.KIOSK)]
        for device in self.config.devices:
            at = self.now - 1.2
            if device.role is Role.KIOSK:
                beat = sample_heartbeat(sample_health(kiosk=True), Activity.IDLE)
                if silent_kiosk and device.id == kiosks[-1]:
                    at = self.now - 62
            elif device.role is Role.CONSOLE:
                broken = silent_console and device.id != self.console_id
                staff = next((s.id for s in self.config.staff), None)
                beat = sample_heartbeat(sample_health(
                    Component.FAILED if broken else Component.OK, kiosk=False),
                    staff_id=staff if device.id != self.console_id else None)
            else:
                beat = sample_heartbeat(sample_health(
                    Component.ABSENT if device.role is Role.HUB else Component.OK,
                    kiosk=False))
            watch.heartbeat(device.id, beat, at)
            if at < self.now - 60:
                watch.check(at + 1)
        self.parts.monitor.tick()

    def queue(self) -> None:
        self.parts.window.show_queue(self.sample.queue)

    def announcement(self) -> None:
        shown = self.sample.announcements[-1]
        self.parts.window.show_announcement(Announcement(shown.announcement_id, True,
                                                         LocalText(shown.text), shown.at))

    def tab(self, panel: QWidget) -> None:
        self.parts.window.tabs.setCurrentWidget(panel)

    def select_call(self, kiosk_id: str) -> None:
        calls = self.parts.window.calls
        for row in range(calls.model.rowCount()):
            if calls.model.row_at(row).call.kiosk_id == kiosk_id:
                calls.table.selectRow(row)
                return

    def settle(self) -> None:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        QCoreApplication.processEvents()

    def close(self) -> None:
        self.parts.stop()
        QCoreApplication.processEvents()


@dataclass(frozen=True)
class Screen:
    name: str
    set_up: Callable[[Stage], None]
    floating: bool = False  # draw the always-on-top banner instead of the window
    lobby: bool = False  # draw the lobby desk's console (counter 0), not a counter's


def _kiosk(stage: Stage, index: int) -> str:
    return stage.config.devices_with_role(Role.KIOSK)[index].id


def _working_desk(stage: Stage) -> None:
    stage.devices()
    stage.queue()
    stage.announcement()
    staff = [s.id for s in stage.config.staff]
    stage.sign_in(staff[1] if len(staff) > 1 else staff[0])


def _signed_out(stage: Stage) -> None:
    stage.devices()
    stage.queue()


def _help_calls(stage: Stage) -> None:
    _working_desk(stage)
    stage.show_calls(stage.sample.past_events, stage.sample.open_events)


def _two_coming(stage: Stage) -> None:
    _help_calls(stage)
    stage.select_call(_kiosk(stage, -1))


def _closing(stage: Stage) -> None:
    _two_coming(stage)
    calls = stage.parts.window.calls
    calls.resolve.click()


def _locked(stage: Stage) -> None:
    _help_calls(stage)
    stage.parts.desk.lock()


def _no_sound(stage: Stage) -> None:
    stage.rebuild_without_sound()
    stage.devices(silent_console=True)
    stage.queue()
    stage.sign_in(stage.config.staff[0].id)
    stage.show_calls(stage.sample.open_events)


def _queue(stage: Stage) -> None:
    _working_desk(stage)
    tree = stage.parts.window.queue.tree
    first_service = tree.model().index(0, 0)
    tree.setCurrentIndex(tree.model().index(0, 0, first_service))


def _kiosks(stage: Stage) -> None:
    _working_desk(stage)
    stage.devices(silent_kiosk=True)
    stage.parts.alarms.tick()
    stage.tab(stage.parts.window.kiosks)
    stage.parts.window.kiosks.table.select_key(_kiosk(stage, -1))


def _announcements(stage: Stage) -> None:
    _working_desk(stage)
    stage.tab(stage.parts.window.announcements)


def _history(stage: Stage) -> None:
    _working_desk(stage)
    stage.show_calls(stage.sample.past_events)
    stage.tab(stage.parts.window.history)


def _reports(stage: Stage) -> None:
    _working_desk(stage)
    stage.show_calls(stage.sample.past_events)
    stage.tab(stage.parts.window.reports)


def _drills(stage: Stage) -> None:
    _working_desk(stage)
    stage.show_calls(stage.sample.past_events, stage.sample.drill_events)
    stage.tab(stage.parts.window.drills)


def _desk_tickets(stage: Stage) -> None:
    _working_desk(stage)
    state = stage.sample.queue
    services = stage.config.services
    missed = tuple(MissedTicket(f"{services[i % len(services)].prefix}{3 + i:03d}",
                                services[i % len(services)].id) for i in range(3))
    stage.parts.window.show_queue(dataclasses.replace(state, missed=missed))
    panel = stage.parts.window.desk_tickets
    panel.missed_table.selectRow(0)
    command = IssueTicket(services[0].id, True, _kiosk(stage, 0))
    details = {"number": f"{services[0].prefix}020", "service_id": services[0].id,
               "priority": "true", "people_ahead": "2", "wait_low_s": "300",
               "wait_high_s": "900"}
    panel.action_answered(ActionAnswer("0" * 32, stage.config.staff[0].id, command,
                                       ActionResult("0" * 32, details=details)))
    stage.tab(panel)


def _wait_alert(stage: Stage) -> None:
    _working_desk(stage)
    elderly = [t for t in stage.sample.queue.waiting if t.priority] or \
        list(stage.sample.queue.waiting)
    for ticket in elderly[:2]:
        stage.parts.window.wait_alerts.add(WaitAlert(
            ticket.number, ticket.service_id, ticket.issued_at,
            max(1, int((stage.now - ticket.issued_at) // 60))))


def _floating(stage: Stage) -> None:
    _signed_out(stage)
    stage.show_calls(stage.sample.open_events)


SCREENS = (
    Screen("signed-out", _signed_out),
    Screen("help-calls", _help_calls),
    Screen("two-coming", _two_coming),
    Screen("closing", _closing),
    Screen("locked", _locked),
    Screen("no-sound", _no_sound),
    Screen("queue", _queue),
    Screen("kiosks", _kiosks),
    Screen("announcements", _announcements),
    Screen("history", _history),
    Screen("reports", _reports),
    Screen("drills", _drills),
    Screen("desk-tickets", _desk_tickets),
    Screen("wait-alert", _wait_alert, lobby=True),
    Screen("floating-banner", _floating, floating=True),
)
