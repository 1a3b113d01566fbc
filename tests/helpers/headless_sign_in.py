"""Signing one of the example branch's staff in at a headless console through the real hub."""

from __future__ import annotations

from bench.staff_sign_in import sign_in as sign_in_with_pin
from kiosk.net.console_client import ConsoleClient
from kiosk.net.headless import HeadlessDevice
from tests.helpers.branch import STAFF_PINS


def sign_in(console: HeadlessDevice[ConsoleClient], staff_id: str) -> str:
    """Sign ``staff_id`` in at ``console`` with the example PIN; the session token."""
    return sign_in_with_pin(console, staff_id, STAFF_PINS[staff_id])
