"""Liveness: heartbeats, retained presence, and the hub's view of every device.

Heartbeats carry liveness, not the broker's last will: paho's network thread keeps a frozen
program's connection alive, so only a heartbeat sent from the program's own main loop proves
it is working (FACTS.md). Presence (retained, with a last will) only makes a clean exit or a
killed process visible faster. Health says what a person would notice: a kiosk that cannot
speak, a console that cannot ring, an outbox that is not draining.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import ClassVar

from kiosk.core.settings import Role
from kiosk.protocol.fields import (
    APP_VERSION,
    MAX_SAFE_INT,
    Fields,
    Flag,
    Id,
    Time,
    freeze_items,
    require_enum,
    require_instance,
    require_int,
    require_match,
    require_number,
    require_time,
)
from kiosk.protocol.message import CheckedFields, Message, PlainMessage, put_optional

MAX_INTERVAL_S = 3600.0
MAX_OUTBOX = 1_000_000
MAX_DEVICES = 500


class Component(StrEnum):
    """State of one part of a device."""

    OK = "ok"
    DEGRADED = "degraded"  # works with a fallback, e.g. synthesised speech, no recording
    FAILED = "failed"  # does not work: no engine, no audio device, printer jammed
    ABSENT = "absent"  # not part of this device, e.g. a console's printer


class Activity(StrEnum):
    """What a kiosk is doing; drills start only on an idle one. Other devices leave it out."""

    IDLE = "idle"
    IN_USE = "in_use"


@dataclass(frozen=True)
class Health:
    speech: Component
    printer: Component
    sound: Component
    outbox: int  # events committed but not yet acknowledged as stored
    version: str  # the program's version
    uptime_s: float
    # The device's own SQLite store: degraded when a damaged one was set aside (a fresh one
    # took what could be read), failed when none can be kept and calls live in memory only.
    # Sent only when not ok, so a receiver of the previous version reads a healthy device.
    store: Component = Component.OK

    def __post_init__(self) -> None:
        for name in ("speech", "printer", "sound", "store"):
            require_enum(getattr(self, name), Component, name)
        require_int(self.outbox, "outbox", hi=MAX_OUTBOX)
        require_match(self.version, "version", APP_VERSION, "a version such as 1.2.0")
        object.__setattr__(self, "uptime_s", require_time(self.uptime_s, "uptime_s"))

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = {"speech": self.speech.value, "printer": self.printer.value,
                                  "sound": self.sound.value, "outbox": self.outbox,
                                  "version": self.version, "uptime_s": self.uptime_s}
        put_optional(out, "store", None if self.store is Component.OK else self.store.value)
        return out

    @classmethod
    def from_fields(cls, f: Fields) -> Health:
        return cls(speech=f.enum("speech", Component), printer=f.enum("printer", Component),
                   sound=f.enum("sound", Component), outbox=f.integer("outbox"),
                   version=f.string("version"), uptime_s=f.number("uptime_s"),
                   store=f.opt_enum("store", Component) or Component.OK)


@dataclass(frozen=True)
class Heartbeat(Message):
    """Sent every ``interval_s`` from the program's main loop; ``seq`` restarts at 0 on start."""

    TYPE: ClassVar[str] = "heartbeat"
    seq: int
    interval_s: float
    health: Health
    activity: Activity | None = None  # kiosks only
    staff_id: Id | None = None  # consoles only: who is signed in

    def __post_init__(self) -> None:
        require_int(self.seq, "seq", hi=MAX_SAFE_INT)
        interval = require_number(self.interval_s, "interval_s", hi=MAX_INTERVAL_S,
                                  lo_open=True)
        object.__setattr__(self, "interval_s", interval)
        require_instance(self.health, Health, "health")
        if self.activity is not None:
            require_enum(self.activity, Activity, "activity")
        super().__post_init__()

    def to_body(self) -> dict[str, object]:
        out: dict[str, object] = {"seq": self.seq, "interval_s": self.interval_s,
                                  "health": self.health.to_dict()}
        put_optional(out, "activity", None if self.activity is None else self.activity.value)
        put_optional(out, "staff_id", self.staff_id)
        return out

    @classmethod
    def from_fields(cls, f: Fields) -> Heartbeat:
        return cls(seq=f.integer("seq"), interval_s=f.number("interval_s"),
                   health=f.obj("health", Health.from_fields),
                   activity=f.opt_enum("activity", Activity), staff_id=f.opt_string("staff_id"))


@dataclass(frozen=True)
class Presence(PlainMessage):
    """Retained. ``online`` false is also each device's last will."""

    TYPE: ClassVar[str] = "presence"
    online: Flag


@dataclass(frozen=True)
class DeviceStatus(CheckedFields):
    device_id: Id
    role: Role
    online: Flag
    last_seen: Time | None = None  # None: never heard from since the hub started
    health: Health | None = None
    activity: Activity | None = None
    staff_id: Id | None = None

    def __post_init__(self) -> None:
        require_enum(self.role, Role, "role")
        super().__post_init__()
        if self.health is not None:
            require_instance(self.health, Health, "health")
        if self.activity is not None:
            require_enum(self.activity, Activity, "activity")

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = {"device_id": self.device_id, "role": self.role.value,
                                  "online": self.online}
        put_optional(out, "last_seen", self.last_seen)
        put_optional(out, "health", None if self.health is None else self.health.to_dict())
        put_optional(out, "activity", None if self.activity is None else self.activity.value)
        put_optional(out, "staff_id", self.staff_id)
        return out

    @classmethod
    def from_fields(cls, f: Fields) -> DeviceStatus:
        return cls(device_id=f.string("device_id"), role=f.enum("role", Role),
                   online=f.boolean("online"), last_seen=f.opt_number("last_seen"),
                   health=f.opt_obj("health", Health.from_fields),
                   activity=f.opt_enum("activity", Activity),
                   staff_id=f.opt_string("staff_id"))


@dataclass(frozen=True)
class DevicesState(Message):
    """Every device in the roster as the hub sees it, retained."""

    TYPE: ClassVar[str] = "devices.state"
    updated_at: Time
    devices: tuple[DeviceStatus, ...] = ()

    def __post_init__(self) -> None:
        super().__post_init__()
        freeze_items(self, "devices", max_items=MAX_DEVICES, item_type=DeviceStatus)

    def to_body(self) -> dict[str, object]:
        return {"updated_at": self.updated_at, "devices": [d.to_dict() for d in self.devices]}

    @classmethod
    def from_fields(cls, f: Fields) -> DevicesState:
        return cls(updated_at=f.number("updated_at"),
                   devices=f.objects("devices", DeviceStatus.from_fields,
                                     max_items=MAX_DEVICES))
