"""``python -m kiosk hub``: the composition root of the branch hub.

Builds the parts and wires them: the ledger, the ``HubService`` on one ``SerialWorker``
thread, the MQTT link (whose callbacks only queue work for that thread), a thread for scrypt
PIN checks, and the two HTTP listeners. Start-up problems (configuration, secrets, a damaged
ledger, a port in use) end the program with one clear paragraph and exit status 2, never a
traceback. A broker that cannot be reached is not one of them: the hub keeps trying, and
/healthz says so meanwhile.
"""

from __future__ import annotations

import dataclasses
import logging
import signal
import threading
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

from kiosk.core.config import BranchConfig, ConfigError, broker_address, load_config, parse_listen
from kiosk.core.secrets import DeviceSecrets, SecretsError, load_secrets
from kiosk.core.settings import Role
from kiosk.hub.http_server import HttpListener
from kiosk.hub.ledger import Ledger, LedgerError
from kiosk.hub.service import HubOptions, HubService, hub_id_of
from kiosk.hub.status_page import (
    STYLE_HASH,
    TicketView,
    health_routes,
    status_routes,
)
from kiosk.logs import setup_logging
from kiosk.net.mqtt_link import LinkSettings, MqttLink, Will
from kiosk.net.serial_worker import SerialWorker
from kiosk.program_start import cannot_start
from kiosk.protocol import Outgoing
from kiosk.protocol.subscriptions import cleared_by_hub, subscriptions

log = logging.getLogger("kiosk.hub")
BATCH = 200
"""Messages handled before the retained states are published again, under load."""
STATE_INTERVAL_S = 0.5
"""Least time between two publications of one retained state: under a burst of help events
the whole-branch ``state/help`` (up to ~160 kB) was published after every event and decoded
by every device (docs/decisions/0012-benchmarks.md)."""


class StartupError(Exception):
    """The hub cannot start; the message is the paragraph shown to the operator."""


class HubApp:
    def __init__(self, config: BranchConfig, secrets: DeviceSecrets | None,
                 data_dir: Path) -> None:
        self.config = config
        self.hub_id = hub_id_of(config)
        try:
            self.ledger = Ledger(data_dir / "hub.db")
        except LedgerError as error:
            raise StartupError(str(error)) from None
        try:
            self.health_listener = _listener(config.hub.health_listen, "hub.health_listen",
                                             config, health_routes(self.health))
        except StartupError:
            self.ledger.close()
            raise
        try:
            self.status_listener = (
                _listener(config.status_page.listen, "status_page.listen", config,
                          status_routes(self._ticket_view), style_hash=STYLE_HASH)
                if config.status_page.enabled else None)
        except StartupError:
            self.health_listener.stop()
            self.ledger.close()
            raise
        self._pin_checks = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pin-check")
        self.service = HubService(config, self.ledger, send=self._send,
                                  pin_hashes=secrets.staff_pin_hashes if secrets else {},
                                  run_pin_check=self._run_pin_check,
                                  options=HubOptions(state_interval_s=STATE_INTERVAL_S))
        self.worker = SerialWorker("hub", tick=self._tick,
                                   tick_s=min(0.1, config.presence.heartbeat_interval_s / 2))
        self._retained_checked_at = time.monotonic()
        host, port, tls = broker_address(config)
        password = secrets.broker_password if secrets and secrets.broker_password else None
        settings = LinkSettings(client_id=self.hub_id, host=host, port=port, tls=tls,
                                ca_file=config.broker.ca_file or None,
                                username=self.hub_id if password else None, password=password,
                                keepalive_s=max(5, int(config.presence.offline_after_s)),
                                reconnect_max_s=config.broker.reconnect_max_s)
        offline = self.service.offline_message()
        self.link = MqttLink(settings,
                             [(f, 1) for f in subscriptions(Role.HUB, config.branch.id, None)],
                             on_message=self._received, on_connection=self._connection,
                             will=Will(offline.topic, offline.payload, retain=True))
        self._inbox: deque[tuple[str, bytes, bool]] = deque()
        self._inbox_lock = threading.Lock()
        self._drain_queued = False
        self._stopping = False

    # --- life cycle -----------------------------------------------------------------------

    def start(self) -> None:
        self.service.start()  # before the worker runs: this thread still owns the service
        self.worker.start()
        self.health_listener.start()
        if self.status_listener is not None:
            self.status_listener.start()
        self.link.start()
        log.info("hub %r started: broker %s, /healthz on %s, status page %s", self.hub_id,
                 self.config.broker.url, self.config.hub.health_listen,
                 self.config.status_page.listen if self.status_listener else "off")

    def stop(self) -> None:
        log.info("hub %r stopping", self.hub_id)
        self._stopping = True
        if self.status_listener is not None:
            self.status_listener.stop()
        self.health_listener.stop()
        self.worker.stop()  # handles what is already queued first
        offline = self.service.offline_message()
        self.link.stop(final=[(offline.topic, offline.payload, True)])
        self._pin_checks.shutdown(wait=True, cancel_futures=True)
        self.ledger.close()
        log.info("hub %r stopped", self.hub_id)

    # --- wiring ---------------------------------------------------------------------------

    def _send(self, out: Outgoing) -> None:
        self.link.publish(out.topic, out.payload, qos=out.qos, retain=out.retain)

    def _received(self, topic: str, payload: bytes, retained: bool) -> None:
        """Network thread: queue it; one drain job handles whatever has piled up."""
        with self._inbox_lock:
            self._inbox.append((topic, payload, retained))
            if self._drain_queued:
                return
            self._drain_queued = True
        self.worker.submit(self._drain)

    def _drain(self) -> None:
        with self._inbox_lock:
            batch = [self._inbox.popleft() for _ in range(min(BATCH, len(self._inbox)))]
            more = bool(self._inbox)
            self._drain_queued = more
        if more:
            self.worker.submit(self._drain)
        self.service.handle_many(batch)

    def _tick(self) -> None:
        self.service.tick()
        now = time.monotonic()
        if now - self._retained_checked_at >= self.config.hub.retained_check_s:
            # A device can leave a retained copy on its event topic while the hub is
            # connected (the hub then got the message live, without the flag): subscribing
            # again makes the broker hand such copies over, and the hub deletes them.
            self._retained_checked_at = now
            self.link.resubscribe(cleared_by_hub(self.config.branch.id))

    def _connection(self, connected: bool, reason: str) -> None:
        if connected:
            log.info("connected to the broker %s", self.config.broker.url)
            self.worker.submit(self.service.on_connected)
        elif not self._stopping:
            log.warning("broker %s not connected: %s; retrying", self.config.broker.url,
                        reason)

    def _run_pin_check(self, check: Callable[[], bool], done: Callable[[bool], None]) -> None:
        def finished(future: Future[bool]) -> None:
            ok = future.exception() is None and future.result() is True
            self.worker.submit(lambda: done(ok))

        self._pin_checks.submit(check).add_done_callback(finished)

    def _ticket_view(self, token: str) -> TicketView | None:
        view = self.worker.call(lambda: self.service.ticket_view(token), timeout_s=3.0)
        return view if isinstance(view, TicketView) else None

    def health(self) -> dict[str, Any]:
        report = self.service.health_report()
        connected = self.link.connected
        report["broker"] = {"connected": connected, "url": self.config.broker.url}
        if self.status_listener is not None:
            report["status_page"] = dataclasses.asdict(self.status_listener.counts)
        report["ok"] = connected and bool(report["database"]["ok"])
        return report


