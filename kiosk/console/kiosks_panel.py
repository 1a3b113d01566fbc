"""Supervision: every configured device, whether it is alive, and what its heartbeat says.

Kiosks first: online or offline, when last heard, whether a customer is using it, its
speech, printer and sound, how many help events wait in its outbox, its version. Consoles
show who is signed in and whether they can sound an alarm. "Stored calls" says whether a
device keeps its help calls on disk (partly: a damaged store was set aside; not working:
calls live in memory only, a restart would lose them). A kiosk that went silent is an
alarm until it is heard again; "Noted" stops the alarm for it (the row stays red), and the
log below keeps when kiosks went silent and came back.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.console import console_style as style
from kiosk.console.branch_names import BranchNames
from kiosk.console.console_style import Pair
from kiosk.console.console_words import (
    activity_text,
    ago_text,
    component_text,
    role_text,
    time_text,
)
from kiosk.console.controls import Panel, named
from kiosk.console.supervision import DeviceChange, DeviceEvent, DeviceView
from kiosk.console.table_model import Column, RowsModel
from kiosk.console.table_view import RowsTable
from kiosk.core.settings import Role
from kiosk.protocol.device_messages import Component

CONTEXT = "KiosksPanel"


def _tr(text: object) -> str:
    return QCoreApplication.translate(CONTEXT, str(text))


def _state(view: DeviceView) -> str:
    if view.online:
        return _tr(QT_TRANSLATE_NOOP("KiosksPanel", "Online"))
    if view.alarming:
        return _tr(QT_TRANSLATE_NOOP("KiosksPanel", "OFFLINE: gone silent"))
    return _tr(QT_TRANSLATE_NOOP("KiosksPanel", "Offline"))


def _colours(view: DeviceView) -> Pair | None:
    if not view.online and view.role is not Role.DISPLAY:
        return style.DEVICE_OFFLINE
    health = view.health
    if view.online and health is not None and Component.FAILED in (
            health.speech, health.printer, health.sound, health.store):
        return style.DEVICE_PROBLEM
    return None


def devices_model(names: BranchNames, clock: Callable[[], float],
                  parent: QWidget | None = None) -> RowsModel:
    def component(part: str) -> Callable[[DeviceView], str]:
        def text(view: DeviceView) -> str:
            return component_text(getattr(view.health, part)) if view.health else ""
        return text

    def signed_in(view: DeviceView) -> str:
        if view.role is Role.CONSOLE:
            return names.staff(view.staff_id) if view.staff_id else _tr(
                QT_TRANSLATE_NOOP("KiosksPanel", "nobody"))
        return activity_text(view.activity)

    columns = [
        Column(lambda: _tr(QT_TRANSLATE_NOOP("KiosksPanel", "Device")),
               lambda v: names.device(v.device_id), _colours, lambda v: not v.online),
        Column(lambda: _tr(QT_TRANSLATE_NOOP("KiosksPanel", "Kind")),
               lambda v: role_text(v.role), _colours),
        Column(lambda: _tr(QT_TRANSLATE_NOOP("KiosksPanel", "Where")),
               lambda v: names.place(v.device_id), _colours),
        Column(lambda: _tr(QT_TRANSLATE_NOOP("KiosksPanel", "State")), _state, _colours,
               lambda v: not v.online),
        Column(lambda: _tr(QT_TRANSLATE_NOOP("KiosksPanel", "Last heard")),
               lambda v: ago_text(None if v.last_seen is None else clock() - v.last_seen),
               _colours),
        Column(lambda: _tr(QT_TRANSLATE_NOOP("KiosksPanel", "In use / signed in")),
               signed_in, _colours),
        Column(lambda: _tr(QT_TRANSLATE_NOOP("KiosksPanel", "Speech")), component("speech"),
               _colours),
        Column(lambda: _tr(QT_TRANSLATE_NOOP("KiosksPanel", "Printer")), component("printer"),
               _colours),
        Column(lambda: _tr(QT_TRANSLATE_NOOP("KiosksPanel", "Sound")), component("sound"),
               _colours),
        Column(lambda: _tr(QT_TRANSLATE_NOOP("KiosksPanel", "Unsent")),
               lambda v: str(v.health.outbox) if v.health else "", _colours, right=True),
        Column(lambda: _tr(QT_TRANSLATE_NOOP("KiosksPanel", "Stored calls")),
               component("store"), _colours),
        Column(lambda: _tr(QT_TRANSLATE_NOOP("KiosksPanel", "Version")),
               lambda v: v.health.version if v.health else "", _colours),
    ]
    return RowsModel(columns, key=lambda v: v.device_id, parent=parent)


def events_model(names: BranchNames, timezone: str, parent: QWidget | None = None) -> RowsModel:
    def what(event: DeviceEvent) -> str:
        if event.change is DeviceChange.WENT_OFFLINE:
            return _tr(QT_TRANSLATE_NOOP("KiosksPanel", "went silent (alarm)"))
        return _tr(QT_TRANSLATE_NOOP("KiosksPanel", "heard again (alarm over)"))

    columns = [
        Column(lambda: _tr(QT_TRANSLATE_NOOP("KiosksPanel", "Time")),
               lambda e: time_text(e.at, timezone, with_date=True)),
        Column(lambda: _tr(QT_TRANSLATE_NOOP("KiosksPanel", "Device")),
               lambda e: names.device(e.device_id)),
        Column(lambda: _tr(QT_TRANSLATE_NOOP("KiosksPanel", "What happened")), what),
    ]
    return RowsModel(columns, key=lambda e: f"{e.at}:{e.device_id}:{e.change}", parent=parent)


class KiosksPanel(Panel):
    noted = Signal(str)  # kiosk id: staff have seen it is offline

    def __init__(self, names: BranchNames, clock: Callable[[], float],
                 parent: QWidget | None = None) -> None:
        super().__init__("kiosksPanel", names, parent)
        self.model = devices_model(names, clock, self)
        self.table = named(RowsTable(self.model, "devicesTable", self),
                           accessible=lambda: self.tr("Devices of the branch"))
        self.events = events_model(names, names.config.branch.timezone, self)
        self.events_table = named(RowsTable(self.events, "deviceEventsTable", self),
                                  accessible=lambda: self.tr("Kiosks gone silent and back"))
        self.note_button = named(QPushButton(self), "deviceNoted",
                                 text=lambda: self.tr("Noted: stop the alarm for this kiosk"))
        self.explain = named(QLabel(self), role="muted", wrap=True)
        self.log_heading = named(QLabel(self), role="heading",
                                 text=lambda: self.tr("Kiosks gone silent and back"))
        actions = QHBoxLayout()
        actions.addWidget(self.note_button)
        actions.addWidget(self.explain, 1)
        column = QVBoxLayout(self)
        column.addWidget(self.table, 3)
        column.addLayout(actions)
        column.addWidget(self.log_heading)
        column.addWidget(self.events_table, 1)
        self.note_button.clicked.connect(self._note)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_button())
        self.retranslate()

    def show_devices(self, views: list[DeviceView]) -> None:
        self.model.set_rows(views)
        self._update_button()

    def show_events(self, events: list[DeviceEvent]) -> None:
        self.events.set_rows(list(reversed(events)))

    def _selected(self) -> DeviceView | None:
        key = self.table.selected_key()
        return next((v for v in self.model.rows() if v.device_id == key), None)

    def _note(self) -> None:
        view = self._selected()
        if view is not None and view.alarming:
            self.noted.emit(view.device_id)

    def _update_button(self) -> None:
        view = self._selected()
        self.note_button.setEnabled(view is not None and view.alarming)

    def retranslate(self) -> None:
        self.explain.setText(self.tr("A kiosk that goes silent alarms until it is heard "
                                     "again: customers there cannot call for help. Send "
                                     "someone to look, then press \"Noted\"."))
        self.model.retranslate()
        self.events.retranslate()
