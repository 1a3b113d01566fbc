"""Simulated kiosks and consoles: raw paho clients speaking the product's protocol.

Each device connects as the product's devices do (its own client id and user name, a
persistent session, TCP_NODELAY, the retained presence and its last will) and subscribes to
exactly the filters the product's device of that role subscribes to, so the broker fans
out as much as it would in a branch. What a device receives is counted per channel; only
what a benchmark times is decoded (ticket replies and acks at kiosks, help raises at
consoles), so that 220 devices fit in a few processes of a 2-core machine. Consoles act as
staffed consoles do: they tell the kiosk they hold each raise (``event.ack``), confirm it
with a ``received`` event, and the console a call is assigned to answers and closes it.
"""

from __future__ import annotations

import heapq
import itertools
import selectors
import socket
import threading
import time
from collections import Counter
from collections.abc import Callable
from typing import Any

import paho.mqtt.client as mqtt
from paho.mqtt.enums import CallbackAPIVersion

from kiosk import __version__
from kiosk.core.settings import Role
from kiosk.protocol import Codec, Message, topics
from kiosk.protocol.device_messages import Component, Health, Heartbeat, Presence
from kiosk.protocol.subscriptions import subscriptions

Handler = Callable[["SimDevice", str, bytes, float], None]
"""(device, topic, payload, monotonic arrival time) — called on the device's paho thread."""


def channel_of(topic: str) -> str:
    """``role/channel`` of a topic with the device ids left out, e.g. ``hub/state/queue``."""
    parts = topic.split("/")
    if len(parts) < 4:
        return topic
    rest = parts[3:] if parts[2] == "hub" else parts[4:]
    if not rest:
        return parts[2]
    head = f"{rest[0]}/{rest[1]}" if rest[0] in ("state", "ticket", "pin") and len(rest) > 1 \
        else rest[0]
    return f"{parts[2]}/{head}"


class SimDevice:
    def __init__(self, host: str, port: int, branch: str, device_id: str, role: Role,
                 handler: Handler, hub_id: str = "hub") -> None:
        self.device_id = device_id
        self.role = role
        self.branch = branch
        self.codec = Codec(branch, device_id, hub_id)
        self.received: Counter[str] = Counter()
        self.received_bytes: Counter[str] = Counter()
        self.subscribed = threading.Event()
        self._handler = handler
        self._host, self._port = host, port
        self._started = time.time()
        self._seq = itertools.count()
        self._presence_topic = topics.presence(branch, role, device_id)
        client = mqtt.Client(CallbackAPIVersion.VERSION2, client_id=device_id,
                             clean_session=False, protocol=mqtt.MQTTv311)
        client.username_pw_set(device_id, "bench")
        client.max_inflight_messages_set(100)
        client.max_queued_messages_set(0)
        offline = self.codec.prepare(self._presence_topic, Presence(online=False),
                                     sent_at=time.time())
        client.will_set(offline.topic, offline.payload, qos=1, retain=True)
        client.on_socket_open = self._socket_open
        client.on_connect = self._connect
        client.on_subscribe = lambda *_: self.subscribed.set()
        client.on_message = self._message
        self.client = client

    def start(self, loop: SharedLoop | None = None) -> None:
        """Connect; with ``loop``, that one thread serves this device's socket (see
        SharedLoop), otherwise paho's own thread does."""
        self._loop = loop
        if loop is None:
            self.client.connect_async(self._host, self._port, keepalive=30)
            self.client.loop_start()
        else:
            try:
                self.client.connect(self._host, self._port, keepalive=30)
            except OSError:
                pass  # the loop dials again
            loop.add(self.client)

    def stop(self) -> None:
        loop = getattr(self, "_loop", None)
        if loop is not None:
            loop.remove(self.client)  # or it would dial again
        self.client.disconnect()
        if loop is None:
            self.client.loop_stop()

    def publish(self, topic: str, message: Message, retain: bool = False) -> None:
        out = self.codec.prepare(topic, message, sent_at=time.time())
        self.client.publish(out.topic, out.payload, qos=out.qos, retain=retain or out.retain)

    def heartbeat(self, interval_s: float) -> None:
        health = Health(speech=Component.ABSENT, printer=Component.ABSENT,
                        sound=Component.ABSENT, outbox=0, version=__version__,
                        uptime_s=max(0.0, time.time() - self._started))
        self.publish(topics.heartbeat(self.branch, self.role, self.device_id),
                     Heartbeat(seq=next(self._seq), interval_s=interval_s, health=health))

    # --- paho thread ----------------------------------------------------------------------

    @staticmethod
    def _socket_open(_client: mqtt.Client, _userdata: Any, sock: Any) -> None:
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def _connect(self, client: mqtt.Client, _userdata: Any, _flags: Any, reason: Any,
                 _properties: Any) -> None:
        if reason.is_failure:
            return
        client.subscribe([(f, 1) for f in subscriptions(self.role, self.branch,
                                                         self.device_id)])
        self.publish(self._presence_topic, Presence(online=True), retain=True)

    def _message(self, _client: mqtt.Client, _userdata: Any,
                 message: mqtt.MQTTMessage) -> None:
        arrived = time.monotonic()
        topic = message.topic
        payload = bytes(message.payload)
        channel = channel_of(topic)
        self.received[channel] += 1
        self.received_bytes[channel] += len(payload)
        self._handler(self, topic, payload, arrived)


