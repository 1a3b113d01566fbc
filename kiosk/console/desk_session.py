"""The person at this desk: signing in and out, locking when idle, and acting in their name.

Ties the ``StaffSession`` state machine to the hub (``HubRequests``) and to the console
client, which may confirm help calls to customers only while someone is signed in. Any key
press or click in the console counts as activity for the idle lock; the lock itself never
stops an alarm (see ``alarm_controller``).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

from kiosk.console.hub_requests import ActionAnswer, HubRequests, PinAnswer, RequestProblem
from kiosk.console.staff_session import Phase, SignInProblem, SignInResult, StaffSession
from kiosk.protocol.staff_commands import Command, SignOut
from kiosk.protocol.staff_messages import ActionRefusal

_ACTIVITY = {QEvent.Type.MouseButtonPress, QEvent.Type.KeyPress, QEvent.Type.Wheel,
             QEvent.Type.TouchBegin}


class DeskSession(QObject):
    changed = Signal()  # phase or person changed
    signed_in = Signal(object)  # SignInResult, accepted or not
    action_answered = Signal(object)  # ActionAnswer

    def __init__(self, session: StaffSession, requests: HubRequests,
                 set_present: Callable[[bool], None], clock: Callable[[], float],
                 tick_ms: int = 500, parent: QObject | None = None, *,
                 monotonic: Callable[[], float] | None = None) -> None:
        """Waits (the PIN check, the idle lock) run on ``monotonic`` (default ``clock``);
        the session's end, a time on the hub's clock, is compared with ``clock``."""
        super().__init__(parent)
        self.session = session
        self._requests = requests
        self._set_present = set_present
        self._wall = clock
        self._clock = monotonic or clock
        self._present = False
        requests.pin_answered.connect(self._pin_answered)
        requests.action_answered.connect(self._action_answered)
        self._timer = QTimer(self)
        self._timer.setInterval(tick_ms)
        self._timer.timeout.connect(self.tick)

    def start(self) -> None:
        self._set_present(False)
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    @property
    def phase(self) -> Phase:
        return self.session.phase

    @property
    def staff_id(self) -> str | None:
        return self.session.staff_id

    @property
    def unlocked(self) -> bool:
        return self.session.unlocked

    def sign_in(self, staff_id: str, pin: str) -> None:
        request_id = self._requests.sign_in(staff_id, pin)
        self.session.begin(request_id, staff_id, self._clock(), self._requests.timeout_s)
        self._changed()

    def sign_out(self) -> None:
        current = self.session.session
        if current is not None:
            # The hub ends the session at once; no answer is awaited to leave the desk.
            self._requests.act(current.staff_id, current.token, SignOut())
        self.session.sign_out()
        self._changed()

    def lock(self) -> None:
        self.session.lock()
        self._changed()

    def act(self, command: Command) -> str | None:
        """Send ``command`` in the signed-in person's name; None when nobody may act now."""
        current = self.session.session
        if current is None or not self.session.unlocked:
            return None
        self.session.activity(self._clock())
        return self._requests.act(current.staff_id, current.token, command)

    def activity(self) -> None:
        self.session.activity(self._clock())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() in _ACTIVITY:
            self.session.activity(self._clock())
        return False

    def tick(self) -> None:
        before = (self.session.phase, self.session.staff_id)
        result = self.session.tick(self._clock(), self._wall())
        if result is not None:
            self.signed_in.emit(result)
        if (self.session.phase, self.session.staff_id) != before:
            self._changed()

    def _pin_answered(self, answer: PinAnswer) -> None:
        now = self._clock()
        if answer.reply is not None:
            result = self.session.answer(answer.reply, now)
        else:
            problem = (SignInProblem.NOT_SENT if answer.problem is RequestProblem.NOT_SENT
                       else SignInProblem.NO_ANSWER)
            result = self.session.fail(answer.request_id, problem)
        if result is not None:
            self.signed_in.emit(result)
        self._changed()

    def _action_answered(self, answer: ActionAnswer) -> None:
        if isinstance(answer.command, SignOut):
            return
        result = answer.result
        if result is not None and result.reason is ActionRefusal.NOT_SIGNED_IN:
            expired = self.session.expire()
            if expired is not None:
                self.signed_in.emit(SignInResult(expired.staff_id, SignInProblem.EXPIRED))
            self._changed()
        self.action_answered.emit(answer)

    def _changed(self) -> None:
        present = self.session.present
        if present != self._present:
            self._present = present
            self._set_present(present)
        self.changed.emit()
