"""A kiosk or console played with raw paho and the codec: exactly the bytes a device sends.

Nothing of the product's own client code runs here, so an end-to-end test of the hub cannot
pass because both sides share a bug in that code. Received messages are decoded with the
real codec and kept in order; anything the codec refuses is kept apart.
"""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import paho.mqtt.client as mqtt

from kiosk.core.settings import Role
from kiosk.protocol import Codec, Decoded, Message, Rejection, topics
from kiosk.protocol.pin_messages import PinPurpose, PinReply, PinRequest
from kiosk.protocol.subscriptions import subscriptions
from tests.helpers.branch import STAFF_PINS

M = TypeVar("M", bound=Message)
PATIENCE_S = 10.0


class RawDevice:
    def __init__(self, host: str, port: int, device_id: str, *, branch: str,
                 role: Role | None = None, hub_id: str = "hub",
                 subscribe: Sequence[str] | None = None, password: str = "test-password",
                 ca_file: str | None = None) -> None:
        """``subscribe``: topic filters; by default what a device of ``role`` subscribes to.
        ``ca_file``: connect with TLS, trusting that CA."""
        self.device_id = device_id
        self.branch = branch
        self.codec = Codec(branch, device_id, hub_id)
        if subscribe is None:
            assert role is not None, "give a role or the filters to subscribe to"
            subscribe = subscriptions(role, branch, device_id)
        self.received: list[Decoded] = []
        self.rejected: list[tuple[str, Rejection]] = []
        self.raw: list[tuple[str, bytes]] = []  # every delivery, as the broker handed it
        self._changed = threading.Condition()
        self._subscribed = threading.Event()
        self._client = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2,
                                   client_id=f"{device_id}-{uuid.uuid4().hex[:8]}",
                                   protocol=mqtt.MQTTv311)
        self._client.username_pw_set(device_id, password)
        if ca_file is not None:
            self._client.tls_set(ca_certs=ca_file)
        self._client.on_message = self._message
        self._client.on_subscribe = lambda *args: self._subscribed.set()
        filters = list(subscribe)
        self._client.on_connect = lambda client, *args: (
            client.subscribe([(f, 1) for f in filters]) if filters else self._subscribed.set())
        self._client.connect(host, port, keepalive=10)
        self._client.loop_start()
        if not self._subscribed.wait(PATIENCE_S):
            raise AssertionError(f"{device_id}: not connected and subscribed")

    def close(self) -> None:
        self._client.disconnect()
        self._client.loop_stop()

    # --- sending --------------------------------------------------------------------------

    def publish(self, topic: str, message: Message, *, sent_at: float | None = None,
                msg_id: str | None = None) -> bytes:
        out = self.codec.prepare(topic, message, sent_at=time.time() if sent_at is None
                                 else sent_at, msg_id=msg_id)
        self.publish_raw(topic, out.payload, qos=out.qos)
        return out.payload

    def publish_raw(self, topic: str, payload: bytes, qos: int = 1,
                    retain: bool = False) -> None:
        info = self._client.publish(topic, payload, qos=qos, retain=retain)
        info.wait_for_publish(PATIENCE_S)

    # --- receiving ------------------------------------------------------------------------

    def _message(self, client: Any, userdata: Any, message: mqtt.MQTTMessage) -> None:
        result = self.codec.decode(message.topic, bytes(message.payload))
        with self._changed:
            self.raw.append((message.topic, bytes(message.payload)))
            if isinstance(result, Rejection):
                self.rejected.append((message.topic, result))
            else:
                self.received.append(result)
            self._changed.notify_all()

    def messages(self, kind: type[M], topic: str | None = None) -> list[M]:
        with self._changed:
            return [d.message for d in self.received if isinstance(d.message, kind)
                    and (topic is None or d.topic.topic == topic)]

    def wait_for(self, kind: type[M], where: Callable[[M], bool] = lambda m: True,
                 timeout_s: float = PATIENCE_S, topic: str | None = None) -> M:
        """The first received ``kind`` message (old or new) that satisfies ``where``."""
        deadline = time.monotonic() + timeout_s
        with self._changed:
            while True:
                for decoded in self.received:
                    message = decoded.message
                    if isinstance(message, kind) and (topic is None
                                                      or decoded.topic.topic == topic) \
                            and where(message):
                        return message
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"{self.device_id}: no {kind.TYPE} as expected "
                                         f"within {timeout_s} s")
                self._changed.wait(left)

    def wait_count(self, kind: type[M], count: int, timeout_s: float = PATIENCE_S) -> list[M]:
        deadline = time.monotonic() + timeout_s
        with self._changed:
            while True:
                found = [d.message for d in self.received if isinstance(d.message, kind)]
                if len(found) >= count:
                    return found
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"{self.device_id}: {len(found)} of {count} "
                                         f"{kind.TYPE} messages within {timeout_s} s")
                self._changed.wait(left)

    def reply_topic(self) -> str:
        return topics.hub_reply(self.branch, self.device_id)

    def sign_in(self, staff_id: str, pin: str | None = None) -> str:
        """Sign ``staff_id`` in at this console through the hub, as a console does; the
        session token the hub answered with."""
        request = PinRequest(uuid.uuid4().hex, staff_id, pin or STAFF_PINS[staff_id],
                             PinPurpose.CONSOLE_SIGN_IN)
        self.publish(topics.pin_request(self.branch, Role.CONSOLE, self.device_id), request)
        reply = self.wait_for(PinReply, lambda r: r.request_id == request.request_id,
                              topic=self.reply_topic())
        assert reply.ok and reply.session is not None, f"{staff_id} not signed in: {reply}"
        return reply.session
