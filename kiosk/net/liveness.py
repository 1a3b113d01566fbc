"""Who is alive, from heartbeats and retained presence: the device's own view of its peers.

Heartbeats are the truth (sent from each program's main thread, so a frozen program goes
silent); presence "offline" (a clean stop or a last will) only makes the news arrive sooner.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kiosk.core.settings import Role


@dataclass
class PeerLiveness:
    offline_after_s: float
    _last_seen: dict[str, tuple[Role, float]] = field(default_factory=dict)

    def heard(self, device_id: str, role: Role, now: float) -> None:
        self._last_seen[device_id] = (role, now)

    def gone(self, device_id: str) -> None:
        self._last_seen.pop(device_id, None)

    def online(self, role: Role, now: float) -> set[str]:
        return {device for device, (r, seen) in self._last_seen.items()
                if r is role and now - seen <= self.offline_after_s}

    def last_seen(self, device_id: str) -> float | None:
        entry = self._last_seen.get(device_id)
        return None if entry is None else entry[1]
