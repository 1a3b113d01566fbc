"""A branch broker's bridge to a central broker, so a bank can watch many branches.

The bridge is Mosquitto's own: the branch broker connects out to the centre as one client
and forwards the branch's topics (``bank/<branch>/#``). Out only, by default: the centre
watches and reports but cannot raise, acknowledge or silence anything in the branch.
``clean session`` is off on both sides, so while the link is down the branch broker queues
what the centre has not yet seen and sends it when the link returns; the branch itself
carries on unaffected, its own broker, hub and consoles handling its calls.
"""

from __future__ import annotations

from kiosk.core.config import BranchConfig


def bridge_config(config: BranchConfig, central_host: str, central_port: int, *,
                  username: str | None = None, password: str | None = None,
                  cafile: str | None = None, both_ways: bool = False,
                  restart_s: int = 3) -> str:
    """The ``connection`` block to append to the branch broker's ``mosquitto.conf``."""
    branch = config.branch.id
    direction = "both" if both_ways else "out"
    lines = [
        f"# Bridge from branch {branch} to the central broker, written by",
        "# 'python -m kiosk setup-bridge'. Out only unless the bank decided otherwise.",
        f"connection central-{branch}",
        f"address {central_host}:{central_port}",
        f"topic bank/{branch}/# {direction} 1",
        f"remote_clientid bridge-{branch}",
        "cleansession false",
        "start_type automatic",
        f"restart_timeout {restart_s}",
        "notifications false",
        "bridge_protocol_version mqttv311",
    ]
    if username is not None:
        lines.append(f"remote_username {username}")
    if password is not None:
        lines.append(f"remote_password {password}")
    if cafile is not None:
        lines += [f"bridge_cafile {cafile}", "bridge_insecure false"]
    return "\n".join(lines) + "\n"
