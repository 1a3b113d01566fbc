"""The hub's logic on one thread: every message in, every timer, everything published.

``HubService`` touches its state from one thread only (the program runs ``handle`` and
``tick`` on a ``SerialWorker``), so it needs no locks; the few numbers /healthz reads from
its HTTP thread are plain values or locked counters. The clock and the way messages leave
(``send``) are injected: unit tests drive it with a fake clock and a list.

Every received payload goes through ``Codec.decode`` first; a rejection is logged, counted
and audited, never raised. Then the sender is checked against the roster, and the message
goes to the desk for its kind. A help event is stored, acknowledged and published as a
numbered change before the next message is looked at; after a batch of messages the
retained states that changed (the whole help state, each kiosk's call state, the queue, the
devices) are published once, each at most every ``state_interval_s``.
"""

from __future__ import annotations

import logging
import sqlite3
import time
import zoneinfo
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from kiosk import __version__
from kiosk.core.audit import AuditAction, AuditEvent
from kiosk.core.config import BranchConfig
from kiosk.core.help.timers import HelpTiming
from kiosk.core.settings import Role
from kiosk.hub.announcements import Announcements
from kiosk.hub.digests import Digests
from kiosk.hub.help_desk import HelpDesk
from kiosk.hub.ledger import Ledger, LedgerStep, StoredFeedback
from kiosk.hub.pin_gate import PinGate
from kiosk.hub.presence import PresenceBoard, Transition
from kiosk.hub.publisher import Publisher, Send
from kiosk.hub.queue_desk import QueueDesk
from kiosk.hub.rejections import HubReject, Refusals, printable
from kiosk.hub.roster import Roster
from kiosk.hub.sessions import Sessions
from kiosk.hub.staff_auth import RunCheck, StaffAuth, run_inline
from kiosk.hub.staff_desk import StaffDesk
from kiosk.hub.status_page import TicketView
from kiosk.hub.wait_alerts import WaitAlerts
from kiosk.protocol import BadTopic, Codec, Decoded, Outgoing, RejectCode, Rejection, topics
from kiosk.protocol.device_messages import Component, Health, Heartbeat, Presence
from kiosk.protocol.help_messages import HelpEventMessage, VisitFeedback
from kiosk.protocol.pin_messages import PinRequest
from kiosk.protocol.staff_messages import StaffAction
from kiosk.protocol.ticket_messages import TicketRequest, TicketReturn, WaitAlert
from kiosk.protocol.topics import parse_topic

log = logging.getLogger("kiosk.hub")

Message = tuple[str, bytes, bool]
"""(topic, payload, retained) as the MQTT link hands it over."""


RETENTION_EVERY_S = 6 * 3600.0
"""How often the retention period is applied."""


@dataclass(frozen=True)
class HubOptions:
    request_window_s: float = 120.0
    """Staff actions, PIN and ticket requests sent longer ago (or further ahead, a wrong
    clock) than this are stale: delayed in a queue somewhere, or replayed."""
    keep_resolved_s: float = 300.0
    """How long a closed call stays in help.state after the hub learnt of the close."""
    session_lifetime_s: float = 86_400.0
    pin_requests_per_minute: int = 20
    """Per device, whatever the staff id: a cap on the scrypt work one device can cause."""
    refusal_audit_every_s: float = 60.0
    state_interval_s: float = 0.0
    """Least time between two publications of one retained state (help, queue, devices).
    Each is a snapshot of the whole branch that every device decodes; under a burst the
    hub then publishes the latest one at this pace rather than after every batch. A help
    alarm never waits for it: consoles alarm from the kiosk's own event. 0: at once."""


def hub_id_of(config: BranchConfig) -> str:
    return config.devices_with_role(Role.HUB)[0].id


