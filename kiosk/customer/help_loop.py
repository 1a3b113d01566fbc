"""The kiosk's half of the help loop: taps and choices go out, the call's state comes back.

A tap hands the call to the device thread (a queue, no waiting), which stores and sends it;
the help screen saying staff are being called is shown and painted when the device thread
reports the call back (a few milliseconds), or after ``show_wait_ms`` at the latest. The
GUI thread is idle meanwhile, so the store and the send have the interpreter to themselves:
the consoles' alarm does not wait for the kiosk's paint, nothing waits for the network, and
the customer sees the tap answered before anything is spoken. Every
change in what the customer may be told (`HelpFollower`) is shown and spoken at once, in
the screen's language, and said again every `help.reassure_every_s` while the customer
waits. A change stops the screen's reading first: what it was reading (the choices, say)
may not be on the screen any more. Staff who close the call here type their PIN, which the
hub checks.

A call raised for the customer rather than by them (a "yes" in the fraud check) is quiet:
it reaches the consoles like any other, but the kiosk neither brings the help screen to
the front nor speaks about it, and it does not hold the idle rule, so nothing at the kiosk
tells a bystander, or a caller listening on the customer's phone, that staff were called.
A tap on Help makes it an ordinary call again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from kiosk.core.config import BranchConfig
from kiosk.core.help.events import Category, Outcome
from kiosk.core.help.view import HelpPhase, HelpView
from kiosk.customer.help_follower import HelpFollower
from kiosk.customer.help_screen import HelpScreen
from kiosk.customer.help_words import HelpWords, drill_notice, help_words, staff_name
from kiosk.customer.screen_voice import ScreenVoice
from kiosk.net.kiosk_client import PinOutcome
from kiosk.net.qt_bridge import KioskBridge
from kiosk.protocol.pin_messages import PinPurpose

log = logging.getLogger(__name__)

SHOW_WAIT_MS = 40
"""The longest a tap on Help waits for the device thread to report the call back before
the help screen is shown anyway (a busy store, a long outbox being sent)."""


@dataclass(frozen=True)
class _Told:
    """What the customer was last told; news is announced only when this changes."""

    phase: HelpPhase
    staff_id: str | None
    drill: bool
    customer_fine: bool
    feedback_given: bool


def _told(view: HelpView) -> _Told:
    return _Told(view.phase, view.staff_id, view.drill, view.customer_fine,
                 view.feedback_given)


class HelpLoop(QObject):
    bringToFront = Signal()
    """The call has news: the help screen should be the one shown."""
    openChanged = Signal(bool)
    """Whether a call is open (or being raised): the idle rule stands still meanwhile."""

    def __init__(self, config: BranchConfig, network: KioskBridge, follower: HelpFollower,
                 screen: HelpScreen, voice: ScreenVoice, language: Callable[[], str],
                 help_shown: Callable[[], bool], *,
                 paint_now: Callable[[], None] = lambda: None,
                 show_wait_ms: int = SHOW_WAIT_MS, parent: QObject | None = None) -> None:
        """``help_shown``: whether the help screen is the one shown; ``paint_now`` lays it out
        and paints it at once (news is on the glass before it is said)."""
        super().__init__(parent)
        self._config = config
        self._network = network
        self.follower = follower
        self._screen = screen
        self._voice = voice
        self._language = language
        self._help_shown = help_shown
        self._paint_now = paint_now
        self._told: _Told | None = None
        self._open = False
        self._quiet = False
        self._close_requests: set[str] = set()
        self._stopped = False
        self._tap: tuple[Category, _Told | None] | None = None
        """A tap whose call the device thread has not reported back yet."""
        self._show_tap_timer = QTimer(self)
        self._show_tap_timer.setSingleShot(True)
        self._show_tap_timer.setInterval(show_wait_ms)
        self._show_tap_timer.timeout.connect(self._show_tap)
        network.call_changed.connect(follower.call_changed)
        network.call_changed.connect(self._show_tap)  # after the follower has the call
        network.reachability.connect(follower.reachability_changed)
        network.pin_reply.connect(self._pin_reply)
        follower.view_changed.connect(self._view_changed)
        follower.reassure.connect(self._reassure)
        screen.choiceMade.connect(self.choose)
        screen.fineNow.connect(self._fine_now)
        screen.feedbackGiven.connect(self._feedback)
        screen.closeRequested.connect(self._close_at_kiosk)

    def stop(self) -> None:
        """Stop for good (shutdown): late network messages no longer reach the screen."""
        self._stopped = True
        self._show_tap_timer.stop()
        self.follower.stop()

    @property
    def call_open(self) -> bool:
        """A call is open, or a tap's call is on its way to the store."""
        return self.raising or self.follower.call_open

    @property
    def raising(self) -> bool:
        """Help was tapped and the device thread has not reported the call back yet."""
        return self._tap is not None

    def words(self) -> HelpWords | None:
        view = self.follower.view
        if view is None:
            return None
        return help_words(view, staff_name(self._config, view.staff_id, self._language()))

    # --- from the customer ----------------------------------------------------------------

    @property
    def quiet(self) -> bool:
        """Whether the open call was raised quietly and is kept off the kiosk's screen."""
        return self._quiet

    def raise_quietly(self, category: Category = Category.PRIVATE_TALK) -> None:
        """Raise a call the consoles see and the kiosk does not show or speak of."""
        self._quiet = True
        self._network.raise_help(category)

    def tap(self, category: Category = Category.UNSPECIFIED) -> None:
        """Help was pressed (on screen, keypad or the physical button): raise it now."""
        if self._quiet:
            self._quiet = False
            if self.follower.call_open and not self._open:
                self._open = True
                self.openChanged.emit(True)
        # The call goes to the device thread (a hand-over, no waiting); "calling staff" is
        # shown once it is stored and sent there, so the consoles' alarm does not share the
        # interpreter with the kiosk's paint.
        self._network.raise_help(category)
        if self._tap is None:
            self._tap = (category, self._told)
        call = self.follower.call
        if call is not None and call.is_open and not call.drill:
            self._show_tap()  # nothing new to store: the open call is shown again at once
        else:
            self._show_tap_timer.start()

    @Slot()
    def _show_tap(self) -> None:
        """The tap's call is back from the device thread (or was not back in time)."""
        if self._tap is None or self._stopped:
            return
        (category, told_before), self._tap = self._tap, None
        self._show_tap_timer.stop()
        self.follower.tapped(category)
        self.bringToFront.emit()
        if self._told == told_before:  # pressed again: say again where the call stands
            self._say_again()

    def choose(self, category: Category) -> None:
        self._network.set_category(category)
        self._voice.tell([self._screen.choice_confirmation()])

    @Slot()
    def _fine_now(self) -> None:
        self._network.customer_fine()

    @Slot(bool)
    def _feedback(self, helped: bool) -> None:
        self._network.give_feedback(helped)

    def leave(self) -> None:
        """The customer left the help screen: a closed call is not shown any more."""
        view = self.follower.view
        if view is not None and view.phase is HelpPhase.CLOSED:
            self.dismiss()

    def dismiss(self) -> None:
        call = self.follower.call
        if call is not None and not call.is_open:
            self._network.dismiss_call()
        self.follower.forget()

    # --- staff closing the call here ------------------------------------------------------

    @property
    def pending_pin_requests(self) -> frozenset[str]:
        """Close-call PIN requests the hub has not answered yet."""
        return frozenset(self._close_requests)

    def _close_at_kiosk(self, staff_id: str, pin: str, outcome: object) -> None:
        view = self.follower.view
        if view is None or not view.call_id or not isinstance(outcome, Outcome):
            return
        request_id = self._network.request_pin(staff_id, pin, PinPurpose.CLOSE_CALL,
                                               call_id=view.call_id, outcome=outcome)
        self._close_requests.add(request_id)

    @Slot(object)
    def _pin_reply(self, outcome: PinOutcome) -> None:
        if self._stopped or outcome.request_id not in self._close_requests:
            return
        self._close_requests.discard(outcome.request_id)
        if outcome.accepted:
            log.info("staff %s closed the call at this kiosk", outcome.staff_id)
            self._screen.close_staff_close()
        else:
            self._screen.show_pin_outcome(outcome)
            self._voice.read(self._screen.spoken())

    # --- from the call --------------------------------------------------------------------

    @Slot(object)
    def _view_changed(self, view: HelpView | None) -> None:
        if self._stopped:
            return
        self._screen.show_view(view, self.words())
        if view is None or not self.follower.call_open:
            self._quiet = False
        is_open = self.follower.call_open and not self._quiet
        if is_open != self._open:
            self._open = is_open
            self.openChanged.emit(is_open)
        if view is None:
            self._told = None
            return
        told = _told(view)
        if told == self._told:
            return
        self._told = told
        if self._quiet:
            log.info("help call %s raised quietly: %s", view.call_id[:8] or "(raising)",
                     view.phase.value)
            return
        log.info("help call %s: telling the customer %s%s", view.call_id[:8] or "(raising)",
                 view.phase.value, " (drill)" if view.drill else "")
        if self._help_shown():
            self._paint_now()
            self._tell()
        else:
            self.bringToFront.emit()  # the window shows the screen and reads it

    def refresh_words(self) -> None:
        """The language changed: show the call's words in the new one."""
        self._screen.show_view(self.follower.view, self.words())

    def _news(self) -> list[str]:
        words, view = self.words(), self.follower.view
        if words is None or view is None:
            return []
        return [drill_notice()] * view.drill + words.spoken

    def _tell(self) -> None:
        """The help screen shows news: its old reading stops, the news is said."""
        self._voice.tell(self._news())

    def _say_again(self) -> None:
        self._voice.announce(self._news())

    @Slot(object)
    def _reassure(self, view: HelpView) -> None:
        if not self._quiet:
            self._say_again()
