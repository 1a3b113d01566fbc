"""Feed systemd's watchdog from the GUI thread: a frozen screen means no pings, a restart."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from kiosk.systemd_notify import notify, watchdog_interval_s


class WatchdogTimer(QObject):
    def __init__(self, parent: QObject | None = None,
                 interval_s: float | None = None) -> None:
        super().__init__(parent)
        self._interval_s = interval_s if interval_s is not None else watchdog_interval_s()
        self._timer = QTimer(self)
        self._timer.timeout.connect(lambda: notify("WATCHDOG=1"))

    def start(self) -> None:
        """Say READY=1 (the window is up) and start pinging if systemd asked for it."""
        notify("READY=1")
        if self._interval_s is not None:
            self._timer.start(max(50, int(self._interval_s * 1000)))

    def stop(self) -> None:
        self._timer.stop()
        notify("STOPPING=1")
