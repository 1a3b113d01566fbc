"""Signing staff in at a headless console through the real hub, the way a console does it:
a ``pin.request`` on the console's own topic, the hub's ``pin.reply`` awaited."""

from __future__ import annotations

import queue
import time

from kiosk.core.help.events import new_event_id
from kiosk.core.settings import Role
from kiosk.net.console_client import ConsoleClient
from kiosk.net.headless import HeadlessDevice
from kiosk.protocol import Decoded, topics
from kiosk.protocol.pin_messages import PinPurpose, PinReply, PinRequest

PATIENCE_S = 15.0
RESEND_S = 1.0
"""A request the hub missed (still connecting) is sent again with the same id: the hub
answers a repeat as it answered the first."""


def sign_in(console: HeadlessDevice[ConsoleClient], staff_id: str, pin: str) -> str:
    """Sign ``staff_id`` in at ``console`` with ``pin`` (the hub must be running); the
    session token."""
    request = PinRequest(new_event_id(), staff_id, pin,
                         PinPurpose.CONSOLE_SIGN_IN)
    answers: queue.Queue[PinReply] = queue.Queue()
    client = console.client
    before = client.listener

    class Listening:
        """The console's listener, with PIN replies to this request also taken here."""

        def __getattr__(self, name: str) -> object:
            return getattr(before, name)

        def on_other_message(self, decoded: Decoded) -> None:
            message = decoded.message
            if isinstance(message, PinReply) and message.request_id == request.request_id:
                answers.put(message)
            before.on_other_message(decoded)

    console.call(lambda: setattr(client, "listener", Listening()))
    topic = topics.pin_request(console.config.branch.id, Role.CONSOLE, console.device_id)
    deadline = time.monotonic() + PATIENCE_S
    try:
        while True:
            console.call(lambda: console.link.publish(topic, request))
            try:
                reply = answers.get(timeout=RESEND_S)
                break
            except queue.Empty:
                if time.monotonic() > deadline:
                    raise AssertionError(f"{console.device_id}: the hub did not answer the "
                                         f"sign-in of {staff_id}") from None
    finally:
        console.call(lambda: setattr(client, "listener", before))
    assert reply.ok and reply.session is not None, f"{staff_id} not signed in: {reply}"
    def signed_in() -> None:
        client.set_staff_present(True)
        client.staff_id = staff_id  # its heartbeat says who is signed in, as a console's does

    console.call(signed_in)
    return reply.session
