"""How often a PIN may be tried: per device and member of staff, and per device.

Per device and member of staff: ``attempts`` wrong PINs in a row for one staff id from one
device lock that pair for ``lockout_s``, and each further lockout doubles the wait (60 s,
120 s, 240 s, ...); a right PIN resets both. A four-digit PIN then takes years to guess from
any one device. The count is per device, not per staff id alone, so a kiosk typing wrong
PINs (a stranger at the screen, or someone with a kiosk's credentials) locks out only itself:
the member of staff still signs in at their console. A stranger has the one device; guessing
from every device of the branch at once needs every device's credentials. An unknown staff
id is counted the same way, so the answers do not reveal which ids exist. Checks still running
count as possible failures, so parallel requests cannot slip past the limit while scrypt
works.

Per device: at most ``per_device_per_minute`` requests, whatever the staff id, so one device
cannot keep the hub hashing (each check costs ~50 ms of scrypt) by cycling through ids.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

MAX_TRACKED = 10_000
"""(device, staff id) pairs remembered at most; quiet ones are forgotten first (ids can be
invented)."""


@dataclass
class _StaffRecord:
    failures: int = 0
    lockouts: int = 0
    locked_until: float = 0.0
    pending: int = 0


@dataclass
class _DeviceRecord:
    recent: deque[float] = field(default_factory=deque)


@dataclass(frozen=True)
class Refused:
    retry_after_s: float
    flood: bool  # True: the device asked too often; False: the staff id is locked there


class PinGate:
    def __init__(self, attempts: int, lockout_s: float, per_device_per_minute: int) -> None:
        self._attempts = attempts
        self._lockout_s = lockout_s
        self._per_device = per_device_per_minute
        self._staff: dict[tuple[str, str], _StaffRecord] = {}  # (device, staff) -> record
        self._devices: dict[str, _DeviceRecord] = {}

    def admit(self, staff_id: str, device_id: str, now: float) -> Refused | None:
        """May a PIN for ``staff_id`` from ``device_id`` be checked now? Admitting counts
        the request; call :meth:`finish` with the result."""
        device = self._devices.setdefault(device_id, _DeviceRecord())
        while device.recent and now - device.recent[0] >= 60.0:
            device.recent.popleft()
        if len(device.recent) >= self._per_device:
            return Refused(max(0.1, 60.0 - (now - device.recent[0])), flood=True)
        device.recent.append(now)
        key = (device_id, staff_id)
        record = self._staff.get(key)
        if record is None:
            self._forget_quiet(now)
            record = self._staff.setdefault(key, _StaffRecord())
        if now < record.locked_until:
            return Refused(record.locked_until - now, flood=False)
        if record.failures + record.pending >= self._attempts:
            return Refused(1.0, flood=False)  # checks in flight may use up the attempts
        record.pending += 1
        return None

    def finish(self, staff_id: str, device_id: str, ok: bool, now: float) -> float | None:
        """Record a checked PIN; the lockout in seconds it started, if any."""
        record = self._staff.setdefault((device_id, staff_id), _StaffRecord())
        record.pending = max(0, record.pending - 1)
        if ok:
            record.failures = 0
            record.lockouts = 0
            return None
        record.failures += 1
        if record.failures < self._attempts:
            return None
        wait: float = self._lockout_s * float(2 ** min(record.lockouts, 16))
        record.lockouts += 1
        record.failures = 0
        record.locked_until = now + wait
        return wait

    def _forget_quiet(self, now: float) -> None:
        if len(self._staff) < MAX_TRACKED:
            return
        for key, record in list(self._staff.items()):
            if record.pending == 0 and record.locked_until <= now:
                del self._staff[key]
