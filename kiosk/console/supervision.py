"""Which devices are alive and well, as this console sees them: supervision without Qt.

Consoles hear every device's heartbeat directly (supervision keeps working with the hub
down), and the hub's retained ``devices.state`` fills in devices heard before this console
started. A heartbeat is the truth: it is sent from each program's main loop, so a frozen
kiosk falls silent. A retained "offline" presence (a clean stop, or the broker's last will
for a killed process) only makes the news arrive sooner.

A kiosk that goes silent is an alarm: a customer at it may press help and reach nobody. The
alarm is raised when a kiosk this console has seen alive goes silent (a kiosk switched off
all day is shown offline, not alarmed about), and ends when it is heard again; both moments
are returned by ``check`` so they can be logged.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from kiosk.core.config import BranchConfig
from kiosk.core.settings import Role
from kiosk.protocol.device_messages import (
    Activity,
    Component,
    DevicesState,
    Health,
    Heartbeat,
)


class DeviceChange(StrEnum):
    WENT_OFFLINE = "went_offline"
    CAME_BACK = "came_back"


@dataclass(frozen=True)
class DeviceEvent:
    at: float
    device_id: str
    change: DeviceChange


@dataclass(frozen=True)
class DeviceView:
    device_id: str
    role: Role
    online: bool
    last_seen: float | None  # when last heard (the hub's record if never heard here)
    health: Health | None
    activity: Activity | None
    staff_id: str | None
    alarming: bool  # a kiosk that went silent while this console watched

    @property
    def silent_console(self) -> bool:
        """A console that says it cannot sound its alarm."""
        return (self.role is Role.CONSOLE and self.online and self.health is not None
                and self.health.sound is Component.FAILED)


@dataclass
class _Seen:
    role: Role
    heard_at: float | None = None  # on the liveness clock (monotonic in the console)
    heard_wall: float | None = None  # the same moment on the wall clock, to show
    offline_since: float | None = None  # an "offline" presence after the last heartbeat
    health: Health | None = None
    activity: Activity | None = None
    staff_id: str | None = None
    was_online: bool = False
    alarming: bool = False
    direct: bool = False  # heard by this console itself, not only through the hub
    hub_last_seen: float | None = None  # the hub's clock


class DeviceWatch:
    def __init__(self, config: BranchConfig, offline_after_s: float | None = None) -> None:
        self.offline_after_s = (config.presence.offline_after_s if offline_after_s is None
                                else offline_after_s)
        self._devices = {d.id: _Seen(d.role) for d in config.devices}
        self._noted: set[str] = set()

    def heartbeat(self, device_id: str, heartbeat: Heartbeat, now: float,
                  wall: float | None = None) -> None:
        """``now``: the liveness clock (monotonic, so a wall clock step neither silences
        nor revives a device); ``wall``: the same moment on the wall clock, for display
        (default ``now``)."""
        seen = self._devices.get(device_id)
        if seen is None:
            return
        seen.direct = True
        seen.heard_at = now
        seen.heard_wall = now if wall is None else wall
        seen.offline_since = None
        seen.health = heartbeat.health
        seen.activity = heartbeat.activity
        seen.staff_id = heartbeat.staff_id

    def presence(self, device_id: str, online: bool, now: float,
                 wall: float | None = None) -> None:
        seen = self._devices.get(device_id)
        if seen is None:
            return
        seen.direct = True
        if online:
            seen.heard_at = now
            seen.heard_wall = now if wall is None else wall
            seen.offline_since = None
        else:
            seen.offline_since = now

    def hub_view(self, state: DevicesState, now: float) -> None:
        """The hub's record, for devices this console has not heard itself (yet): what it
        knew before this console started. Direct heartbeats always win."""
        for status in state.devices:
            seen = self._devices.get(status.device_id)
            if seen is None or seen.direct:
                continue
            seen.heard_at = now if status.online else None
            seen.hub_last_seen = status.last_seen
            seen.health = status.health
            seen.activity = status.activity
            seen.staff_id = status.staff_id

    def online(self, device_id: str, now: float) -> bool:
        seen = self._devices.get(device_id)
        return seen is not None and self._online(seen, now)

    def _online(self, seen: _Seen, now: float) -> bool:
        return (seen.heard_at is not None and seen.offline_since is None
                and now - seen.heard_at <= self.offline_after_s)

    def check(self, now: float, wall: float | None = None) -> list[DeviceEvent]:
        """Kiosks that went silent or came back since the last check (the events carry
        ``wall``, default ``now``)."""
        at = now if wall is None else wall
        events = []
        for device_id, seen in self._devices.items():
            online = self._online(seen, now)
            if seen.role is not Role.KIOSK:
                seen.was_online = seen.was_online or online
                continue
            if online and seen.alarming:
                seen.alarming = False
                self._noted.discard(device_id)
                events.append(DeviceEvent(at, device_id, DeviceChange.CAME_BACK))
            elif not online and seen.was_online and not seen.alarming:
                seen.alarming = True
                events.append(DeviceEvent(at, device_id, DeviceChange.WENT_OFFLINE))
            seen.was_online = seen.was_online or online
        return events

    def note(self, device_id: str) -> None:
        """Staff have seen that this kiosk is offline: stop alarming about it."""
        self._noted.add(device_id)

    def alarming_kiosks(self) -> list[str]:
        return [d for d, seen in self._devices.items() if seen.alarming and d not in self._noted]

    def hub_online(self, now: float) -> bool:
        return any(self._online(s, now) for s in self._devices.values() if s.role is Role.HUB)

    def views(self, now: float) -> list[DeviceView]:
        """Every configured device: kiosks first, then consoles, displays and the hub."""
        order = {Role.KIOSK: 0, Role.CONSOLE: 1, Role.DISPLAY: 2, Role.HUB: 3}
        return [DeviceView(device_id, seen.role, self._online(seen, now),
                           seen.heard_wall if seen.direct else seen.hub_last_seen, seen.health,
                           seen.activity, seen.staff_id,
                           seen.alarming and device_id not in self._noted)
                for device_id, seen in sorted(self._devices.items(),
                                              key=lambda item: (order[item[1].role], item[0]))]
