"""One MQTT connection (paho), tuned for a safety loop rather than for throughput.

- TCP_NODELAY on the socket: without it every exchange can stall ~40 ms (Nagle).
- Reconnect back-off capped at a few seconds (paho's default grows to 120 s).
- A persistent session (clean_session off, fixed client id = device id) so the broker keeps
  QoS 1 messages for a device that is briefly away.
- Callbacks run on paho's network thread: they must only hand work over (a queue, a Qt
  signal), never do it. Liveness is not paho's keep-alive (its thread runs even when the GUI
  is frozen): programs send heartbeats from their own main thread.
"""

from __future__ import annotations

import logging
import socket
import ssl
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import paho.mqtt.client as mqtt
from paho.mqtt.enums import CallbackAPIVersion

log = logging.getLogger(__name__)

MessageHandler = Callable[[str, bytes, bool], None]
"""(topic, payload, retained) — called on the network thread."""
ConnectionHandler = Callable[[bool, str], None]
"""(connected, reason) — called on the network thread."""


@dataclass
class LinkSettings:
    client_id: str
    host: str
    port: int
    username: str | None = None
    password: str | None = field(default=None, repr=False)
    tls: bool = False
    ca_file: str | None = None
    keepalive_s: int = 10
    reconnect_min_s: float = 0.2
    reconnect_max_s: float = 3.0
    clean_session: bool = False


@dataclass(frozen=True)
class Will:
    topic: str
    payload: bytes
    retain: bool = True
    qos: int = 1


class MqttLink:
    """Connects in the background and keeps reconnecting; never raises into its caller."""

    def __init__(self, settings: LinkSettings, subscriptions: Sequence[tuple[str, int]],
                 on_message: MessageHandler, on_connection: ConnectionHandler | None = None,
                 will: Will | None = None, on_connect_publish: Callable[[], None] | None = None
                 ) -> None:
        self.settings = settings
        self._subscriptions = list(subscriptions)
        self._on_message = on_message
        self._on_connection = on_connection
        self._on_connect_publish = on_connect_publish
        self._connected = threading.Event()
        client = mqtt.Client(CallbackAPIVersion.VERSION2, client_id=settings.client_id,
                             clean_session=settings.clean_session,
                             protocol=mqtt.MQTTv311, reconnect_on_failure=True)
        client.max_inflight_messages_set(100)
        client.max_queued_messages_set(0)  # unbounded in memory; durability is the outbox's
        # paho annotates int seconds but computes with any number; sub-second back-off matters
        # here (a kiosk must be back within a few seconds of the broker).
        client.reconnect_delay_set(settings.reconnect_min_s,  # type: ignore[arg-type]
                                   settings.reconnect_max_s)  # type: ignore[arg-type]
        if settings.username is not None:
            client.username_pw_set(settings.username, settings.password)
        if settings.tls:
            context = ssl.create_default_context(cafile=settings.ca_file or None)
            client.tls_set_context(context)
        if will is not None:
            client.will_set(will.topic, will.payload, qos=will.qos, retain=will.retain)
        client.on_socket_open = self._socket_open
        client.on_connect = self._connect
        client.on_disconnect = self._disconnect
        client.on_message = self._message
        self._client = client
        self._started = False

    @property
    def connected(self) -> bool:
        return self._connected.is_set()

    def start(self) -> None:
        """Begin connecting in the background; returns at once."""
        if self._started:
            return
        self._started = True
        try:
            self._client.connect_async(self.settings.host, self.settings.port,
                                       keepalive=self.settings.keepalive_s)
        except (OSError, ValueError) as error:  # bad host name and the like
            log.error("mqtt %s: cannot connect to %s:%d: %s", self.settings.client_id,
                      self.settings.host, self.settings.port, error)
        self._client.loop_start()

    def stop(self, final: Sequence[tuple[str, bytes, bool]] = ()) -> None:
        """Publish ``final`` messages (e.g. presence offline), then disconnect cleanly."""
        if not self._started:
            return
        for topic, payload, retain in final:
            if self.connected:
                info = self._client.publish(topic, payload, qos=1, retain=retain)
                try:
                    info.wait_for_publish(timeout=1.0)
                except (RuntimeError, ValueError):
                    pass
        self._client.disconnect()
        self._client.loop_stop()
        self._connected.clear()
        self._started = False

    def publish(self, topic: str, payload: bytes, qos: int = 1, retain: bool = False) -> bool:
        """Hand a message to paho. True when accepted (sent now or queued for reconnect)."""
        try:
            info = self._client.publish(topic, payload, qos=qos, retain=retain)
        except (ValueError, OSError) as error:
            log.warning("mqtt %s: publish to %s refused: %s", self.settings.client_id, topic,
                        error)
            return False
        return info.rc in (mqtt.MQTT_ERR_SUCCESS, mqtt.MQTT_ERR_NO_CONN)

    def subscribe(self, topic_filter: str, qos: int = 1) -> None:
        self._subscriptions.append((topic_filter, qos))
        if self.connected:
            self._client.subscribe(topic_filter, qos)

    def resubscribe(self, topic_filters: Sequence[str], qos: int = 1) -> None:
        """Subscribe again to filters already subscribed: the broker hands over their
        retained messages once more. Safe from any thread; nothing happens while offline
        (a reconnect subscribes anyway)."""
        if self.connected and topic_filters:
            self._client.subscribe([(topic, qos) for topic in topic_filters])

    def unsubscribe(self, topic_filters: Sequence[str]) -> None:
        """Stop receiving on filters for now; a reconnect subscribes to them again (their
        retained messages then arrive anew). Safe from any thread."""
        if self.connected and topic_filters:
            self._client.unsubscribe(list(topic_filters))

    def wait_connected(self, timeout_s: float) -> bool:
        return self._connected.wait(timeout_s)

    # --- paho callbacks (network thread) ---------------------------------------------------

    def _socket_open(self, client: mqtt.Client, userdata: Any, sock: Any) -> None:
        try:
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        except (OSError, AttributeError):  # TLS-wrapped or non-TCP sockets
            inner = getattr(sock, "_sock", None)
            if inner is not None:
                inner.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def _connect(self, client: mqtt.Client, userdata: Any, flags: Any, reason: Any,
                 properties: Any) -> None:
        if reason.is_failure:
            log.warning("mqtt %s: broker refused the connection: %s",
                        self.settings.client_id, reason)
            self._notify(False, str(reason))
            return
        if self._subscriptions:
            client.subscribe([(topic, qos) for topic, qos in self._subscriptions])
        self._connected.set()
        if self._on_connect_publish is not None:
            self._on_connect_publish()
        self._notify(True, "connected")

    def _disconnect(self, client: mqtt.Client, userdata: Any, flags: Any, reason: Any,
                    properties: Any) -> None:
        self._connected.clear()
        self._notify(False, str(reason))

    def _message(self, client: mqtt.Client, userdata: Any, message: mqtt.MQTTMessage) -> None:
        try:
            self._on_message(message.topic, bytes(message.payload), bool(message.retain))
        except Exception:  # a handler bug must not kill paho's thread
            log.exception("mqtt %s: message handler failed", self.settings.client_id)

    def _notify(self, connected: bool, reason: str) -> None:
        if self._on_connection is None:
            return
        try:
            self._on_connection(connected, reason)
        except Exception:
            log.exception("mqtt %s: connection handler failed", self.settings.client_id)
