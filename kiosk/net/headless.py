"""A kiosk or console client without a screen: its link, its store and one worker thread.

Used as it is by end-to-end tests, benchmarks and simulated devices, and by the kiosk and
console programs under their Qt bridge with ``heartbeats=False``: they send heartbeats from
the GUI thread instead (:mod:`kiosk.net.qt_bridge` describes the threads).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from kiosk.core.config import BranchConfig
from kiosk.net.console_client import ConsoleClient
from kiosk.net.device_link import DeviceLink
from kiosk.net.kiosk_client import KioskClient
from kiosk.net.linked_device import LinkedDevice
from kiosk.net.local_store import LocalStore, open_local_store
from kiosk.protocol.device_messages import Component

C = TypeVar("C", KioskClient, ConsoleClient)


class HeadlessDevice(LinkedDevice[C]):
    def __init__(self, config: BranchConfig, device_id: str, data_dir: Path,
                 make_client: Callable[[DeviceLink, LocalStore], C], *,
                 password: str | None = None, clock: Callable[[], float] = time.time,
                 monotonic: Callable[[], float] = time.monotonic,
                 tick_s: float = 0.05, heartbeats: bool = True) -> None:
        self._clock = clock
        self._monotonic = monotonic
        self._heartbeats = heartbeats
        self._next_heartbeat = 0.0
        self._outbox = 0
        super().__init__(config, device_id, f"device-{device_id}", password=password,
                         clock=clock, tick_s=tick_s)
        self.store = open_local_store(data_dir / f"{device_id}.sqlite")
        self.client = make_client(self.link, self.store)

    def _started(self) -> None:
        self.worker.call(lambda: self.client.resume())

    def stop(self) -> None:
        super().stop()
        self.store.close()

    def store_health(self) -> Component:
        """The device store for the heartbeat: degraded when a damaged one was set aside,
        failed when calls are kept in memory only (see ``open_local_store``)."""
        if self.store.in_memory:
            return Component.FAILED
        return Component.DEGRADED if self.store.fault else Component.OK

    def outbox_count(self) -> int:
        """For a heartbeat sent from the GUI thread: the outbox's length as last counted,
        and a new count asked of the device's thread (the GUI thread never touches SQLite)."""
        self.worker.submit(self._count_outbox)
        return self._outbox

    def _count_outbox(self) -> None:
        self._outbox = self.client.sender.pending()

    def call(self, job: Callable[[], object], timeout_s: float = 5.0) -> object:
        """Run ``job`` on the device's thread and return its result."""
        return self.worker.call(job, timeout_s)

    def _tick(self) -> None:
        super()._tick()
        now = self._monotonic()
        if self._heartbeats and now >= self._next_heartbeat and self.link.connected:
            self._next_heartbeat = now + self.config.presence.heartbeat_interval_s
            health = self.link.health(speech=Component.ABSENT, printer=Component.ABSENT,
                                      sound=Component.ABSENT,
                                      outbox=self.client.sender.pending(),
                                      store=self.store_health())
            staff_id = self.client.staff_id if isinstance(self.client, ConsoleClient) else None
            self.link.send_heartbeat(health, staff_id=staff_id,
                                     interval_s=self.config.presence.heartbeat_interval_s)


def headless_kiosk(config: BranchConfig, kiosk_id: str, data_dir: Path,
                   **options: object) -> HeadlessDevice[KioskClient]:
    clock: Callable[[], float] = options.pop("clock", time.time)  # type: ignore[assignment]
    monotonic: Callable[[], float] = options.pop(  # type: ignore[assignment]
        "monotonic", time.monotonic)

    def make(link: DeviceLink, store: LocalStore) -> KioskClient:
        return KioskClient(config, kiosk_id, link, store, clock, monotonic=monotonic)

    return HeadlessDevice(config, kiosk_id, data_dir, make, clock=clock, monotonic=monotonic,
                          **options)  # type: ignore[arg-type]


def headless_console(config: BranchConfig, console_id: str, data_dir: Path,
                     **options: object) -> HeadlessDevice[ConsoleClient]:
    clock: Callable[[], float] = options.pop("clock", time.time)  # type: ignore[assignment]
    monotonic: Callable[[], float] = options.pop(  # type: ignore[assignment]
        "monotonic", time.monotonic)
    read_only = bool(options.pop("read_only", False))

    def make(link: DeviceLink, store: LocalStore) -> ConsoleClient:
        return ConsoleClient(config, console_id, link, store, clock, monotonic=monotonic,
                             read_only=read_only)

    return HeadlessDevice(config, console_id, data_dir, make, clock=clock, monotonic=monotonic,
                          **options)  # type: ignore[arg-type]
