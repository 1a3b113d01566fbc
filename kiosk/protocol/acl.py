"""The Mosquitto ACL file for a branch roster, derived from the topic tree.

Why per-device ``user`` blocks and not only ``pattern`` lines with ``%u``: Mosquitto applies
every pattern line to every user, so ``pattern write bank/b1/console/%u/#`` would let a
kiosk named ``k1`` publish as a console named ``k1``: acknowledge calls, silence alarms. A
pattern can pin a device to its own id, but not to its role. The roster knows each device's
role, so the ACL is generated from it: one block per device, each line naming the device's
own id where ``%u`` would have stood. Regenerate (and send the broker SIGHUP) whenever the
roster changes; adding a device needs a password-file entry anyway.
"""

from __future__ import annotations

from collections.abc import Iterable

from kiosk.core.help.events import is_device_id
from kiosk.core.settings import Role
from kiosk.protocol.subscriptions import cleared_by_hub, publications, subscriptions


def mosquitto_acl(branch: str, roster: Iterable[tuple[str, Role]]) -> str:
    """ACL file text for ``acl_file``; ``roster`` is (device id, role) for every device.

    Raises ``ValueError`` for a bad or repeated id, or a roster without exactly one hub.
    """
    devices = sorted(roster)
    ids = [device_id for device_id, _ in devices]
    for device_id in ids:
        if not is_device_id(device_id):
            raise ValueError(f"device id {device_id!r:.40} is not an id")
    if len(set(ids)) != len(ids):
        raise ValueError("a device id appears twice in the roster")
    hubs = [device_id for device_id, role in devices if role is Role.HUB]
    if len(hubs) != 1:
        raise ValueError(f"a branch has exactly one hub, the roster names {len(hubs)}")
    lines = [
        f"# Mosquitto ACL for branch {branch}, generated from the roster by",
        "# kiosk.protocol.acl. Do not edit: regenerate when devices change.",
        "# Needs in mosquitto.conf: allow_anonymous false, use_username_as_clientid true.",
    ]
    for device_id, role in devices:
        own = None if role is Role.HUB else device_id
        lines += ["", f"# {role}", f"user {device_id}"]
        lines += [f"topic write {topic}" for topic in publications(role, branch, own)]
        if role is Role.HUB:
            lines += ["# only to clear a retained copy left on a device's event topic"]
            lines += [f"topic write {topic}" for topic in cleared_by_hub(branch)]
        lines += [f"topic read {topic}" for topic in subscriptions(role, branch, own)]
    return "\n".join(lines) + "\n"
