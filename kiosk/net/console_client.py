"""The console's side of the network: every help call in the branch, and answering them.

A console alarms from the kiosk's own events, not from the hub's state, so a call reaches
staff with the hub down. From the hub it follows the numbered ``help.changes``, and takes
the retained whole ``help.state`` only on joining and after missing a change
(``help_changes.ChangeFollower``). It keeps every event it sees in its own SQLite (a
restarted console still knows the open calls) and tells the kiosk it stored them
(``event.ack`` on its own topic). While staff are present it confirms each new call with a
``received`` event: that is what lets the kiosk say "staff have been told". With the hub
down it works out escalation from the raise time itself, so an unanswered call still gets
louder.

An event that names another kiosk than its call's (``help_rules.check_belongs``) is not
merged: with the hub down, the console is the last line that keeps one kiosk from rewriting
another's call. It is logged and counted in ``rejections``.

Runs on one thread (a SerialWorker under the GUI, as the kiosk's client does).
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from kiosk.core.config import BranchConfig
from kiosk.core.help.clock import CallClock
from kiosk.core.help.events import HelpEvent, HelpEventKind, Outcome, new_follow_up
from kiosk.core.help.presence import calls_with_presence
from kiosk.core.help.rules import check_belongs, check_new_event
from kiosk.core.help.state import CallState, calls_state
from kiosk.core.help.timers import HelpTiming, due_signals, event_for_due
from kiosk.core.settings import Role
from kiosk.net.device_client import DeviceClient
from kiosk.net.help_changes import ChangeFollower
from kiosk.net.local_store import LocalStore
from kiosk.net.transport import Transport
from kiosk.protocol import Decoded, RejectCode, topics
from kiosk.protocol.device_messages import DevicesState, Heartbeat, Presence
from kiosk.protocol.help_messages import (
    EventAck,
    HelpChanges,
    HelpDigest,
    HelpEventMessage,
    HelpState,
)

log = logging.getLogger(__name__)

K = HelpEventKind


def _ignore(*_: object) -> None:
    return None


@dataclass(slots=True)
class ConsoleHooks:
    """What a console client reports to its owner, on the client's own thread (the device's
    worker): ``qt_bridge.ConsoleBridge`` gives its signals, which Qt queues to the GUI
    thread; tests, benchmarks and simulated consoles give plain callables. A hook not given
    does nothing; a misspelt one is an error rather than a new attribute."""

    on_calls_changed: Callable[[dict[str, CallState]], None] = _ignore
    """The calls staff see changed: every call, by id."""
    on_peers_changed: Callable[[], None] = _ignore
    """Who is online may have changed."""
    on_devices_state: Callable[[DevicesState], None] = _ignore
    """The hub's view of every device."""
    on_other_message: Callable[[Decoded], None] = _ignore
    """A message this client does not handle itself (queue, replies, announcements)."""
    on_liveness: Callable[[Decoded], None] = _ignore
    """Every heartbeat and presence message, for supervision screens (health, activity)."""


