"""The wall display's client events as signals on the GUI thread, and its heartbeat.

Like the kiosk's bridge (`qt_bridge`): the client calls back on the display's network
thread; the signals below are emitted there and Qt queues them to receivers on the GUI
thread. The heartbeat is sent by a QTimer on the GUI thread, so a display whose screen
froze falls silent and the consoles show it offline.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from kiosk.net.display_client import DisplayDevice


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
