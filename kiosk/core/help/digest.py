"""Anti-entropy: what the hub holds of one device's help events, in a few numbers per hour.

Devices keep the day's events after the hub acknowledged them; the hub publishes, for each
device, a digest of the events of the day that device originated: per hour (counted from
``since``), how many and a hash of their ids. The device computes the same over its own
store; an hour where the two differ and the device holds events is an hour the hub may have
lost (a hub restored from an old backup, a WAL cut short), and the device re-sends that
hour's events through its outbox. The hub stores by id, so what it had is acknowledged
again and stored once; what it lacked comes back.

An hour where the device has fewer events than the hub (its own store was replaced) cannot
be repaired by the device, and each difference is answered once, not on every digest.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

HOUR_S = 3600.0
MAX_HOURS = 48
"""Hours a digest may cover: the day, and the hour before midnight on a short day."""


@dataclass(frozen=True)
class HourDigest:
    hour: int  # hours after the digest's ``since``
    count: int
    hash: str  # 16 hex characters of SHA-256 over the sorted event ids


def hour_of(at: float, since: float) -> int:
    return int((at - since) // HOUR_S)


def digest_ids(ids: Iterable[str]) -> str:
    ordered = sorted(ids)
    return hashlib.sha256("\n".join(ordered).encode()).hexdigest()[:16]


def digest(events: Iterable[tuple[str, float]], since: float) -> dict[int, HourDigest]:
    """The digest of ``(event id, at)`` pairs at or after ``since``, by hour."""
    by_hour: dict[int, set[str]] = {}
    for event_id, at in events:
        if at >= since:
            hour = hour_of(at, since)
            if hour < MAX_HOURS:
                by_hour.setdefault(hour, set()).add(event_id)
    return {hour: HourDigest(hour, len(ids), digest_ids(ids))
            for hour, ids in sorted(by_hour.items())}


def hours_to_resend(mine: Mapping[int, HourDigest],
                    hubs: Mapping[int, HourDigest]) -> list[int]:
    """The hours where this device holds events and the hub's digest differs."""
    return [hour for hour, own in sorted(mine.items())
            if own.count and (hubs.get(hour) is None or hubs[hour].hash != own.hash)]
