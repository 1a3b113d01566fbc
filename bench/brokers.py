"""The two brokers a branch can run on, each as its own process so its CPU can be measured.

Mosquitto is started by the product's own ``MosquittoBroker`` (the same generated config a
demo uses); the embedded amqtt broker, which the product runs in a thread of the demo
process, runs here in a process of its own (``python -m bench.brokers PORT``) so that its
CPU and memory are its own and not mixed with the benchmark's.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import threading
from pathlib import Path

from kiosk.net.broker import EmbeddedBroker, MosquittoBroker, free_port, wait_for_port

ROOT = Path(__file__).resolve().parents[1]


class BenchBroker:
    """A running broker: ``kind``, ``host``, ``port``, ``pid``; ``stop()`` when done."""

    def __init__(self, kind: str, data_dir: Path, tcp_nodelay: bool = True) -> None:
        self.kind = kind
        self.host = "127.0.0.1"
        self.port = 0
        self._data_dir = data_dir
        self._nodelay = tcp_nodelay
        self._mosquitto: MosquittoBroker | None = None
        self._embedded: subprocess.Popen[bytes] | None = None

    def start(self) -> BenchBroker:
        if self.kind == "mosquitto":
            # The product's config says set_tcp_nodelay true; a later line overrides it.
            extra = "" if self._nodelay else "set_tcp_nodelay false\n"
            self._mosquitto = MosquittoBroker(self._data_dir, extra_config=extra).start()
            self.port = self._mosquitto.port
        elif self.kind == "embedded":
            self.port = free_port()
            self._data_dir.mkdir(parents=True, exist_ok=True)
            log = (self._data_dir / "embedded-broker.log").open("ab")
            self._embedded = subprocess.Popen(
                [sys.executable, "-m", "bench.brokers", str(self.port)], cwd=ROOT,
                stdout=log, stderr=log, stdin=subprocess.DEVNULL)
            log.close()
            if not wait_for_port(self.host, self.port, 20):
                self.stop()
                raise RuntimeError("the embedded broker did not open its port")
        else:
            raise ValueError(f"unknown broker kind {self.kind!r}")
        return self

    @property
    def pid(self) -> int:
        if self._mosquitto is not None and self._mosquitto.process is not None:
            return self._mosquitto.process.pid
        if self._embedded is not None:
            return self._embedded.pid
        raise RuntimeError("the broker is not running")

    def stop(self) -> None:
        if self._mosquitto is not None:
            self._mosquitto.stop()
            self._mosquitto = None
        if self._embedded is not None:
            if self._embedded.poll() is None:
                self._embedded.terminate()
                try:
                    self._embedded.wait(15)
                except subprocess.TimeoutExpired:
                    self._embedded.kill()
                    self._embedded.wait(5)
            self._embedded = None


def _serve_embedded(port: int) -> None:
    broker = EmbeddedBroker(port).start()
    done = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: done.set())
    signal.signal(signal.SIGINT, lambda *_: done.set())
    done.wait()
    broker.stop()


if __name__ == "__main__":
    _serve_embedded(int(sys.argv[1]))
