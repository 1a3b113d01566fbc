"""A device's connection to the branch: the codec, one MQTT link, presence and heartbeats.

Received messages are decoded on paho's network thread (cheap, and a rejection is counted
and logged there), then handed to ``dispatch``, the submit of the device's
:class:`~kiosk.net.serial_worker.SerialWorker`, so the device's own thread does the work
(see :mod:`kiosk.net.qt_bridge` for the whole way to a screen).
"""

from __future__ import annotations

import logging
import threading
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from kiosk import __version__
from kiosk.core.config import BranchConfig, broker_address
from kiosk.core.settings import Role
from kiosk.logs import RefusalLog
from kiosk.net.mqtt_link import LinkSettings, MqttLink, Will
from kiosk.protocol import (
    BadTopic,
    Codec,
    Decoded,
    InvalidMessage,
    Message,
    RejectCode,
    Rejection,
    parse_topic,
    topics,
)
from kiosk.protocol.device_messages import Activity, Health, Heartbeat, Presence
from kiosk.protocol.subscriptions import subscriptions

log = logging.getLogger(__name__)

Dispatch = Callable[[Callable[[], None]], None]


@dataclass(frozen=True)
class DeviceIdentity:
    branch: str
    device_id: str
    role: Role
    hub_id: str


def identity_for(config: BranchConfig, device_id: str) -> DeviceIdentity:
    device = config.device(device_id)
    if device is None:
        raise ValueError(f"device {device_id!r} is not in the branch configuration")
    hubs = config.devices_with_role(Role.HUB)
    return DeviceIdentity(config.branch.id, device_id, device.role, hubs[0].id)


class DeviceLink:
    def __init__(self, config: BranchConfig, identity: DeviceIdentity, *,
                 on_message: Callable[[Decoded], None],
                 on_connection: Callable[[bool], None] | None = None,
                 dispatch: Dispatch, password: str | None = None,
                 clock: Callable[[], float] = time.time) -> None:
        self.identity = identity
        self.codec = Codec(identity.branch, identity.device_id, identity.hub_id)
        self.rejections: Counter[RejectCode] = Counter()
        self._refusal_log = RefusalLog(log, config.broker.rejection_log_every_s)
        self._clock = clock
        self._on_message = on_message
        self._on_connection = on_connection
        self._dispatch = dispatch
        self._heartbeat_seq = 0
        self._lock = threading.Lock()
        self._started_at = time.monotonic()  # uptime: not moved by a wall clock step
        host, port, tls = broker_address(config)
        role = identity.role
        device = None if role is Role.HUB else identity.device_id
        self._presence_topic = topics.presence(identity.branch, role, device)
        self._heartbeat_topic = topics.heartbeat(identity.branch, role, device)
        offline = self.codec.prepare(self._presence_topic, Presence(online=False),
                                     sent_at=clock())
        settings = LinkSettings(
            client_id=identity.device_id, host=host, port=port, tls=tls,
            ca_file=config.broker.ca_file or None,
            username=identity.device_id if password is not None else None,
            password=password, reconnect_max_s=config.broker.reconnect_max_s,
            keepalive_s=max(5, int(config.presence.offline_after_s)))
        self.link = MqttLink(
            settings,
            [(f, 1) for f in subscriptions(role, identity.branch, device)],
            on_message=self._received, on_connection=self._connection_changed,
            will=Will(offline.topic, offline.payload, retain=True),
            on_connect_publish=self._announce_online)

    @property
    def connected(self) -> bool:
        return self.link.connected

    def start(self) -> None:
        self.link.start()

    def stop(self) -> None:
        offline = self.codec.prepare(self._presence_topic, Presence(online=False),
                                     sent_at=self._clock())
        self.link.stop(final=[(offline.topic, offline.payload, True)])

    def publish(self, topic: str, message: Message, msg_id: str | None = None) -> bool:
        """Encode and hand to the broker link; False if it could not even be queued."""
        try:
            out = self.codec.prepare(topic, message, sent_at=self._clock(), msg_id=msg_id)
        except InvalidMessage as problem:
            log.error("%s: not sending an invalid %s: %s", self.identity.device_id,
                      message.TYPE, problem)
            return False
        return self.link.publish(out.topic, out.payload, qos=out.qos, retain=out.retain)

    def publish_raw(self, topic: str, payload: bytes, qos: int = 1) -> bool:
        """Send bytes prepared earlier (an outbox entry is re-sent byte for byte)."""
        return self.link.publish(topic, payload, qos=qos)

    def resubscribe(self, topic_filters: Sequence[str]) -> None:
        """Take the retained messages of these (subscribed) filters again."""
        self.link.resubscribe(topic_filters)

    def unsubscribe(self, topic_filters: Sequence[str]) -> None:
        """Stop receiving on these filters until ``resubscribe`` or a reconnect."""
        self.link.unsubscribe(topic_filters)

    def send_heartbeat(self, health: Health, activity: Activity | None = None,
                       staff_id: str | None = None, interval_s: float = 3.0) -> bool:
        """Call from the device's own main thread: a frozen GUI then shows as silent."""
        with self._lock:
            self._heartbeat_seq += 1
            seq = self._heartbeat_seq
            self._refusal_log.flush(time.monotonic())  # the sums of a flood that ended
        return self.publish(self._heartbeat_topic,
                            Heartbeat(seq=seq, interval_s=interval_s, health=health,
                                      activity=activity, staff_id=staff_id))

    def health(self, **parts: object) -> Health:
        """A Health with this program's version and uptime filled in."""
        values: dict[str, object] = {"version": __version__,
                                     "uptime_s": time.monotonic() - self._started_at}
        values.update(parts)
        return Health(**values)  # type: ignore[arg-type]

    # --- network thread -------------------------------------------------------------------

    def _announce_online(self) -> None:
        out = self.codec.prepare(self._presence_topic, Presence(online=True),
                                 sent_at=self._clock())
        self.link.publish(out.topic, out.payload, qos=out.qos, retain=True)

    def _received(self, topic: str, payload: bytes, retained: bool) -> None:
        result = self.codec.decode(topic, payload, retained)
        if isinstance(result, Rejection):
            if result.code is not RejectCode.EMPTY:
                try:
                    sender = parse_topic(topic).device_id or "hub"
                except BadTopic:
                    sender = "unknown"
                with self._lock:
                    self.rejections[result.code] += 1
                    self._refusal_log.refused(str(result.code), sender, topic, result.reason,
                                              time.monotonic())
            return
        self._dispatch(lambda: self._on_message(result))

    def _connection_changed(self, connected: bool, reason: str) -> None:
        if connected:
            log.info("%s: connected to the broker", self.identity.device_id)
        else:
            log.warning("%s: broker connection lost or refused: %s", self.identity.device_id,
                        reason)
        handler = self._on_connection
        if handler is not None:
            self._dispatch(lambda: handler(connected))
