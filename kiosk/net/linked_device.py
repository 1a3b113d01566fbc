"""A device's link to the broker and the one worker thread its network client runs on.

Messages, connection changes and ticks reach the client on that thread, in order; the
kiosk, console (:mod:`kiosk.net.headless`) and wall display (:mod:`kiosk.net.display_client`)
add what only they hold.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Generic, Protocol, Self, TypeVar

from kiosk.core.config import BranchConfig
from kiosk.net.device_link import DeviceLink, identity_for
from kiosk.net.serial_worker import SerialWorker
from kiosk.protocol import Decoded


class NetworkClient(Protocol):
    def handle(self, decoded: Decoded) -> None: ...
    def connection_changed(self, connected: bool) -> None: ...
    def tick(self) -> None: ...


ClientT = TypeVar("ClientT", bound=NetworkClient)


class LinkedDevice(Generic[ClientT]):
    """Owns ``worker`` and ``link``; a subclass sets ``client`` in its constructor."""

    client: ClientT

    def __init__(self, config: BranchConfig, device_id: str, thread_name: str, *,
                 password: str | None = None, clock: Callable[[], float] = time.time,
                 tick_s: float) -> None:
        self.config = config
        self.device_id = device_id
        self.worker = SerialWorker(thread_name, tick=self._tick, tick_s=tick_s)
        self.link = DeviceLink(config, identity_for(config, device_id),
                               on_message=self._message, on_connection=self._connection,
                               dispatch=self.worker.submit, password=password, clock=clock)

    def start(self) -> Self:
        self.worker.start()
        self._started()
        self.link.start()
        return self

    def stop(self) -> None:
        self.link.stop()
        self.worker.stop()

    def _started(self) -> None:
        """Runs after the worker started and before the link connects."""

    def _message(self, decoded: Decoded) -> None:
        self.client.handle(decoded)

    def _connection(self, connected: bool) -> None:
        self.client.connection_changed(connected)

    def _tick(self) -> None:
        self.client.tick()
