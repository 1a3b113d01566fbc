"""Staff actions from consoles: checked, done once, answered, and remembered.

The checks, in order:

1. An action id the hub has answered before is answered again from the ledger, not done a
   second time (QoS 1 and re-sends deliver duplicates). The same id from another console is
   a replay, refused as ``stale``.
2. An action sent longer ago (or further ahead) than the hub's window is ``stale``.
3. The session must be live, for that staff member, at that console (``not_signed_in``).
4. The console must serve the counter it acts for (``not_permitted``, see counter_commands).

The action's result is committed together with the queue event it caused, so a hub killed in
between never answers a re-sent action differently from the first time; what others hear of
it (a called number, a drill, an announcement) is published only after that commit.
"""

from __future__ import annotations

import logging
import sqlite3

from kiosk.core.audit import AuditAction, AuditEvent
from kiosk.core.help.events import new_event_id
from kiosk.core.settings import Device
from kiosk.hub.announcements import Announcements
from kiosk.hub.counter_commands import (
    QUEUE_COMMANDS,
    ActionOutcome,
    issue_desk_ticket,
    refused,
    run_queue_command,
)
from kiosk.hub.help_desk import HelpDesk
from kiosk.hub.ledger import Ledger, LedgerStep, StoredAction
from kiosk.hub.presence import PresenceBoard
from kiosk.hub.publisher import Publisher
from kiosk.hub.queue_desk import QueueDesk
from kiosk.hub.rejections import HubReject, Refusals
from kiosk.hub.roster import Roster
from kiosk.hub.sessions import Sessions
from kiosk.protocol import Decoded, topics
from kiosk.protocol.device_messages import Activity
from kiosk.protocol.help_messages import Drill
from kiosk.protocol.staff_commands import (
    Announce,
    ClearAnnouncement,
    Command,
    IssueTicket,
    SignOut,
    StartDrill,
)
from kiosk.protocol.staff_messages import ActionRefusal, ActionResult, StaffAction

log = logging.getLogger(__name__)


def result_from_store(action_id: str, stored: dict[str, object]) -> ActionResult:
    reason = stored.get("reason")
    details = stored.get("details")
    return ActionResult(action_id,
                        reason=ActionRefusal(reason) if isinstance(reason, str) else None,
                        details=details if isinstance(details, dict) else {})


