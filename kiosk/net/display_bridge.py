"""The wall display's client events as signals on the GUI thread, and its heartbeat.

Like the kiosk's bridge (`qt_bridge`, which describes the threads): the client's
``DisplayHooks`` are this bridge's signals, called on the display's worker thread; each
emits a signal that Qt queues to receivers on the GUI thread. The heartbeat is sent by a
QTimer on the GUI thread, so a display whose screen froze falls silent and the consoles
show it offline.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from kiosk.net.display_client import DisplayDevice, DisplayHooks
from kiosk.net.qt_bridge import hooks_to_signals


class DisplayBridge(QObject):
    called = Signal(object)  # TicketCalled
    queue = Signal(object)  # QueueState
    announcement = Signal(object)  # Announcement
    link = Signal(object)  # DisplayLink

    def __init__(self, device: DisplayDevice, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.device = device
        device.client.listener = hooks_to_signals(DisplayHooks, self)
