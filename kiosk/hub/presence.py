"""Which devices are alive: heartbeats and presence, turned into the retained devices.state.

Liveness is the heartbeat, timed on the hub's monotonic clock when it arrives (a wall clock
set back or forward neither keeps a silent device online nor drops a live one; ``last_seen``
keeps the wall-clock time, for people): a device silent for
``offline_after_s`` is offline, however its broker connection looks (paho's thread keeps a
frozen program's connection alive). A presence ``false`` (a clean exit, or the last will of a
killed process) makes it offline at once. A retained presence ``true`` found at start-up
proves nothing about now, so only a heartbeat brings a device online.

devices.state is published when something a person would notice changes (online, health,
activity, who is signed in) and otherwise every ``offline_after_s``, so ``last_seen`` stays
fresh without a message per heartbeat of every kiosk.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from kiosk.core.help.presence import PresenceView
from kiosk.core.settings import Device, Role
from kiosk.protocol.device_messages import (
    MAX_DEVICES,
    Activity,
    DevicesState,
    DeviceStatus,
    Health,
    Heartbeat,
)


@dataclass
class _Seen:
    role: Role
    online: bool = False
    last_seen: float | None = None  # wall clock, shown
    heard_at: float | None = None  # monotonic, for liveness
    health: Health | None = None
    activity: Activity | None = None
    staff_id: str | None = None


@dataclass(frozen=True)
class Transition:
    device_id: str
    online: bool
    why: str


class PresenceBoard:
    def __init__(self, devices: Iterable[Device], offline_after_s: float, hub_id: str) -> None:
        self._offline_after_s = offline_after_s
        self._hub_id = hub_id
        self._seen = {d.id: _Seen(d.role) for d in devices if d.id != hub_id}
        self._published_at: float | None = None  # on tick's clock
        self._just_published = False
        self._listening_since: float | None = None  # on tick's clock
        self.dirty = True

    def heartbeat(self, device_id: str, beat: Heartbeat, now: float,
                  heard_at: float | None = None) -> Transition | None:
        """``now``: the wall clock (``last_seen``); ``heard_at``: the monotonic clock that
        ``tick`` times silence on (default ``now``)."""
        seen = self._seen[device_id]
        noticeable = (seen.health, seen.activity, seen.staff_id)
        seen.last_seen = now
        seen.heard_at = now if heard_at is None else heard_at
        seen.health, seen.activity, seen.staff_id = beat.health, beat.activity, beat.staff_id
        if noticeable != (seen.health, seen.activity, seen.staff_id):
            self.dirty = True
        if not seen.online:
            seen.online = True
            self.dirty = True
            return Transition(device_id, True, "heartbeat")
        return None

    def presence(self, device_id: str, online: bool, retained: bool,
                 now: float) -> Transition | None:
        seen = self._seen[device_id]
        if online or not seen.online:
            return None  # only a heartbeat proves a device is alive now
        if retained and seen.last_seen is not None:
            return None  # an old will, delivered again after a reconnect of the hub
        seen.online = False
        self.dirty = True
        return Transition(device_id, False, "said it is going offline")

    def tick(self, now: float) -> list[Transition]:
        """``now`` on the clock heartbeats were timed on (monotonic in the hub)."""
        if self._listening_since is None:
            self._listening_since = now
        changes = []
        for device_id, seen in self._seen.items():
            silent = seen.heard_at is None or now - seen.heard_at > self._offline_after_s
            if seen.online and silent:
                seen.online = False
                self.dirty = True
                changes.append(Transition(device_id, False,
                                          f"no heartbeat for {self._offline_after_s:g} s"))
        if self._just_published:
            self._published_at, self._just_published = now, False
        if self._published_at is None or now - self._published_at >= self._offline_after_s:
            self.dirty = True
        return changes

    def online(self, device_id: str) -> bool:
        seen = self._seen.get(device_id)
        return seen is not None and seen.online

    def staff_presence(self, now: float) -> PresenceView:
        """Live consoles and who is signed in at them, for the help calls' state (``now`` on
        tick's clock); unknown
        until the hub has listened for ``offline_after_s`` (after a restart nobody has been
        heard yet, which says nothing about the desks)."""
        if self._listening_since is None or now - self._listening_since < self._offline_after_s:
            return PresenceView.unknown()
        return PresenceView.of({device_id: seen.staff_id for device_id, seen in self._seen.items()
                                if seen.role is Role.CONSOLE and seen.online})

    def online_count(self) -> int:
        return sum(1 for seen in self._seen.values() if seen.online)

    def activity(self, device_id: str) -> Activity | None:
        seen = self._seen.get(device_id)
        return None if seen is None else seen.activity

    def state_message(self, now: float, hub_health: Health) -> DevicesState:
        self._just_published = True
        self.dirty = False
        statuses = [DeviceStatus(self._hub_id, Role.HUB, True, now, hub_health)]
        for device_id, seen in self._seen.items():
            statuses.append(DeviceStatus(device_id, seen.role, seen.online, seen.last_seen,
                                         seen.health, seen.activity, seen.staff_id))
        return DevicesState(updated_at=now, devices=tuple(statuses[:MAX_DEVICES]))
