"""Real brokers for end-to-end tests: Mosquitto on a free loopback port, or the embedded one."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from kiosk.net.broker import EmbeddedBroker, MosquittoBroker

BrokerFactory = Callable[[], MosquittoBroker | EmbeddedBroker]


@contextmanager
def running_broker(kind: str, data_dir: Path) -> Iterator[MosquittoBroker | EmbeddedBroker]:
    broker: MosquittoBroker | EmbeddedBroker
    broker = MosquittoBroker(data_dir).start() if kind == "mosquitto" else EmbeddedBroker().start()
    try:
        yield broker
    finally:
        broker.stop()
