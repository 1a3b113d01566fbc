"""The wall display's client events as signals on the GUI thread, and its heartbeat.

Like the kiosk's bridge (`qt_bridge`): the client calls back on the display's network
thread; the signals below are emitted there and Qt queues them to receivers on the GUI
thread. The heartbeat is sent by a QTimer on the GUI thread, so a display whose screen
froze falls silent and the consoles show it offline.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from kiosk.net.display_client import DisplayDevice
from kiosk.protocol.device_messages import Health


class DisplayBridge(QObject):
    called = Signal(object)  # TicketCalled
    queue = Signal(object)  # QueueState
    announcement = Signal(object)  # Announcement
    link = Signal(object)  # DisplayLink

    def __init__(self, device: DisplayDevice, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.device = device
        client = device.client
        client.on_called = self.called.emit
        client.on_queue = self.queue.emit
        client.on_announcement = self.announcement.emit
        client.on_link = self.link.emit


class DisplayHeartbeat(QObject):
    """Sends the display's heartbeat from the GUI thread every heartbeat interval."""

    def __init__(self, device: DisplayDevice, health: Callable[[], Health],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._device = device
        self._health = health
        self._interval_s = device.config.presence.heartbeat_interval_s
        self._timer = QTimer(self)
        self._timer.setInterval(max(10, int(self._interval_s * 1000)))
        self._timer.timeout.connect(self.beat)

    def start(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def beat(self) -> None:
        if self._device.link.connected:
            self._device.link.send_heartbeat(self._health(), interval_s=self._interval_s)
