"""The wall display's client events as signals on the GUI thread, and its heartbeat.

Like the kiosk's bridge (`qt_bridge`, which describes the threads): it is the client's
``DisplayListener``, called on the display's worker thread; each call emits a signal that Qt
queues to receivers on the GUI thread. The heartbeat is sent by a QTimer on the GUI thread,
so a display whose screen froze falls silent and the consoles show it offline.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from kiosk.net.display_client import DisplayDevice, DisplayLink
from kiosk.protocol.staff_messages import Announcement
from kiosk.protocol.ticket_messages import QueueState, TicketCalled


class DisplayBridge(QObject):
    called = Signal(object)  # TicketCalled
    queue = Signal(object)  # QueueState
    announcement = Signal(object)  # Announcement
    link = Signal(object)  # DisplayLink

    def __init__(self, device: DisplayDevice, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.device = device
        device.client.listener = self

    # --- DisplayListener: called on the display's worker thread, queued to the GUI thread -

    def on_called(self, called: TicketCalled) -> None:
        self.called.emit(called)

    def on_queue(self, queue: QueueState) -> None:
        self.queue.emit(queue)

    def on_announcement(self, announcement: Announcement) -> None:
        self.announcement.emit(announcement)

    def on_link(self, link: DisplayLink) -> None:
        self.link.emit(link)
