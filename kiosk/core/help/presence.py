"""Presence is part of help: a call's state as the people who can act on it are now.

The events say a console confirmed a call and that a member of staff pressed "I'm coming".
Both are promises made by someone present. A console that confirmed and then went silent
(no heartbeat for ``presence.offline_after_s``) is no longer ringing for anyone; a member of
staff who signed out, or whose console died, is no longer on the way. So the call's status
as every screen and timer uses it is the events' status with those promises taken back:

- "I'm coming" counts only while that member of staff is signed in at a live console; the
  first such acknowledger is the one who is coming;
- "received" counts only while that console is alive;
- an arrival, a close and the customer's feedback are kept: they are things that happened
  at the kiosk, not promises.

The result names who was lost (``silent_desks``, ``gone_staff``), so consoles can say which
desk went silent and the kiosk stops naming someone who is not coming. The events are never
changed: the facts stay as they were, and when the desk or the person is back the call is as
it was. Hub, consoles and kiosk apply the same function to the same heartbeats, so they agree
up to the few seconds heartbeats take to arrive.

A node that has just started has not heard anyone yet; until it has listened for
``offline_after_s`` it knows nothing about presence and uses the events alone
(``PresenceView.unknown``), so a restart never makes every answered call look abandoned.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass

from kiosk.core.help.state import CallState, CallStatus


@dataclass(frozen=True)
class PresenceView:
    """Who can act on a call now, as one node sees it.

    ``consoles``: consoles heard within ``offline_after_s``. ``staff``: staff signed in at
    those consoles. ``known`` False: this node has not listened long enough to tell.
    """

    consoles: frozenset[str] = frozenset()
    staff: frozenset[str] = frozenset()
    known: bool = True

    @classmethod
    def unknown(cls) -> PresenceView:
        return cls(known=False)

    @classmethod
    def of(cls, signed_in: Mapping[str, str | None]) -> PresenceView:
        """From live console id -> the member of staff signed in there (or None)."""
        return cls(frozenset(signed_in), frozenset(s for s in signed_in.values() if s))


def with_presence(call: CallState, presence: PresenceView) -> CallState:
    """``call`` with the promises of those no longer present taken back (see module doc)."""
    if not presence.known or call.status not in (CallStatus.NOTIFIED, CallStatus.ACKNOWLEDGED):
        return call
    silent = frozenset(c for c in call.received_by if c not in presence.consoles)
    present_ackers = [s for s in call.acknowledgers if s in presence.staff]
    gone = tuple(s for s in call.acknowledgers if s not in presence.staff)
    status: CallStatus = call.status
    if status is CallStatus.ACKNOWLEDGED and not present_ackers:
        status = CallStatus.NOTIFIED
    if status is CallStatus.NOTIFIED and not (call.received_by - silent):
        status = CallStatus.RAISED
    if status is call.status and not silent and not gone:
        return call
    return dataclasses.replace(
        call, status=status,
        acknowledged_by=present_ackers[0] if present_ackers else None,
        silent_desks=silent, gone_staff=gone)


def calls_with_presence(calls: Mapping[str, CallState],
                        presence: PresenceView) -> dict[str, CallState]:
    return {call_id: with_presence(call, presence) for call_id, call in calls.items()}
