"""The time a help call's timers run on, which no wall clock can stop or rush.

Events carry wall-clock times, stamped by whichever device made them: they are the record,
and ``help_timers`` counts escalation and re-signals from them. But a device's wall clock
can be wrong, or be stepped (a bad NTP answer, a hand correction): a console set back an
hour would never escalate a call raised by a kiosk with the right time, and one set forward
would escalate it to the top at once. So a device measures each call's age itself:

- when it first sees the call, its age is the time since the raise *on the raising kiosk's
  clock*: a kiosk heartbeat says what that clock read when it was sent, and the monotonic
  time between the heartbeat and the first sight carries that reading over. This device's
  own wall clock plays no part, so neither a difference between the two clocks nor a step
  of this one counts. Until a heartbeat is heard, the message that brought the call stands
  in for one, and failing that this device's own clock (never giving a negative age); the
  first heartbeat settles the age for good;
- from then on the age grows with the monotonic clock only.

``now_for(call)`` is that age added to the call's start, to pass to ``due_signals``. A
kiosk's clock stepped during the call can only make its later events look early or late:
the escalation already running here goes on at the same pace.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from kiosk.core.help.state import CallState


@dataclass
class _Sight:
    wall: float  # this device's wall clock when it first saw the call
    monotonic: float  # and its monotonic clock then
    age: float | None = None  # the call's age then, once a heartbeat settled it


class CallClock:
    """Safe to use from several threads (a console's network thread sees heartbeats and
    calls first, its GUI thread asks for the time of each call every tick)."""

    def __init__(self, wall: Callable[[], float], monotonic: Callable[[], float]) -> None:
        self._wall = wall
        self._monotonic = monotonic
        self._lock = threading.Lock()
        # device id -> (its clock in a message, our monotonic clock when it came, heartbeat)
        self._peers: dict[str, tuple[float, float, bool]] = {}
        self._seen: dict[str, _Sight] = {}

    def peer_clock(self, device_id: str, sent_at: float, *, heartbeat: bool = True) -> None:
        """A message ``device_id`` sent at ``sent_at`` on its own clock has just arrived.
        Only a heartbeat is sure to be fresh; another message (a help event, perhaps sent
        again long after it was made) is used only while no heartbeat has been heard."""
        with self._lock:
            if heartbeat or device_id not in self._peers:
                self._peers[device_id] = (sent_at, self._monotonic(), heartbeat)

    def now_for(self, call: CallState) -> float:
        """``now`` for this call's timers (first call: the call is seen from here on)."""
        start = call.raised_at if call.raised_at is not None else call.earliest_at
        with self._lock:
            sight = self._seen.get(call.call_id)
            if sight is None:
                sight = self._seen[call.call_id] = _Sight(self._wall(), self._monotonic())
            age = sight.age
            if age is None:
                peer = self._peers.get(call.kiosk_id)
                if peer is None:
                    age = max(0.0, sight.wall - start)
                else:
                    sent_at, heard_at, settled = peer
                    age = max(0.0, sent_at + (sight.monotonic - heard_at) - start)
                    if settled:
                        sight.age = age
            return start + age + max(0.0, self._monotonic() - sight.monotonic)

    def keep_only(self, open_call_ids: Iterable[str]) -> None:
        """Forget the calls that are no longer open."""
        keep = set(open_call_ids)
        with self._lock:
            for call_id in [c for c in self._seen if c not in keep]:
                del self._seen[call_id]
