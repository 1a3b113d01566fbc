"""Supervision on the GUI thread: heartbeats and presence in, device views and events out.

Feeds the Qt-free ``DeviceWatch`` from the bridge's signals, checks it on a timer, and
reports each kiosk that went silent or came back (for the alarm, the kiosks panel and the
journal). The console's own heartbeat comes back through the broker like any other, so the
monitor also shows what the other consoles hear from this one.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from kiosk.console.supervision import DeviceEvent, DeviceView, DeviceWatch
from kiosk.protocol import Decoded
from kiosk.protocol.device_messages import DevicesState, Heartbeat, Presence


class DeviceMonitor(QObject):
    devices_changed = Signal(object)  # list[DeviceView]
    device_event = Signal(object)  # DeviceEvent

    def __init__(self, watch: DeviceWatch, clock: Callable[[], float],
                 events: list[DeviceEvent] | None = None, tick_ms: int = 500,
                 parent: QObject | None = None, *,
                 monotonic: Callable[[], float] = time.monotonic) -> None:
        """Who is online is timed on ``monotonic``; ``clock`` only dates what is shown."""
        super().__init__(parent)
        self.watch = watch
        self._clock = clock
        self._monotonic = monotonic
        self.events: list[DeviceEvent] = list(events or [])
        self._views: list[DeviceView] = []
        self._timer = QTimer(self)
        self._timer.setInterval(tick_ms)
        self._timer.timeout.connect(self.tick)

    def start(self) -> None:
        self._timer.start()
        self.tick()

    def stop(self) -> None:
        self._timer.stop()

    def liveness(self, decoded: Decoded) -> None:
        message = decoded.message
        now, wall = self._monotonic(), self._clock()
        if isinstance(message, Heartbeat):
            self.watch.heartbeat(decoded.sender, message, now, wall)
        elif isinstance(message, Presence):
            self.watch.presence(decoded.sender, message.online, now, wall)

    def hub_view(self, state: DevicesState) -> None:
        self.watch.hub_view(state, self._monotonic())

    def hub_online(self) -> bool:
        return self.watch.hub_online(self._monotonic())

    def offline_kiosks(self) -> list[str]:
        return self.watch.alarming_kiosks()

    def note(self, device_id: str) -> None:
        self.watch.note(device_id)
        self.tick()

    def views(self) -> list[DeviceView]:
        return list(self._views)

    def tick(self) -> None:
        now = self._monotonic()
        for event in self.watch.check(now, self._clock()):
            self.events.append(event)
            self.device_event.emit(event)
        views = self.watch.views(now)
        self._views = views
        self.devices_changed.emit(views)