class StaffDesk:
    def __init__(self, *, roster: Roster, ledger: Ledger, publisher: Publisher,
                 refusals: Refusals, sessions: Sessions, queue_desk: QueueDesk,
                 help_desk: HelpDesk, presence: PresenceBoard, announcements: Announcements,
                 window_s: float) -> None:
        self._roster = roster
        self._ledger = ledger
        self._publisher = publisher
        self._refusals = refusals
        self._sessions = sessions
        self._queue = queue_desk
        self._help = help_desk
        self._presence = presence
        self._announcements = announcements
        self._window_s = window_s

    def handle(self, decoded: Decoded, now: float) -> None:
        action = decoded.message
        assert isinstance(action, StaffAction)
        console = self._roster.device(decoded.sender)
        assert console is not None  # the roster check ran before
        where = decoded.topic.topic
        stored = self._ledger.action_result(action.action_id)
        if stored is not None:
            if stored.device_id == console.id:
                self._refusals.refuse(HubReject.REPLAYED_ACTION, where,
                                      f"action {action.action_id} was done before; answered "
                                      "with its stored result", now, console.id)
                self._publisher.reply(console.id,
                                      result_from_store(action.action_id, stored.result), now)
            else:
                self._refusals.refuse(HubReject.REPLAYED_ELSEWHERE, where,
                                      f"action {action.action_id} belongs to {stored.device_id}",
                                      now, console.id)
                self._publisher.reply(console.id, ActionResult(action.action_id,
                                                               ActionRefusal.STALE), now)
            return
        if abs(now - decoded.sent_at) > self._window_s:
            self._refusals.refuse(HubReject.STALE, where,
                                  f"{action.command.KIND} sent {now - decoded.sent_at:.0f} s "
                                  f"from now; the window is {self._window_s:g} s", now,
                                  console.id)
            self._publisher.reply(console.id, ActionResult(action.action_id,
                                                           ActionRefusal.STALE), now)
            return
        if not self._sessions.check(action.session, action.staff_id, console.id, now):
            self._refusals.refuse(HubReject.NO_SESSION, where,
                                  f"{action.command.KIND} by {action.staff_id!r} without a live "
                                  f"session at {console.id}", now, console.id)
            outcome = refused(ActionRefusal.NOT_SIGNED_IN)
        else:
            outcome = self._run(action, console, now)
            if outcome.wrong_counter:
                self._refusals.refuse(HubReject.WRONG_COUNTER, where,
                                      f"{action.command.KIND} from {console.id} (counter "
                                      f"{console.counter}) for another counter", now, console.id)
        self._finish(action, console, outcome, now)

    def _run(self, action: StaffAction, console: Device, now: float) -> ActionOutcome:
        command: Command = action.command
        branch = self._publisher.branch
        if isinstance(command, QUEUE_COMMANDS):
            return run_queue_command(self._queue, command, console, action.staff_id, branch,
                                     now)
        if isinstance(command, IssueTicket):
            if command.kiosk_id is not None and not self._roster.is_kiosk(command.kiosk_id):
                return refused(ActionRefusal.UNKNOWN_KIOSK)
            return issue_desk_ticket(self._queue, command, console, action.staff_id, branch,
                                     action.action_id, now)
        if isinstance(command, StartDrill):
            return self._drill(command.kiosk_id, action.staff_id, console, now)

        def audit(kind: AuditAction, subject: str) -> AuditEvent:
            return AuditEvent.create(now, action.staff_id, console.id, kind, subject=subject)

        if isinstance(command, Announce):
            made = self._announcements.announce(command, now)
            if isinstance(made, ActionRefusal):
                return refused(made)
            return ActionOutcome(details={"announcement_id": made.announcement_id},
                                 audits=(audit(AuditAction.ANNOUNCEMENT_SENT,
                                               made.announcement_id),),
                                 publish=[(topics.announcement(branch), made)])
        if isinstance(command, ClearAnnouncement):
            cleared = self._announcements.clear(now)
            return ActionOutcome(details={"announcement_id": cleared.announcement_id},
                                 audits=(audit(AuditAction.ANNOUNCEMENT_CLEARED,
                                               cleared.announcement_id),),
                                 publish=[(topics.announcement(branch), cleared)])
        assert isinstance(command, SignOut)
        self._sessions.end(action.session, now)
        log.info("staff %s signed out at %s", action.staff_id, console.id)
        return ActionOutcome(audits=(audit(AuditAction.STAFF_SIGNED_OUT, action.staff_id),))

    def _drill(self, kiosk_id: str, staff_id: str, console: Device,
               now: float) -> ActionOutcome:
        """A drill needs an idle kiosk that is online: a customer mid-task must not find
        their screen taken over, and a drill nobody can see proves nothing."""
        if not self._roster.is_kiosk(kiosk_id):
            return refused(ActionRefusal.UNKNOWN_KIOSK)
        why = None
        if not self._presence.online(kiosk_id):
            why = "offline"
        elif self._presence.activity(kiosk_id) is Activity.IN_USE:
            why = "in_use"
        elif self._help.has_open_call(kiosk_id):
            why = "open_call"
        if why is not None:
            return ActionOutcome(reason=ActionRefusal.KIOSK_BUSY, details={"why": why})
        call_id = new_event_id()
        branch = self._publisher.branch
        return ActionOutcome(
            details={"call_id": call_id},
            audits=(AuditEvent.create(now, staff_id, console.id, AuditAction.DRILL_STARTED,
                                      subject=call_id, detail={"kiosk": kiosk_id}),),
            publish=[(topics.drill(branch, kiosk_id), Drill(kiosk_id, call_id, staff_id))])

    def _finish(self, action: StaffAction, console: Device, outcome: ActionOutcome,
                now: float) -> None:
        result = ActionResult(action.action_id, outcome.reason, outcome.details)
        stored = StoredAction(action.action_id, console.id, action.staff_id, now,
                              result.to_body())
        step = LedgerStep(now, queue_event=outcome.queue_event, action=stored,
                          audits=outcome.audits, token=outcome.token)
        try:
            self._ledger.record(step)
        except sqlite3.Error as error:
            self._refusals.refuse(HubReject.STORAGE_FAILED, "action",
                                  f"action {action.action_id} not stored: {error}", now,
                                  console.id)
            if outcome.queue_event is not None:
                self._queue.load(now)  # undo in memory what was not stored
            return  # no answer: the console re-sends and gets a fresh attempt
        self._publisher.reply(console.id, result, now)
        for topic, message in outcome.publish:
            self._publisher.publish(topic, message, now)
