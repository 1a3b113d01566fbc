"""Tell systemd we are ready and alive (sd_notify), without a dependency.

The kiosk and console send ``WATCHDOG=1`` from their GUI thread, so a frozen screen stops
the pings and systemd restarts the program; paho's own network thread, which keeps running
when the GUI is stuck, never pings. Without ``NOTIFY_SOCKET`` (not under systemd) every
call does nothing.
"""

from __future__ import annotations

import logging
import os
import socket

log = logging.getLogger(__name__)


def _address() -> str | None:
    address = os.environ.get("NOTIFY_SOCKET")
    if not address:
        return None
    if address.startswith("@"):
        return "\0" + address[1:]  # an abstract socket
    return address


def notify(state: str) -> bool:
    """Send one sd_notify message (``READY=1``, ``WATCHDOG=1``, ``STATUS=…``)."""
    address = _address()
    if address is None:
        return False
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
            sock.connect(address)
            sock.sendall(state.encode("utf-8"))
        return True
    except OSError as error:
        log.warning("sd_notify %s failed: %s", state.split("=")[0], error)
        return False


def watchdog_interval_s() -> float | None:
    """Half the watchdog time systemd gave us (the recommended ping interval), or None."""
    usec = os.environ.get("WATCHDOG_USEC")
    pid = os.environ.get("WATCHDOG_PID")
    if not usec or (pid and pid != str(os.getpid())):
        return None
    try:
        return max(0.05, int(usec) / 2_000_000)
    except ValueError:
        return None