class HubService:
    def __init__(self, config: BranchConfig, ledger: Ledger, *, send: Send,
                 pin_hashes: Mapping[str, str], clock: Callable[[], float] = time.time,
                 run_pin_check: RunCheck = run_inline,
                 options: HubOptions = HubOptions(),
                 monotonic: Callable[[], float] = time.monotonic) -> None:
        self.config = config
        self.hub_id = hub_id_of(config)
        self.ledger = ledger
        self._clock = clock
        self._monotonic = monotonic
        self._started = time.monotonic()
        self._next_retention = 0.0
        branch = config.branch.id
        self.codec = Codec(branch, self.hub_id, self.hub_id)
        self.publisher = Publisher(self.codec, send)
        self.refusals = Refusals(ledger, self.hub_id, options.refusal_audit_every_s,
                                 config.broker.rejection_log_every_s)
        self.roster = Roster(config)
        timing = HelpTiming(escalate_after_s=config.help.escalate_after_s,
                            resignal_after_s=config.help.resignal_after_s,
                            escalate_repeat_s=config.help.escalate_after_s)
        self.sessions = Sessions(ledger, options.session_lifetime_s)
        self.presence = PresenceBoard(config.devices, config.presence.offline_after_s,
                                      self.hub_id)
        self.help = HelpDesk(ledger=ledger, publisher=self.publisher, roster=self.roster,
                             refusals=self.refusals, timing=timing, hub_id=self.hub_id,
                             keep_resolved_s=options.keep_resolved_s, sessions=self.sessions,
                             monotonic=monotonic,
                             presence=lambda now: self.presence.staff_presence(monotonic()))
        self.queue = QueueDesk(config=config, ledger=ledger, publisher=self.publisher,
                               refusals=self.refusals,
                               tz=zoneinfo.ZoneInfo(config.branch.timezone),
                               request_window_s=options.request_window_s)
        self.wait_alerts = WaitAlerts(config.queue.priority_wait_alert_min, monotonic)
        self.announcements = Announcements(ledger)
        self.digests = Digests(config, ledger, self.publisher,
                               zoneinfo.ZoneInfo(config.branch.timezone), self.presence.online)
        gate = PinGate(config.hub.pin_attempts, config.hub.pin_lockout_s,
                       options.pin_requests_per_minute)
        self.staff_auth = StaffAuth(roster=self.roster, pin_hashes=pin_hashes, gate=gate,
                                    sessions=self.sessions, help_desk=self.help, ledger=ledger,
                                    publisher=self.publisher, refusals=self.refusals,
                                    run_check=run_pin_check, clock=clock,
                                    window_s=options.request_window_s)
        self.staff = StaffDesk(roster=self.roster, ledger=ledger, publisher=self.publisher,
                               refusals=self.refusals, sessions=self.sessions,
                               queue_desk=self.queue, help_desk=self.help,
                               presence=self.presence, announcements=self.announcements,
                               window_s=options.request_window_s)
        self.staff_without_pin = tuple(sorted(
            member.id for member in config.staff if member.id not in pin_hashes))
        """Staff who cannot sign in, so whose actions (queue, drills, "I'm coming") the hub
        refuses: every action must come from a session opened with a PIN."""
        self.open_calls = 0
        self.devices_online = 0
        self._heartbeat_seq = 0
        self._next_heartbeat = 0.0
        self._state_interval_s = options.state_interval_s
        self._state_published_at: dict[str, float] = {}
        self.help.on_open_calls_changed = self._open_calls_changed

    def _open_calls_changed(self, count: int) -> None:
        self.open_calls = count

    # --- life cycle -----------------------------------------------------------------------

    def start(self) -> None:
        """Rebuild everything from the ledger: the day's queue, open calls, sessions."""
        now = self._clock()
        self.queue.load(now)
        self._load_wait_alerts()
        self.help.load(now)
        self.sessions.load(now)
        self.announcements.load()
        log.info("hub %r of branch %s: %d open calls, queue of %s restored", self.hub_id,
                 self.config.branch.id, self.open_calls, self.queue.queue.day or "today")
        self._report_missing_pins()

    def _load_wait_alerts(self) -> None:
        """Today's wait alerts and kiosk returns, from the audit: neither is repeated
        after a restart."""
        day = self.queue.queue.day
        if day is None:
            return
        start = self.queue.day_start()
        today = [event for event in self.ledger.audit_events() if event.at >= start and
                 event.action in (AuditAction.TICKET_WAIT_ALERT, AuditAction.TICKET_RETURNED)]
        self.queue.remember_returns(
            (str(event.detail["request_id"]), event.subject) for event in today
            if event.action is AuditAction.TICKET_RETURNED and "request_id" in event.detail)
        if self.wait_alerts.enabled:
            self.wait_alerts.reset(day.isoformat(), (
                event.subject for event in today
                if event.action is AuditAction.TICKET_WAIT_ALERT))

    def _report_missing_pins(self) -> None:
        missing = self.staff_without_pin
        if not missing:
            return
        if len(missing) == len(self.config.staff):
            log.error("no staff PINs in the hub's secrets file: nobody can sign in at a "
                      "console, and every staff action (queue, drills, announcements, "
                      "\"I'm coming\", \"arrived\", closing a call) is refused. Add them under "
                      "[staff_pins] with 'kiosk hash-pin' (docs/install.md)")
        else:
            log.warning("no PIN for %s: they cannot sign in, and actions in their name are "
                        "refused; add them with 'kiosk hash-pin'", ", ".join(missing))

    def on_connected(self) -> None:
        """(Re)connected to the broker: say so, and publish every retained state again (a
        broker restarted without its persistence file has forgotten them)."""
        now = self._clock()
        self.publisher.publish(self._presence_topic(), Presence(online=True), now)
        self.queue.dirty = self.presence.dirty = True
        self.help.republish_all(d.id for d in self.config.devices_with_role(Role.KIOSK))
        if self.announcements.current is not None:
            self.publisher.publish(topics.announcement(self.config.branch.id),
                                   self.announcements.current, now)
        self._heartbeat(now)
        self._flush(now)

    def offline_message(self) -> Outgoing:
        """The retained presence "offline": the last will, and the last word on a stop."""
        return self.codec.prepare(self._presence_topic(), Presence(online=False),
                                  sent_at=self._clock())

    def _presence_topic(self) -> str:
        return topics.presence(self.config.branch.id, Role.HUB, None)

    # --- messages -------------------------------------------------------------------------

    def handle(self, topic: str, payload: bytes, retained: bool = False) -> None:
        self.handle_many([(topic, payload, retained)])

    def handle_many(self, messages: Iterable[Message]) -> None:
        """Handle messages in order, then publish the changed retained states once."""
        now = self._clock()
        for topic, payload, retained in messages:
            now = self._clock()
            try:
                self._handle_one(topic, payload, retained, now)
            except Exception:  # a bug must cost one message, not the rest of the batch
                log.exception("internal error on a message on %s; it was dropped",
                              printable(topic[:200]))
                self.refusals.counter.count(HubReject.INTERNAL_ERROR)
        self._flush(now)

    def _handle_one(self, topic: str, payload: bytes, retained: bool, now: float) -> None:
        result = self.codec.decode(topic, payload, retained)
        if isinstance(result, Rejection):
            self._rejected(topic, result, now)
            return
        refusal = self.roster.check_sender(result.sender, result.topic.role)
        if refusal is not None:
            self.refusals.refuse(refusal[0], topic, refusal[1], now, result.sender)
            return
        message = result.message
        if isinstance(message, HelpEventMessage):
            self.help.receive(result, now)
            self._publish_help_changes(now)  # not after the rest of the batch
        elif isinstance(message, TicketRequest):
            self.queue.request_ticket(result, now)
        elif isinstance(message, TicketReturn):
            self.queue.return_missed(result, now)
        elif isinstance(message, StaffAction):
            self.staff.handle(result, now)
        elif isinstance(message, PinRequest):
            self.staff_auth.handle(result, now)
        elif isinstance(message, Heartbeat):
            self._changed(self.presence.heartbeat(result.sender, message, now,
                                                  self._monotonic()), now)
        elif isinstance(message, Presence):
            self._changed(self.presence.presence(result.sender, message.online, retained, now),
                          now)
        elif isinstance(message, VisitFeedback):
            self._feedback(result, message, now)
        else:  # the hub's subscriptions carry nothing else; a broker bug must not crash it
            log.info("ignored a %s on %s", message.TYPE, topic)

    def _rejected(self, topic: str, rejection: Rejection, now: float) -> None:
        if rejection.code is RejectCode.EMPTY:
            log.debug("a retained message was cleared on %s", topic[:200])
            return
        if rejection.code is RejectCode.RETAINED:
            # An old event the broker kept: delete it there (an empty retained message), so
            # no console that connects later is handed it either.
            self.publisher.send(Outgoing(topic, b"", 1, True))
        try:
            device = parse_topic(topic).device_id
        except BadTopic:
            device = None
        self.refusals.refuse(rejection.code, topic, rejection.reason, now, device)

    def _feedback(self, decoded: Decoded, message: VisitFeedback, now: float) -> None:
        record = StoredFeedback(message.feedback_id, decoded.sender, message.rating.value,
                                message.language, decoded.sent_at, now)
        try:
            self.ledger.add_feedback(record)
        except sqlite3.Error as error:
            self.refusals.refuse(HubReject.STORAGE_FAILED, decoded.topic.topic,
                                 f"feedback not stored: {error}", now, decoded.sender)
            return
        self.publisher.ack(decoded.sender, [message.feedback_id], now)

    def _changed(self, transition: Transition | None, now: float) -> None:
        if transition is None:
            return
        action = AuditAction.DEVICE_ONLINE if transition.online else AuditAction.DEVICE_OFFLINE
        log.log(logging.INFO if transition.online else logging.WARNING, "device %s is %s (%s)",
                transition.device_id, "online" if transition.online else "OFFLINE",
                transition.why)
        event = AuditEvent.create(now, transition.device_id, transition.device_id, action,
                                  detail={"why": transition.why})
        try:
            self.ledger.record(LedgerStep(now, audits=(event,)))
        except sqlite3.Error as error:
            log.error("could not audit a presence change: %s", error)

    # --- time -----------------------------------------------------------------------------

    def tick(self, now: float | None = None) -> None:
        now = self._clock() if now is None else now
        for step in (self.help.tick, self.queue.tick, self._wait_alert_tick, self._presence_tick,
                     self._heartbeat_tick, self._retention_tick, self.digests.tick, self._flush,
                     self.refusals.log.flush):
            try:
                step(now)
            except Exception:  # one broken timer must not stop the others
                log.exception("internal error in %s", getattr(step, "__name__", step))
                self.refusals.counter.count(HubReject.INTERNAL_ERROR)

    def _wait_alert_tick(self, now: float) -> None:
        """Tell the lobby, once, of each elderly priority ticket waiting too long."""
        for ticket, minutes in self.wait_alerts.due(self.queue.queue, now):
            alert = WaitAlert(ticket.number, ticket.service_id, ticket.issued_at, minutes)
            audit = AuditEvent.create(now, self.hub_id, self.hub_id,
                                      AuditAction.TICKET_WAIT_ALERT, subject=ticket.number,
                                      detail={"waited_min": minutes})
            try:
                self.ledger.record(LedgerStep(now, audits=(audit,)))
            except sqlite3.Error as error:
                log.error("could not audit the wait alert of %s: %s", ticket.number, error)
            log.info("%s (priority) has waited %d minutes: the lobby is told", ticket.number,
                     minutes)
            self.publisher.publish(topics.wait_alert(self.config.branch.id), alert, now)

    def _retention_tick(self, now: float) -> None:
        """Apply the retention period at start and every few hours after."""
        days = self.config.hub.retention_days
        if days == 0 or now < self._next_retention:
            return
        self._next_retention = now + RETENTION_EVERY_S
        removed = self.ledger.apply_retention(now - days * 86_400.0, now)
        if removed.total:
            log.info("retention (%d days): removed %d help events, %d queue events, %d audit "
                     "rows, %d other rows", days, removed.help_events, removed.queue_events,
                     removed.audit_rows, removed.other_rows)

    def _presence_tick(self, now: float) -> None:
        for transition in self.presence.tick(self._monotonic()):
            self._changed(transition, now)

    def _heartbeat_tick(self, now: float) -> None:
        # On the monotonic clock: a hub whose wall clock is set back must not go silent
        # (every device would take it for gone) for the length of the step.
        if self._monotonic() >= self._next_heartbeat:
            self._heartbeat(now)

    def _heartbeat(self, now: float) -> None:
        interval = self.config.presence.heartbeat_interval_s
        self._next_heartbeat = self._monotonic() + interval
        beat = Heartbeat(seq=self._heartbeat_seq, interval_s=interval, health=self._health(now))
        self._heartbeat_seq += 1
        self.publisher.publish(topics.heartbeat(self.config.branch.id, Role.HUB, None), beat,
                               now)

    def _health(self, now: float) -> Health:
        absent = Component.ABSENT
        return Health(speech=absent, printer=absent, sound=absent, outbox=0,
                      version=__version__, uptime_s=time.monotonic() - self._started)

    def _flush(self, now: float) -> None:
        """Publish the retained states that changed and are due; the rest stay dirty and
        go out from a later tick."""
        branch = self.config.branch.id
        help_topic, queue_topic = topics.help_state(branch), topics.queue_state(branch)
        devices_topic = topics.devices_state(branch)
        self._publish_help_changes(now)
        self._publish_call_states(now)
        if self.help.dirty and self._state_due(help_topic, now):
            self.help.dirty = False
            self.publisher.publish(help_topic, self.help.state_message(now), now)
        if self.queue.dirty and self._state_due(queue_topic, now):
            self.queue.dirty = False
            self.publisher.publish(queue_topic, self.queue.state_message(now), now)
        if self.presence.dirty and self._state_due(devices_topic, now):
            self.publisher.publish(devices_topic,
                                   self.presence.state_message(now, self._health(now)), now)
        self.devices_online = self.presence.online_count()

    def _publish_help_changes(self, now: float) -> None:
        """The numbered change every console follows: small, never held back."""
        changes = self.help.changes_message()
        if changes is not None:
            self.publisher.publish(topics.help_changes(self.config.branch.id), changes, now)

    def _publish_call_states(self, now: float) -> None:
        """Each changed kiosk's retained call state, at the pace of the other states: only a
        kiosk that restarts reads it (it follows its call live from the events)."""
        branch = self.config.branch.id

        def due(kiosk_id: str) -> bool:
            return self._state_due(topics.call_state(branch, kiosk_id), now)

        for kiosk_id, kiosk_state in self.help.kiosk_states(now, due):
            self.publisher.publish(topics.call_state(branch, kiosk_id), kiosk_state, now)

    def _state_due(self, topic: str, now: float) -> bool:
        """True (and noted as published now) when ``topic`` may be published again."""
        last = self._state_published_at.get(topic)
        if last is not None and 0.0 <= now - last < self._state_interval_s:
            return False  # a clock stepped back (now < last) publishes at once
        self._state_published_at[topic] = now
        return True

    # --- questions from other threads (through the worker) and /healthz -------------------

    def ticket_view(self, token: str) -> TicketView | None:
        """The status page's lookup: today's ticket for a token that has not expired."""
        now = self._clock()
        found = self.ledger.token_lookup(token)
        if found is None:
            return None
        number, day, expires_at, language = found
        if now >= expires_at:
            return None
        return self.queue.view(number, day, now, language)

    def health_report(self) -> dict[str, Any]:
        """Safe to call from any thread: it reads only plain values, locked counters, the
        ledger's own locked copies and sets that the worker replaces rather than changes."""
        now = self._clock()
        failed_at = self.refusals.storage_failed_at
        recent_failure = failed_at is not None and now - failed_at < 60.0
        database_ok = self.ledger.ping() and not recent_failure
        return {
            "hub": self.hub_id,
            "branch": self.config.branch.id,
            "version": __version__,
            # Damaged help events are left out of every call, and listed here for IT.
            "database": {"ok": database_ok, "path": str(self.ledger.path),
                         "quarantined_events": sorted(self.ledger.quarantined)},
            "audit": dict(zip(("rows", "head"), self.ledger.audit_head(), strict=True)),
            "staff_actions": {"accepted": len(self.staff_without_pin) < len(self.config.staff),
                              "staff_without_pin": list(self.staff_without_pin)},
            "open_calls": self.open_calls,
            "devices_online": self.devices_online,
            "rejections": self.refusals.counter.snapshot(),
            "late_events": self.help.late_events,
            "kiosks_flooding": sorted(self.help.flooding),
            "uptime_s": round(time.monotonic() - self._started, 1),
        }
