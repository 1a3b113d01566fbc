"""Who is alive, from heartbeats and retained presence: the device's own view of its peers.

Heartbeats are the truth (sent from each program's main thread, so a frozen program goes
silent); presence "offline" (a clean stop or a last will) only makes the news arrive sooner.
A console's heartbeat also says who is signed in there: with the consoles alive, that is the
``PresenceView`` a help call's state is read against (``kiosk.core.help.presence``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kiosk.core.help.presence import PresenceView
from kiosk.core.settings import Role


class _Unsaid:
    pass


UNSAID = _Unsaid()


@dataclass
class PeerLiveness:
    offline_after_s: float
    _last_seen: dict[str, tuple[Role, float]] = field(default_factory=dict)
    _staff: dict[str, str | None] = field(default_factory=dict)
    _listening_since: float | None = None

    def heard(self, device_id: str, role: Role, now: float, *,
              staff_id: str | None | _Unsaid = UNSAID) -> None:
        """A sign of life; ``staff_id`` as a heartbeat says it (a presence message does
        not say who is signed in, so leaves it as it was)."""
        self._last_seen[device_id] = (role, now)
        if not isinstance(staff_id, _Unsaid):
            self._staff[device_id] = staff_id

    def gone(self, device_id: str) -> None:
        self._last_seen.pop(device_id, None)
        self._staff.pop(device_id, None)

    def listening(self, now: float) -> None:
        """This device is connected and hearing heartbeats from ``now`` (first call counts)."""
        if self._listening_since is None:
            self._listening_since = now

    def deaf(self) -> None:
        """Disconnected: what it knew of presence is old news until it has listened again."""
        self._listening_since = None

    def online(self, role: Role, now: float) -> set[str]:
        return {device for device, (r, seen) in self._last_seen.items()
                if r is role and now - seen <= self.offline_after_s}

    def last_seen(self, device_id: str) -> float | None:
        entry = self._last_seen.get(device_id)
        return None if entry is None else entry[1]

    def settled(self, now: float) -> bool:
        """Connected and listening for ``offline_after_s``: a silence now means something."""
        return (self._listening_since is not None
                and now - self._listening_since >= self.offline_after_s)

    def staff_presence(self, now: float) -> PresenceView:
        """Live consoles and who is signed in at them; unknown until this device has
        listened for ``offline_after_s`` (a silence it has not waited out proves nothing)."""
        if not self.settled(now):
            return PresenceView.unknown()
        return PresenceView.of({c: self._staff.get(c) for c in self.online(Role.CONSOLE, now)})
