"""The open help calls as table rows: where, what, how long, who is coming.

A row is a call as it is now (``CallRow``: the state, the escalation this console works out,
the flash phase and the time), so the same words serve the table, the banner and the
history. Unanswered calls come first, escalated ones before the rest, oldest first; calls
someone is coming to follow.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject

from kiosk.console import console_style as style
from kiosk.console.branch_names import BranchNames
from kiosk.console.console_style import Pair
from kiosk.console.console_words import category_text, duration_text
from kiosk.console.table_model import Column, RowsModel
from kiosk.core.help.events import Category
from kiosk.core.help.state import CallState, CallStatus

CONTEXT = "CallsTable"


def _tr(text: object) -> str:
    return QCoreApplication.translate(CONTEXT, str(text))


@dataclass(frozen=True)
class CallRow:
    call: CallState
    escalation: int  # as this console works it out (the hub's, or its own with the hub down)
    flash_on: bool
    now: float

    @property
    def waiting_for_staff(self) -> bool:
        return self.call.status in (CallStatus.RAISED, CallStatus.NOTIFIED)

    @property
    def waited_s(self) -> float:
        start = self.call.raised_at if self.call.raised_at is not None else \
            self.call.earliest_at
        return max(0.0, self.now - start)


def sort_rows(rows: Iterable[CallRow]) -> list[CallRow]:
    return sorted(rows, key=lambda r: (not r.waiting_for_staff, -r.escalation, -r.waited_s))


def kiosk_text(call: CallState, names: BranchNames) -> str:
    kiosk = names.device(call.kiosk_id)
    if call.drill:
        #: A drill call's kiosk column; {kiosk} is the kiosk's name.
        return _tr(QT_TRANSLATE_NOOP("CallsTable", "DRILL: {kiosk}")).format(kiosk=kiosk)
    return kiosk


def lost_text(call: CallState, names: BranchNames) -> str:
    """Who promised something and is gone: the desk that went silent after confirming the
    call, the member of staff who signed out (or whose console died) on the way."""
    parts = []
    if call.gone_staff:
        #: {name}: staff who pressed "I'm coming" and then signed out or whose desk died.
        parts.append(_tr(QT_TRANSLATE_NOOP(
            "CallsTable", "{name} was coming but is no longer signed in.")).format(
                name=", ".join(names.staff(s) for s in call.gone_staff)))
    if call.silent_desks:
        #: {desk}: the console(s) that confirmed the call and then stopped sending heartbeats.
        parts.append(_tr(QT_TRANSLATE_NOOP(
            "CallsTable", "{desk} confirmed this call and then went silent.")).format(
                desk=", ".join(names.device(c) for c in sorted(call.silent_desks))))
    return " ".join(parts)


def state_text(call: CallState, escalation: int, names: BranchNames) -> str:
    """The call's state in one sentence (and who was lost, if anyone); escalation says so in
    words, not only colour."""
    lost = lost_text(call, names) if call.status.is_open else ""
    text = _state_sentence(call, escalation, names)
    return f"{text} {lost}" if lost else text


def _state_sentence(call: CallState, escalation: int, names: BranchNames) -> str:
    name = names.staff(call.arrived_by if call.status is CallStatus.ARRIVED
                       else call.acknowledged_by)
    status = call.status
    if status is CallStatus.RESOLVED:
        return _tr(QT_TRANSLATE_NOOP("CallsTable", "Closed"))
    if status in (CallStatus.RAISED, CallStatus.NOTIFIED):
        if escalation > 0:
            #: {level} is 1, 2, 3...: how many times the call has escalated.
            return _tr(QT_TRANSLATE_NOOP(
                "CallsTable", "ESCALATED (level {level}): nobody is coming yet")).format(
                    level=escalation)
        if status is CallStatus.RAISED:
            return _tr(QT_TRANSLATE_NOOP("CallsTable", "New: not yet confirmed to the "
                                         "customer"))
        return _tr(QT_TRANSLATE_NOOP("CallsTable", "Waiting for someone to come"))
    if call.resignal_level > 0:
        if status is CallStatus.ARRIVED:
            #: {name} is a member of staff; {level} counts the reminders.
            return _tr(QT_TRANSLATE_NOOP(
                "CallsTable", "{name} is with the customer (reminder {level}: close the call "
                "when done)")).format(name=name, level=call.resignal_level)
        return _tr(QT_TRANSLATE_NOOP(
            "CallsTable", "{name} is coming (reminder {level}: close the call when done)")
                   ).format(name=name, level=call.resignal_level)
    if status is CallStatus.ARRIVED:
        return _tr(QT_TRANSLATE_NOOP("CallsTable", "{name} is with the customer")).format(
            name=name)
    return _tr(QT_TRANSLATE_NOOP("CallsTable", "{name} is coming")).format(name=name)


def coming_text(call: CallState, names: BranchNames) -> str:
    if call.acknowledged_by is None:
        return ""
    others = [names.staff(s) for s in call.acknowledgers if s != call.acknowledged_by]
    first = names.staff(call.acknowledged_by)
    if not others:
        return first
    #: {name}: who is going; {others}: others who also pressed "I'm coming".
    return _tr(QT_TRANSLATE_NOOP("CallsTable", "{name} (also: {others})")).format(
        name=first, others=", ".join(others))


def row_colours(row: CallRow) -> Pair:
    if not row.waiting_for_staff:
        return style.CALL_COMING
    if row.escalation > 0:
        return style.CALL_ESCALATED if row.flash_on else style.CALL_ESCALATED_DIM
    if row.call.category is Category.PRIVATE_TALK:
        return style.CALL_SPECIAL if row.flash_on else style.CALL_SPECIAL_DIM
    return style.CALL_NEW if row.flash_on else style.CALL_NEW_DIM


def _kiosk_colours(row: CallRow) -> Pair:
    return style.CALL_DRILL_MARK if row.call.drill else row_colours(row)


def calls_model(names: BranchNames, parent: QObject | None = None) -> RowsModel:
    columns = [
        Column(lambda: _tr(QT_TRANSLATE_NOOP("CallsTable", "Kiosk")),
               lambda r: kiosk_text(r.call, names), _kiosk_colours,
               lambda r: r.waiting_for_staff),
        Column(lambda: _tr(QT_TRANSLATE_NOOP("CallsTable", "Where")),
               lambda r: names.place(r.call.kiosk_id), row_colours),
        Column(lambda: _tr(QT_TRANSLATE_NOOP("CallsTable", "What")),
               lambda r: category_text(r.call.category), row_colours,
               lambda r: r.waiting_for_staff),
        Column(lambda: _tr(QT_TRANSLATE_NOOP("CallsTable", "Waiting")),
               lambda r: duration_text(r.waited_s), row_colours, right=True),
        Column(lambda: _tr(QT_TRANSLATE_NOOP("CallsTable", "State")),
               lambda r: state_text(r.call, r.escalation, names), row_colours,
               lambda r: r.escalation > 0 and r.waiting_for_staff),
        Column(lambda: _tr(QT_TRANSLATE_NOOP("CallsTable", "Who is coming")),
               lambda r: coming_text(r.call, names), row_colours),
    ]
    return RowsModel(columns, key=lambda r: r.call.call_id, parent=parent)
