"""Following the kiosk's help call: what the customer is told now, and when to say it again.

The network client reports the call's state and who can be reached; `help_view` turns them
into what the customer may be told. Two things are added here, on the GUI thread:

- A tap is shown even when the network thread has not reported the call back (`HelpLoop`
  waits a few milliseconds for it): the view is "calling" (or "nobody can be reached",
  when the kiosk already knows) from then on, and the real state takes over as soon as it
  arrives.
- Time passes without any message: a call nobody confirms turns into "go to the counter"
  after the grace time, so the view is recomputed on a timer while a call is open; and
  while the customer waits, `reassure` fires every ``reassure_every_s`` so the kiosk can
  say again where things stand.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from kiosk.core.help.clock import CallClock
from kiosk.core.help.events import Category
from kiosk.core.help.state import CallState
from kiosk.core.help.view import HelpPhase, HelpView, help_view
from kiosk.customer.help_words import WAITING_PHASES
from kiosk.net.kiosk_client import Reachability

RECHECK_MS = 250


class HelpFollower(QObject):
    view_changed = Signal(object)
    """The new HelpView, or None when no call is shown any more."""
    reassure = Signal(object)
    """The current HelpView: time to tell the waiting customer again."""

    def __init__(self, now: Callable[[], float], confirm_grace_s: float,
                 reassure_every_s: float, *, monotonic: Callable[[], float] = time.monotonic,
                 recheck_ms: int = RECHECK_MS, parent: QObject | None = None) -> None:
        """How long the customer has waited is timed on ``monotonic`` (through a
        ``CallClock``): a kiosk clock set back mid-call still says "go to the counter" on
        time when no staff confirm."""
        super().__init__(parent)
        self._now = monotonic
        self._call_clock = CallClock(now, monotonic)
        self._grace_s = confirm_grace_s
        self._call: CallState | None = None
        self._reachability: Reachability | None = None
        self._tapped: tuple[float, Category] | None = None
        self._view: HelpView | None = None
        self._stopped = False
        self._recheck = QTimer(self)
        self._recheck.setInterval(recheck_ms)
        self._recheck.timeout.connect(self._update)
        self._reassure = QTimer(self)
        self._reassure.setInterval(max(10, round(reassure_every_s * 1000)))
        self._reassure.timeout.connect(self._reassure_now)

    @property
    def view(self) -> HelpView | None:
        return self._view

    @property
    def call(self) -> CallState | None:
        return self._call

    @property
    def call_open(self) -> bool:
        """A call is open, or was just asked for and is on its way to the store."""
        return self._tapped is not None or (self._call is not None and self._call.is_open)

    def tapped(self, category: Category) -> None:
        """The customer asked for help; the call is being raised on the network thread.

        A drill is not the customer's call: a tap during one raises a real call, shown as
        "calling" at once like any other."""
        call = self._call
        if call is None or not call.is_open or call.drill:
            self._tapped = (self._now(), category)
        self._update()

    @Slot(object)
    def call_changed(self, call: CallState | None) -> None:
        self._call = call
        self._call_clock.keep_only([call.call_id] if call is not None else [])
        if call is not None and call.is_open and not call.drill:
            self._tapped = None
        self._update()

    @Slot(object)
    def reachability_changed(self, reachability: Reachability) -> None:
        self._reachability = reachability
        self._update()

    def forget(self) -> None:
        """The customer is gone (idle reset): show no call any more."""
        self._tapped = None
        if self._call is not None and not self._call.is_open:
            self._call = None
        self._update()

    def stop(self) -> None:
        self._stopped = True
        self._recheck.stop()
        self._reassure.stop()

    def _reach(self) -> tuple[bool, int]:
        reach = self._reachability
        if reach is None:
            return False, 0
        return reach.connected, len(reach.consoles_online)

    def _current(self) -> HelpView | None:
        connected, consoles = self._reach()
        if self._tapped is not None:
            tapped_at, category = self._tapped
            unreachable = not connected or consoles == 0
            late = self._now() - tapped_at >= self._grace_s
            return HelpView(HelpPhase.NO_STAFF if unreachable or late else HelpPhase.CALLING,
                            call_id="", category=category, staff_id=None, drill=False,
                            customer_fine=False, feedback_given=False)
        if self._call is None:
            return None
        return help_view(self._call, now=self._call_clock.now_for(self._call),
                         connected=connected,
                         consoles_online=consoles, confirm_grace_s=self._grace_s)

    @Slot()
    def _update(self) -> None:
        if self._stopped:
            return
        view = self._current()
        if self.call_open:
            if not self._recheck.isActive():
                self._recheck.start()
        else:
            self._recheck.stop()
        if view == self._view:
            return
        old, self._view = self._view, view
        if view is None or view.phase not in WAITING_PHASES:
            self._reassure.stop()
        elif old is None or old.phase != view.phase:
            self._reassure.start()  # restarts: the change itself is announced now
        self.view_changed.emit(view)

    @Slot()
    def _reassure_now(self) -> None:
        if self._view is not None and self._view.phase in WAITING_PHASES:
            self.reassure.emit(self._view)
