"""Who belongs to the branch: the hub's check of a sender against the branch configuration.

The broker ACL pins each device to its own topics, and the codec checks that the envelope's
sender is the device the topic names. Neither knows the roster: on a broker with a loose ACL
(or the demo broker, which has none) any client could publish as ``kiosk-9``. The hub knows
the configuration, so it refuses a sender that is not listed, or listed as another kind of
device, and an event about a kiosk or a staff member nobody configured.
"""

from __future__ import annotations

from kiosk.core.config import BranchConfig
from kiosk.core.settings import Device, Role, Staff
from kiosk.hub.rejections import HubReject


class Roster:
    def __init__(self, config: BranchConfig) -> None:
        self._devices = {device.id: device for device in config.devices}
        self._staff = {member.id: member for member in config.staff}

    def device(self, device_id: str) -> Device | None:
        return self._devices.get(device_id)

    def staff(self, staff_id: str) -> Staff | None:
        return self._staff.get(staff_id)

    def is_kiosk(self, device_id: str) -> bool:
        device = self._devices.get(device_id)
        return device is not None and device.role is Role.KIOSK

    def devices(self) -> tuple[Device, ...]:
        return tuple(self._devices.values())

    def check_sender(self, sender: str, role: Role) -> tuple[HubReject, str] | None:
        """Why ``sender`` may not publish as a ``role``, or None when it may."""
        device = self._devices.get(sender)
        if device is None:
            return HubReject.UNKNOWN_DEVICE, f"device {sender!r} is not in the branch roster"
        if device.role is not role:
            return (HubReject.WRONG_ROLE,
                    f"device {sender!r} is a {device.role.value} in the roster, not a "
                    f"{role.value}")
        return None