def _listener(listen: str, key: str, config: BranchConfig,
              routes: Callable[[str], tuple[int, str, str]],
              style_hash: str | None = None) -> HttpListener:
    address = parse_listen(listen)
    assert address is not None  # the configuration check guarantees it
    try:
        return HttpListener(address[0], address[1], routes,
                            idle_timeout_s=config.status_page.idle_timeout_s,
                            max_connections=config.status_page.max_connections,
                            style_hash=style_hash)
    except OSError as error:
        raise StartupError(
            f"{key} = {listen!r} in {config.source}: cannot listen there: "
            f"{error.strerror or error}. Another program (perhaps a hub already running) "
            f"uses that address, or it is not an address of this machine; stop that "
            f"program or choose another address.") from None


def load_parts(config_path: str, secrets_path: str | None) -> tuple[BranchConfig,
                                                                   DeviceSecrets | None]:
    try:
        config = load_config(config_path)
    except ConfigError as error:
        raise StartupError(str(error)) from None
    hub_id = hub_id_of(config)
    if secrets_path is None:
        log.warning("no --secrets file: connecting without a password, and no staff PIN "
                    "can be checked (nobody can sign in)")
        return config, None
    try:
        secrets = load_secrets(secrets_path)
    except SecretsError as error:
        raise StartupError(str(error)) from None
    if secrets.device_id != hub_id:
        raise StartupError(f"{secrets_path}: device_id = {secrets.device_id!r}, but the hub "
                           f"of {config_path} is {hub_id!r}: this is another device's "
                           "secrets file")
    unknown = sorted(set(secrets.staff_pin_hashes) - {s.id for s in config.staff})
    if unknown:
        raise StartupError(f"{secrets_path}: staff_pins.{unknown[0]}: no such staff member "
                           f"in {config_path}")
    return config, secrets


def run_hub(config_path: str, secrets_path: str | None, data_dir: str | None,
            log_dir: str | None = None) -> int:
    setup_logging("hub", Path(log_dir) if log_dir else None)
    try:
        config, secrets = load_parts(config_path, secrets_path)
        data = Path(data_dir) if data_dir else Path(config_path).resolve().parent / "hub-data"
        try:
            data.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StartupError(f"--data {data}: cannot create the data folder: "
                               f"{error.strerror or error}") from None
        app = HubApp(config, secrets, data)
    except StartupError as problem:
        return cannot_start("hub", problem)
    stop = threading.Event()

    def ask_to_stop(signum: int, frame: object) -> None:
        log.info("signal %d received", signum)
        stop.set()

    signal.signal(signal.SIGTERM, ask_to_stop)
    signal.signal(signal.SIGINT, ask_to_stop)
    app.start()
    while not stop.wait(1.0):
        pass
    app.stop()
    return 0