class ConsoleClient(DeviceClient):
    def __init__(self, config: BranchConfig, console_id: str, transport: Transport,
                 store: LocalStore, clock: Callable[[], float], *,
                 monotonic: Callable[[], float] = time.monotonic,
                 call_clock: CallClock | None = None, read_only: bool = False) -> None:
        """``clock`` stamps events (the record); re-sending and who is online are timed on
        ``monotonic``, and each call's escalation (hub down) on ``call_clock``, which the
        console's alarm shares: no wall clock set back or forward stops or rushes them."""
        branch = config.branch.id
        super().__init__(config, console_id, transport, store, clock,
                         lambda event: topics.console_help(branch, console_id, event.kiosk_id),
                         monotonic=monotonic)
        self.console_id = console_id
        self.read_only = read_only
        """Watching another branch (through the bank's central broker): show, never act."""
        self.call_clock = call_clock or CallClock(clock, monotonic)
        whole = topics.help_state(branch)
        self.changes = ChangeFollower(lambda: transport.resubscribe([whole]),
                                      lambda: transport.unsubscribe([whole]))
        """Which of the hub's numbered help changes this console holds."""
        self.timing = HelpTiming(escalate_after_s=config.help.escalate_after_s,
                                 resignal_after_s=config.help.resignal_after_s,
                                 escalate_repeat_s=config.help.escalate_after_s)
        self._facts: dict[str, CallState] = {}  # from the events alone
        self._calls: dict[str, CallState] = {}  # with presence applied: what staff see
        self._staff_present = not read_only
        self.rejections: Counter[RejectCode] = Counter()
        """Events refused here after the codec passed them, by reason."""
        self.staff_id: str | None = None
        """Who is signed in here, for the heartbeat; a staff command names them too."""
        self.listener = ConsoleHooks()
        """Set by the owner: the Qt bridge, or ``ConsoleHooks`` in a test."""

    # --- state ----------------------------------------------------------------------------

    def resume(self) -> dict[str, CallState]:
        """After a restart: the calls kept in the store; re-send what the hub lacks."""
        self._refresh()
        self.resume_sending()
        return self._calls

    @property
    def calls(self) -> dict[str, CallState]:
        return dict(self._calls)

    def open_calls(self) -> list[CallState]:
        return sorted((c for c in self._calls.values() if c.is_open),
                      key=lambda c: c.raised_at if c.raised_at is not None else c.earliest_at)

    def call(self, call_id: str) -> CallState | None:
        return self._calls.get(call_id)

    @property
    def hub_online(self) -> bool:
        return bool(self.peers.online(Role.HUB, self._timer()))

    def escalation_level(self, call: CallState) -> int:
        """The call's escalation, worked out here from the raise time when the hub is down."""
        if self.hub_online or not call.is_open:
            return call.escalation_level
        due = due_signals(call, self.call_clock.now_for(call), self.timing)
        return max([d.level for d in due if d.kind is K.ESCALATED],
                   default=call.escalation_level)

    def set_staff_present(self, present: bool) -> None:
        """Someone is signed in here: this console may confirm calls to customers."""
        self._staff_present = present and not self.read_only
        if present:
            self._confirm_open_calls()

    # --- staff commands -------------------------------------------------------------------

    def acknowledge(self, call_id: str, staff_id: str) -> str | None:
        """"I'm coming". Returns why it was refused, or None."""
        return self._command(call_id, K.ACKNOWLEDGED, staff_id=staff_id)

    def arrived(self, call_id: str, staff_id: str) -> str | None:
        return self._command(call_id, K.ARRIVED, staff_id=staff_id)

    def resolve(self, call_id: str, staff_id: str, outcome: Outcome, note: str = "") -> str | None:
        return self._command(call_id, K.RESOLVED, staff_id=staff_id, outcome=outcome, note=note)

    def sign_out(self) -> None:
        """Nobody is signed in here any more: staff who were coming from here are not."""
        self.staff_id = None

    def _command(self, call_id: str, kind: HelpEventKind, **fields: object) -> str | None:
        if self.read_only:
            return "this console only watches that branch"
        call = self._calls.get(call_id)
        if call is None:
            return "no such call"
        try:
            event = new_follow_up(call_id, call.kiosk_id, kind, self.console_id, self._clock(),
                                  **fields)  # type: ignore[arg-type]
        except ValueError as problem:
            return str(problem)
        reason = check_new_event(call, event)
        if reason is not None:
            return reason
        if self.staff_id is None and event.staff_id is not None:
            self.staff_id = event.staff_id  # acting here means being here
        self._originate(event)
        return None

    def _escalate_while_hub_down(self) -> None:
        """With the hub down this console escalates unanswered calls itself, as events, so
        the escalation is in every History once the hub has them (it re-sends them until the
        hub stores them). Every console does so at the level the time calls for, so several
        consoles escalating give the same state as one."""
        if (self.read_only or not self._transport.connected or self.hub_online
                or not self.peers.settled(self._timer())):
            return
        for call in list(self._calls.values()):
            if not call.is_open:
                continue
            for due in due_signals(call, self.call_clock.now_for(call), self.timing):
                if due.kind is not K.ESCALATED:
                    continue
                event = event_for_due(call, due, self.console_id, self._clock())
                if check_new_event(call, event) is None:
                    self._originate(event)

    def _originate(self, event: HelpEvent) -> None:
        topic = topics.console_help(self._branch, self.console_id, event.kiosk_id)
        self.sender.send(event, topic)
        self._refresh({event.call_id})

    def _confirm_open_calls(self) -> None:
        if not self._staff_present:
            return
        for call in list(self._calls.values()):
            if not call.is_open or self.console_id in call.received_by:
                continue
            event = new_follow_up(call.call_id, call.kiosk_id, K.RECEIVED, self.console_id,
                                  self._clock(), console_id=self.console_id)
            if check_new_event(call, event) is None:
                self._originate(event)

    # --- receiving ------------------------------------------------------------------------

    def handle(self, decoded: Decoded) -> None:
        message = decoded.message
        role = decoded.topic.role
        now = self._timer()
        if isinstance(message, HelpEventMessage):
            event = message.event
            if not self._belongs(event, decoded.sender):
                return
            if role is Role.KIOSK:
                self.call_clock.peer_clock(decoded.sender, decoded.sent_at, heartbeat=False)
            added = self._store.add_event(event)
            if role is Role.KIOSK and not self.read_only:
                # Tell the kiosk we hold it, every time: our last ack may have been lost.
                self._transport.publish(
                    topics.console_ack(self._branch, self.console_id, event.kiosk_id),
                    EventAck(ids=(event.id,)))
            if added:
                self._refresh({event.call_id})
                self._confirm_open_calls()
        elif isinstance(message, HelpChanges):
            self._merge_all(message.events, decoded.sender)
            self.changes.changed(message.run, message.seq)
        elif isinstance(message, HelpState):
            self._merge_all(message.events, decoded.sender)
            self.changes.whole(message.run, message.seq)
        elif isinstance(message, EventAck):
            if role is Role.HUB:
                self.sender.acked_by_hub(message.ids)
        elif isinstance(message, Heartbeat):
            if role is Role.KIOSK:
                self.call_clock.peer_clock(decoded.sender, decoded.sent_at)
            self._hub_may_be_back(decoded)
            self.peers.heard(decoded.sender, role, now, staff_id=message.staff_id)
            self._apply_presence()
            self.listener.on_peers_changed()
            self.listener.on_liveness(decoded)
        elif isinstance(message, Presence):
            if message.online:
                self._hub_may_be_back(decoded)
                self.peers.heard(decoded.sender, role, now)
            else:
                self.peers.gone(decoded.sender)
                self._apply_presence()
            self.listener.on_peers_changed()
            self.listener.on_liveness(decoded)
        elif isinstance(message, DevicesState):
            self.listener.on_devices_state(message)
        elif isinstance(message, HelpDigest):
            if not self.read_only:
                self.resync.answer(message)
        else:
            self.listener.on_other_message(decoded)

    def _merge_all(self, events: Sequence[HelpEvent], sender: str) -> None:
        # Raises first: they say at which kiosk each new call is, for the rest.
        raises = [e for e in events if e.kind is K.RAISED]
        others = [e for e in events if e.kind is not K.RAISED]
        if self._merge(raises, sender) + self._merge(others, sender):
            self._confirm_open_calls()

    def _belongs(self, event: HelpEvent, sender: str) -> bool:
        why = check_belongs(self._facts.get(event.call_id), event)
        if why is None:
            return True
        self.rejections[RejectCode.WRONG_CALL] += 1
        log.warning("%s: refused an event from %s: %s: %s", self.console_id, sender,
                    RejectCode.WRONG_CALL, why)
        return False

    def _merge(self, events: Sequence[HelpEvent], sender: str) -> list[HelpEvent]:
        """Store the events that belong to their calls; the ones newly stored."""
        stored = self._store.add_events([e for e in events if self._belongs(e, sender)])
        if stored:
            self._refresh({e.call_id for e in stored})
        return stored

    def connection_changed(self, connected: bool) -> None:
        if connected:
            self.changes.joined()  # (re)subscribing hands over the retained whole
        self._connection_changed(connected)
        self._apply_presence()
        self.listener.on_peers_changed()

    def tick(self) -> None:
        self.sender.resend_due()
        self._apply_presence()
        self._escalate_while_hub_down()

    def _refresh(self, call_ids: Iterable[str] | None = None) -> None:
        """Recompute the calls ``call_ids`` (every call after a restart) from the store.

        A call's state depends on its own events only, so a new event costs the same on
        the first day and after a year of calls in the store."""
        if call_ids is None:
            self._facts = calls_state(self._store.events())
        else:
            self._facts.update(calls_state(self._store.events(call_ids)))
        self._apply_presence()

    def _apply_presence(self) -> None:
        """Read the calls against who is alive and signed in now; tell the screens if that
        changes what they show."""
        calls = calls_with_presence(self._facts, self.peers.staff_presence(self._timer()))
        if calls == self._calls:
            return
        self._calls = calls
        open_calls = [c for c in calls.values() if c.is_open]
        for call in open_calls:
            self.call_clock.now_for(call)  # its age is measured from now on
        self.call_clock.keep_only(c.call_id for c in open_calls)
        self.listener.on_calls_changed(dict(calls))
