"""The floor under every help-call figure: bare paho publish → receive through Mosquitto.

No codec, no SQLite, no threads of ours: two paho clients in one process, one publishing a
payload as large as a real help raise, the other subscribed. Whatever the product adds on
top shows as the ratio against this, measured in the same run on the same broker.

It also measures Nagle's algorithm, which the design removes twice (``TCP_NODELAY`` on every
client socket, ``set_tcp_nodelay true`` in Mosquitto): a one-way publish and a request →
reply round trip (the shape of "the console got the call, the kiosk hears so"), with each
side's setting on and off, so the setting is justified by a figure from this machine.
"""

from __future__ import annotations

import socket
import threading
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import paho.mqtt.client as mqtt
from paho.mqtt.enums import CallbackAPIVersion

from bench.brokers import BenchBroker
from bench.report import BenchResult, Figure
from bench.stats import Summary, summarise

PAYLOAD = b"x" * 314
"""The size of an encoded help raise (``help.event``, kind ``raised``)."""
GAP_S = 0.005
"""Pause between samples: latency, not throughput, is measured."""
PATIENCE_S = 5.0
SHAPES = ("one-way", "round trip")


def paho_client(client_id: str, nodelay: bool) -> mqtt.Client:
    client = mqtt.Client(CallbackAPIVersion.VERSION2, client_id=client_id,
                         protocol=mqtt.MQTTv311)
    if nodelay:
        def socket_open(_client: mqtt.Client, _userdata: Any, sock: Any) -> None:
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        client.on_socket_open = socket_open
    return client


class _Pair:
    """A publisher and a subscriber (who may answer) on one broker."""

    def __init__(self, host: str, port: int, nodelay: bool, answer: bool) -> None:
        tag = uuid.uuid4().hex[:6]
        self.request_topic = f"bench/{tag}/request"
        self.reply_topic = f"bench/{tag}/reply"
        self.arrived = threading.Event()
        self.arrived_at = 0.0
        self.subscriber = paho_client(f"bench-sub-{tag}", nodelay)
        self.publisher = paho_client(f"bench-pub-{tag}", nodelay)

        def on_request(client: mqtt.Client, _u: Any, message: mqtt.MQTTMessage) -> None:
            if answer:
                client.publish(self.reply_topic, message.payload, qos=1)
            else:
                self._mark()

        def on_reply(_c: mqtt.Client, _u: Any, _m: mqtt.MQTTMessage) -> None:
            self._mark()

        self._connect(self.subscriber, host, port, self.request_topic, on_request)
        self._connect(self.publisher, host, port, self.reply_topic, on_reply)

    def _mark(self) -> None:
        self.arrived_at = time.monotonic()
        self.arrived.set()

    @staticmethod
    def _connect(client: mqtt.Client, host: str, port: int, topic: str,
                 handler: Callable[[mqtt.Client, Any, mqtt.MQTTMessage], None]) -> None:
        subscribed = threading.Event()
        client.on_message = handler
        client.on_subscribe = lambda *_: subscribed.set()
        client.on_connect = lambda c, *_: c.subscribe(topic, 1)
        client.connect(host, port, keepalive=30)
        client.loop_start()
        if not subscribed.wait(PATIENCE_S):
            raise RuntimeError(f"paho client not subscribed to {topic} on port {port}")

    def sample(self) -> float:
        """Milliseconds from publish() to the message (or its reply) arriving."""
        self.arrived.clear()
        sent_at = time.monotonic()
        self.publisher.publish(self.request_topic, PAYLOAD, qos=1)
        if not self.arrived.wait(PATIENCE_S):
            raise RuntimeError("a message was not delivered within the patience")
        return (self.arrived_at - sent_at) * 1000

    def close(self) -> None:
        for client in (self.publisher, self.subscriber):
            client.disconnect()
            client.loop_stop()


def measure(host: str, port: int, samples: int, *, nodelay: bool = True,
            round_trip: bool = False, warm_up: int = 20) -> list[float]:
    """Latencies in ms of ``samples`` one-way publishes (or request → reply round trips)."""
    pair = _Pair(host, port, nodelay, answer=round_trip)
    try:
        for _ in range(warm_up):
            pair.sample()
            time.sleep(GAP_S)
        latencies = []
        for _ in range(samples):
            latencies.append(pair.sample())
            time.sleep(GAP_S)
        return latencies
    finally:
        pair.close()


def _case_name(shape: str, client: bool, broker: bool) -> str:
    on = {True: "on", False: "off"}
    return f"{shape}, client TCP_NODELAY {on[client]}, broker set_tcp_nodelay {on[broker]}"


def run_nagle(work_dir: Path, samples: int) -> BenchResult:
    """One-way and round trip with TCP_NODELAY on/off at the client and in Mosquitto."""
    result = BenchResult("bench.mqtt_baseline", "MQTT floor and the Nagle effect "
                         "(bare paho through Mosquitto)")
    cases: dict[tuple[str, bool, bool], Summary] = {}
    for broker_nodelay in (True, False):
        broker = BenchBroker("mosquitto", work_dir / f"nagle-broker-{broker_nodelay}",
                             tcp_nodelay=broker_nodelay).start()
        try:
            for client_nodelay in (True, False):
                for shape in SHAPES:
                    cases[(shape, client_nodelay, broker_nodelay)] = summarise(measure(
                        broker.host, broker.port, samples, nodelay=client_nodelay,
                        round_trip=shape == "round trip"))
        finally:
            broker.stop()
    for shape in SHAPES:
        key = shape.replace(" ", "_").replace("-", "_")
        on = cases[(shape, True, True)]
        for at_client, at_broker, label in ((True, True, "no-delay on both sides (as shipped)"),
                                            (False, True, "client TCP_NODELAY off"),
                                            (True, False, "broker set_tcp_nodelay off"),
                                            (False, False, "no-delay off on both sides")):
            case = cases[(shape, at_client, at_broker)]
            tag = (f"{key}_client_{'on' if at_client else 'off'}"
                   f"_broker_{'on' if at_broker else 'off'}")
            shipped = at_client and at_broker
            for stat in ("p50", "p99"):
                result.add(Figure(f"{tag}_{stat}", f"{shape}, {label}: {stat}",
                                  getattr(case, stat), "ms",
                                  baseline=None if shipped else getattr(on, stat),
                                  baseline_label="" if shipped else "no-delay on"))
    result.details["latency_ms"] = {_case_name(*k): v.as_dict() for k, v in cases.items()}
    result.details["samples_per_case"] = samples
    result.notes.append(
        f"{samples} samples per case after 20 warm-up ones, {GAP_S * 1000:.0f} ms apart, "
        f"{len(PAYLOAD)}-byte QoS 1 payload (the size of a help raise); publisher and "
        "subscriber are two paho clients in one process, timed with one monotonic clock.")
    result.notes.append(
        "The round trip is the shape of the help loop's confirmation (a console receives the "
        "raise, acknowledges it and answers with its `received` event; the kiosk then says "
        "\"staff notified\"): a small write right after another on the same connection, "
        "which Nagle holds until the peer's delayed ACK (40 ms on Linux).")
    return result