REDIAL_S = 1.0


class SharedLoop:
    """One thread that reads and writes the sockets of many paho clients.

    A hundred simulated devices with a paho thread each share one interpreter lock: at
    Python's 5 ms switch interval a message waits behind the others for a large part of a
    second, and that queueing inside the load generator would be reported as the hub's
    latency. One selector thread has no such convoy. A publish from another thread is
    written by paho at once (there is no loop thread to hand it to); what paho could not
    write at once is written here when the socket can take it."""

    def __init__(self) -> None:
        self._selector = selectors.DefaultSelector()
        self._clients: list[mqtt.Client] = []
        self._lock = threading.Lock()
        self._stopping = False
        self._dialled: dict[int, float] = {}
        self._thread = threading.Thread(target=self._run, name="sim-sockets", daemon=True)

    def start(self) -> SharedLoop:
        self._thread.start()
        return self

    def add(self, client: mqtt.Client) -> None:
        with self._lock:
            self._clients.append(client)

    def remove(self, client: mqtt.Client) -> None:
        with self._lock:
            if client in self._clients:
                self._clients.remove(client)

    def stop(self) -> None:
        self._stopping = True
        self._thread.join(5)

    def _redial(self, client: mqtt.Client) -> None:
        """As paho's own loop does: try again, at most once a second per client."""
        now = time.monotonic()
        if now - self._dialled.get(id(client), 0.0) < REDIAL_S:
            return
        self._dialled[id(client)] = now
        try:
            client.reconnect()
        except OSError:
            pass

    def _run(self) -> None:
        last_misc = 0.0
        watched: dict[int, tuple[mqtt.Client, Any, int]] = {}  # id(client) -> (c, sock, ev)
        while not self._stopping:
            with self._lock:
                clients = list(self._clients)
            for client in clients:
                sock = client.socket()
                known = watched.get(id(client))
                if known is not None and known[1] is not sock:
                    self._selector.unregister(known[1])
                    del watched[id(client)]
                    known = None
                if sock is None:  # dropped (a busy broker may refuse or close): redial
                    self._redial(client)
                    continue
                events = selectors.EVENT_READ | (
                    selectors.EVENT_WRITE if client.want_write() else 0)
                if known is None:
                    self._selector.register(sock, events, client)
                elif known[2] != events:
                    self._selector.modify(sock, events, client)
                watched[id(client)] = (client, sock, events)
            for key, events in self._selector.select(0.02) if watched else ():
                client = key.data
                if events & selectors.EVENT_READ:
                    client.loop_read()
                if events & selectors.EVENT_WRITE:
                    client.loop_write()
            now = time.monotonic()
            if now - last_misc >= 1.0:  # keep-alive pings and retries
                last_misc = now
                for client in clients:
                    client.loop_misc()


class Scheduler:
    """One thread that runs timed jobs (publishes, heartbeats) at monotonic times."""

    def __init__(self) -> None:
        self._jobs: list[tuple[float, int, Callable[[], None]]] = []
        self._order = itertools.count()
        self._changed = threading.Condition()
        self._stopping = False
        self.late_s: list[float] = []
        self._thread = threading.Thread(target=self._run, name="sim-scheduler", daemon=True)

    def start(self) -> Scheduler:
        self._thread.start()
        return self

    def at(self, when: float, job: Callable[[], None]) -> None:
        with self._changed:
            heapq.heappush(self._jobs, (when, next(self._order), job))
            self._changed.notify()

    def stop(self) -> None:
        with self._changed:
            self._stopping = True
            self._changed.notify()
        self._thread.join(5)

    def _run(self) -> None:
        while True:
            with self._changed:
                while not self._stopping and (not self._jobs
                                              or self._jobs[0][0] > time.monotonic()):
                    wait = self._jobs[0][0] - time.monotonic() if self._jobs else None
                    self._changed.wait(wait)
                if self._stopping:
                    return
                when, _, job = heapq.heappop(self._jobs)
            self.late_s.append(time.monotonic() - when)
            try:
                job()
            except Exception as error:  # a failed publish is counted by its absence
                print(f"scheduled job failed: {error!r}", flush=True)
