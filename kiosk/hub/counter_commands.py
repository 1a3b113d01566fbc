"""Queue commands from a counter's console, and which console may give which.

A console serves the counter the branch configuration gives it. It calls and recalls only
for that counter, and marks "no show", "finished" or transfers only tickets called at that
counter (or still waiting, for a transfer). The lobby manager's console (counter 0) calls
nobody, but may close or move any ticket: that is the person customers ask when they are in
the wrong queue or their counter has gone quiet.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kiosk.core.audit import AuditAction, AuditEvent, DetailValue
from kiosk.core.queue.ticket_queue import QueueError, QueueEvent, TicketState
from kiosk.core.settings import Device
from kiosk.hub.queue_desk import QueueDesk
from kiosk.protocol import Message, topics
from kiosk.protocol.staff_commands import (
    CallNext,
    Finish,
    IssueTicket,
    NoShow,
    Recall,
    ReturnTicket,
    Transfer,
)
from kiosk.protocol.staff_messages import ActionRefusal
from kiosk.protocol.ticket_messages import TicketCalled, TicketPrint

QueueCommand = CallNext | Recall | NoShow | Finish | Transfer | ReturnTicket
QUEUE_COMMANDS = (CallNext, Recall, NoShow, Finish, Transfer, ReturnTicket)


@dataclass
class ActionOutcome:
    """What an action did: its answer, what to store with it, what to publish after."""

    reason: ActionRefusal | None = None
    details: dict[str, str] = field(default_factory=dict)
    queue_event: QueueEvent | None = None
    audits: tuple[AuditEvent, ...] = ()
    publish: list[tuple[str, Message]] = field(default_factory=list)
    wrong_counter: bool = False  # refused because the console serves another counter
    token: tuple[str, str, str, float, str] | None = None  # a desk ticket's status token


def refused(reason: ActionRefusal, *, wrong_counter: bool = False) -> ActionOutcome:
    return ActionOutcome(reason=reason, wrong_counter=wrong_counter)


def run_queue_command(desk: QueueDesk, command: QueueCommand, console: Device, staff_id: str,
                      branch: str, now: float) -> ActionOutcome:
    served = {c for rule in desk.queue.services for c in rule.counters}
    queue = desk.queue
    if isinstance(command, CallNext | Recall):
        if command.counter not in served:
            return refused(ActionRefusal.UNKNOWN_COUNTER)
        if command.counter != console.counter:
            return refused(ActionRefusal.NOT_PERMITTED, wrong_counter=True)
    if isinstance(command, Transfer) and not desk.has_service(command.to_service):
        return refused(ActionRefusal.UNKNOWN_SERVICE)
    if not isinstance(command, CallNext):
        ticket = queue.ticket(command.number)
        if ticket is None:
            return refused(ActionRefusal.UNKNOWN_TICKET)
        elsewhere = ticket.counter is not None and ticket.counter != console.counter
        if console.counter != 0 and ticket.state is TicketState.CALLED and elsewhere \
                and not isinstance(command, Recall):
            return refused(ActionRefusal.NOT_PERMITTED, wrong_counter=True)
    try:
        event = _apply(desk, command, now)
    except QueueError:
        nobody = isinstance(command, CallNext)
        return refused(ActionRefusal.NOBODY_WAITING if nobody else ActionRefusal.WRONG_STATE)
    desk.dirty = True
    outcome = ActionOutcome(queue_event=event, details={"number": event.number})
    outcome.audits = (_audit(event, staff_id, console.id, now),)
    if isinstance(command, CallNext | Recall):
        ticket = queue.ticket(event.number)
        assert ticket is not None and event.counter is not None
        outcome.publish.append((topics.ticket_called(branch),
                                TicketCalled(event.number, ticket.service_id, event.counter,
                                             isinstance(command, Recall), now)))
    return outcome


def issue_desk_ticket(desk: QueueDesk, command: IssueTicket, console: Device, staff_id: str,
                      branch: str, action_id: str, now: float) -> ActionOutcome:
    """A ticket issued by staff for a customer at the desk or on the phone: numbered like
    any other, printed at the chosen kiosk, or only shown at the desk."""
    if not desk.has_service(command.service_id):
        return refused(ActionRefusal.UNKNOWN_SERVICE)
    try:
        event, token = desk.issue_at_desk(command.service_id, command.priority,
                                          f"desk/{action_id}", now)
    except QueueError:
        return refused(ActionRefusal.QUEUE_FULL)
    issued = desk.issued(event.number)
    detail: dict[str, DetailValue] = {"service": command.service_id,
                                      "priority": command.priority, "by": "desk"}
    if command.kiosk_id is not None:
        detail["printed_at"] = command.kiosk_id
    outcome = ActionOutcome(
        queue_event=event, token=token,
        details={"number": issued.number, "service_id": issued.service_id,
                 "priority": "true" if issued.priority else "false",
                 "people_ahead": str(issued.people_ahead),
                 "wait_low_s": str(issued.wait_low_s), "wait_high_s": str(issued.wait_high_s)},
        audits=(AuditEvent.create(now, staff_id, console.id, AuditAction.TICKET_ISSUED,
                                  subject=event.number, detail=detail),))
    if command.kiosk_id is not None:
        outcome.publish.append((topics.ticket_print(branch, command.kiosk_id),
                                TicketPrint(issued, desk.default_language)))
    return outcome


def _apply(desk: QueueDesk, command: QueueCommand, now: float) -> QueueEvent:
    queue = desk.queue
    if isinstance(command, ReturnTicket):
        return queue.return_missed(command.number, now)
    if isinstance(command, CallNext):
        return queue.call_next(command.counter, now)
    if isinstance(command, Recall):
        return queue.recall(command.number, command.counter, now)
    if isinstance(command, NoShow):
        return queue.no_show(command.number, now)
    if isinstance(command, Finish):
        return queue.finish(command.number, now)
    return queue.transfer(command.number, command.to_service, now)


_AUDIT_ACTIONS = {
    "called": AuditAction.TICKET_CALLED,
    "recalled": AuditAction.TICKET_RECALLED,
    "no_show": AuditAction.TICKET_NO_SHOW,
    "finished": AuditAction.TICKET_FINISHED,
    "transferred": AuditAction.TICKET_TRANSFERRED,
    "returned": AuditAction.TICKET_RETURNED,
}


def _audit(event: QueueEvent, staff_id: str, console_id: str, now: float) -> AuditEvent:
    detail: dict[str, DetailValue] = {}
    if event.counter is not None:
        detail["counter"] = event.counter
    if event.service_id is not None:
        detail["to_service"] = event.service_id
    return AuditEvent.create(now, staff_id, console_id, _AUDIT_ACTIONS[event.kind.value],
                             subject=event.number, detail=detail)
