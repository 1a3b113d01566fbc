"""SIGTERM and SIGINT reach a Qt program through its event loop, never through Qt calls
made inside a signal handler.

Python runs a signal handler only between bytecodes, and inside ``app.exec()`` it may not
run for a long time; calling Qt from it is unsafe besides. Instead the C-level handler
writes the signal number to a socket (``signal.set_wakeup_fd``), a ``QSocketNotifier``
wakes the event loop, and ``received`` is emitted on the GUI thread like any other signal.
A service manager's ``systemctl stop`` therefore stops the program at once, whatever its
windows think of being closed.
"""

from __future__ import annotations

import logging
import signal
import socket
from collections.abc import Callable, Iterable
from types import FrameType

from PySide6.QtCore import QObject, QSocketNotifier, Signal

log = logging.getLogger(__name__)

STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)


def _note(_signum: int, _frame: FrameType | None) -> None:
    """The Python-level handler: nothing to do here, the wakeup socket carries the news."""


class StopSignals(QObject):
    received = Signal(int)  # the signal number, on the GUI thread

    def __init__(self, signals: Iterable[signal.Signals] = STOP_SIGNALS,
                 parent: QObject | None = None) -> None:
        """Install on the main thread, after the QApplication exists."""
        super().__init__(parent)
        self._signals = tuple(signals)
        self._reader, self._writer = socket.socketpair()
        self._reader.setblocking(False)
        self._writer.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno(),
                                                 warn_on_full_buffer=False)
        self._previous: dict[signal.Signals, Callable[[int, FrameType | None], object] | int
                             | None] = {}
        for signum in self._signals:
            self._previous[signum] = signal.signal(signum, _note)
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read,
                                         self)
        self._notifier.activated.connect(self._drain)

    def _drain(self) -> None:
        try:
            data = self._reader.recv(256)
        except BlockingIOError:
            return
        for signum in data:
            if signum in self._signals:
                log.info("received %s", signal.Signals(signum).name)
                self.received.emit(signum)

    def close(self) -> None:
        """Put back the handlers and wakeup socket that were there before."""
        self._notifier.setEnabled(False)
        signal.set_wakeup_fd(self._previous_fd)
        for signum, handler in self._previous.items():
            signal.signal(signum, handler if handler is not None else signal.SIG_DFL)
        self._reader.close()
        self._writer.close()
