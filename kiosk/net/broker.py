"""Start an MQTT broker for tests and the demo: the system Mosquitto, else an embedded one.

A branch runs Mosquitto as a system service configured by ``setup-broker``; this module is
for the cases where the product itself must bring a broker up on loopback: the test suite
(always Mosquitto) and the one-machine demo (Mosquitto when installed, otherwise amqtt with a
warning: amqtt speaks MQTT 3.1.1 only and does not enforce keep-alive, so it is never for a
branch).
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import getpass
import logging
import shutil
import socket
import subprocess
import threading
import time
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

log = logging.getLogger(__name__)

MAX_QUEUED_MESSAGES = 100_000
"""Mosquitto drops messages for an offline client silently beyond its queue: keep it large."""


class BrokerError(RuntimeError):
    """The broker could not be started; the message says why."""


class RunningBroker(Protocol):
    host: str
    port: int
    kind: str

    def stop(self) -> None: ...


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((host, 0))
        port: int = probe.getsockname()[1]
        return port


def wait_for_port(host: str, port: int, timeout_s: float) -> bool:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError), socket.create_connection((host, port), timeout=0.2):
            return True
        time.sleep(0.02)
    return False


def mosquitto_binary() -> str | None:
    found = shutil.which("mosquitto")
    if found:
        return found
    for candidate in ("/usr/sbin/mosquitto", "/usr/local/sbin/mosquitto"):
        if Path(candidate).is_file():
            return candidate
    return None


def mosquitto_config(port: int, data_dir: Path, host: str = "127.0.0.1") -> str:
    """A loopback Mosquitto config: anonymous, persistent, no Nagle, large queues."""
    return "\n".join([
        f"listener {port} {host}",
        "allow_anonymous true",
        "set_tcp_nodelay true",
        f"max_queued_messages {MAX_QUEUED_MESSAGES}",
        "max_inflight_messages 100",
        "persistence true",
        f"persistence_location {data_dir}/",
        "autosave_interval 1",
        f"user {getpass.getuser()}",
        "log_dest stderr",
        "log_type error",
        "log_type warning",
        "",
    ])


@dataclass
class MosquittoBroker:
    """A Mosquitto child process on a loopback port, with persistence in ``data_dir``."""

    data_dir: Path
    port: int = 0
    host: str = "127.0.0.1"
    kind: str = "mosquitto"
    process: subprocess.Popen[bytes] | None = None
    extra_config: str = ""
    """Appended to the generated configuration (e.g. a bridge's connection block)."""

    def start(self, timeout_s: float = 10.0) -> MosquittoBroker:
        binary = mosquitto_binary()
        if binary is None:
            raise BrokerError("mosquitto is not installed (Debian: apt-get install mosquitto)")
        self.data_dir.mkdir(parents=True, exist_ok=True)
        if not self.port:
            self.port = free_port(self.host)
        conf = self.data_dir / "mosquitto.conf"
        conf.write_text(mosquitto_config(self.port, self.data_dir, self.host)
                        + self.extra_config, encoding="utf-8")
        log_file = (self.data_dir / "mosquitto.log").open("ab")
        self.process = subprocess.Popen([binary, "-c", str(conf)], stdout=log_file,
                                        stderr=log_file, stdin=subprocess.DEVNULL)
        log_file.close()
        if not wait_for_port(self.host, self.port, timeout_s):
            self.stop()
            tail = (self.data_dir / "mosquitto.log").read_text(errors="replace")[-500:]
            raise BrokerError(f"mosquitto did not open port {self.port}: {tail}")
        return self

    def stop(self) -> None:
        """Stop gracefully (the broker saves its persistence file)."""
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)
        self.process = None

    def kill(self) -> None:
        """Kill without a chance to save: what a power cut or OOM kill does."""
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=5)
        self.process = None

    def restart(self) -> None:
        self.stop()
        self.start()


class EmbeddedBroker:
    """amqtt in a background thread of this process. For the demo and tests only."""

    kind = "embedded"

    def __init__(self, port: int = 0, host: str = "127.0.0.1") -> None:
        self.host = host
        self.port = port or free_port(host)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._broker: Any = None
        self._started = threading.Event()
        self._error: BaseException | None = None

    def start(self, timeout_s: float = 10.0) -> EmbeddedBroker:
        try:
            from amqtt.broker import Broker  # type: ignore[import-untyped]
        except ImportError as error:
            raise BrokerError("the embedded broker needs the amqtt package") from error
        for noisy in ("amqtt", "transitions"):
            logging.getLogger(noisy).setLevel(logging.WARNING)
        config = {
            "listeners": {"default": {"type": "tcp", "bind": f"{self.host}:{self.port}"}},
            "plugins": {"amqtt.plugins.authentication.AnonymousAuthPlugin":
                        {"allow_anonymous": True}},
        }

        def run() -> None:
            loop = asyncio.new_event_loop()
            self._loop = loop
            asyncio.set_event_loop(loop)
            try:
                self._broker = Broker(config, loop=loop)
                loop.run_until_complete(self._broker.start())
            except BaseException as error:  # reported to start() below
                self._error = error
                self._started.set()
                return
            self._started.set()
            loop.run_forever()
            # Let cancelled connection handlers close their transports before the loop goes.
            pending = [t for t in asyncio.all_tasks(loop) if not t.done()]
            for task in pending:
                task.cancel()
            loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.close()

        self._thread = threading.Thread(target=run, name="embedded-broker", daemon=True)
        self._thread.start()
        if not self._started.wait(timeout_s) or self._error is not None:
            raise BrokerError(f"embedded broker did not start: {self._error}")
        return self  # Broker.start() returns once its listener is bound

    def stop(self) -> None:
        loop, thread = self._loop, self._thread
        if loop is not None and thread is not None:
            done = asyncio.run_coroutine_threadsafe(self._broker.shutdown(), loop)
            try:
                done.result(timeout=10)
            except Exception as error:  # a failed shutdown must not hide the real result
                log.warning("embedded broker shutdown: %s", error)
            loop.call_soon_threadsafe(loop.stop)
            thread.join(timeout=10)
        self._loop = None
        self._thread = None
        self._broker = None
        # amqtt leaves client stream writers for the garbage collector; finalise them now,
        # quietly, rather than as ResourceWarnings at some later, unrelated moment.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ResourceWarning)
            gc.collect()


def start_local_broker(data_dir: Path, port: int = 0,
                       prefer: str = "mosquitto") -> MosquittoBroker | EmbeddedBroker:
    """The demo's broker: Mosquitto when installed, otherwise amqtt with a clear warning."""
    if prefer == "mosquitto" and mosquitto_binary() is not None:
        return MosquittoBroker(data_dir, port).start()
    log.warning("Mosquitto is not installed: starting the embedded demo broker (amqtt). "
                "It is for trying the product on one machine only, never for a branch: "
                "install mosquitto (apt-get install mosquitto).")
    return EmbeddedBroker(port).start()
