"""Asking the hub: a staff PIN to sign in, a queue action, a drill, an announcement.

Each request carries its own id, which the hub's answer repeats (``pin.reply``,
``action.result`` on ``hub/reply/<console>``). A request is published from the device's
worker thread, never the GUI thread; an answer arrives as a bridge signal. A request not
answered within ``timeout_s`` is reported as unanswered, so a person is never left looking
at a button that seems to do nothing: they are told the hub did not answer, and that the
action may or may not have happened (the queue on screen shows which).
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from kiosk.core.settings import Role
from kiosk.net.console_client import ConsoleClient
from kiosk.net.headless import HeadlessDevice
from kiosk.protocol import Decoded, InvalidMessage, Message, topics
from kiosk.protocol.pin_messages import PinPurpose, PinReply, PinRequest
from kiosk.protocol.staff_commands import Command
from kiosk.protocol.staff_messages import ActionResult, StaffAction

log = logging.getLogger(__name__)


class RequestProblem(StrEnum):
    NOT_SENT = "not_sent"  # not connected to the broker, or refused before sending
    NO_ANSWER = "no_answer"  # sent, but the hub did not answer in time


@dataclass(frozen=True)
class PinAnswer:
    request_id: str
    reply: PinReply | None
    problem: RequestProblem | None = None


@dataclass(frozen=True)
class ActionAnswer:
    action_id: str
    staff_id: str
    command: Command
    result: ActionResult | None
    problem: RequestProblem | None = None

    @property
    def ok(self) -> bool:
        return self.result is not None and self.result.ok


class HubRequests(QObject):
    pin_answered = Signal(object)  # PinAnswer
    action_answered = Signal(object)  # ActionAnswer
    _not_sent = Signal(str)  # request id, from the worker thread

    def __init__(self, device: HeadlessDevice[ConsoleClient], clock: Callable[[], float],
                 timeout_s: float, parent: QObject | None = None) -> None:
        """``clock`` times the answers awaited: the monotonic clock, in the console."""
        super().__init__(parent)
        self._device = device
        self._branch = device.config.branch.id
        self._console_id = device.device_id
        self._clock = clock
        self.timeout_s = timeout_s
        self._pins: dict[str, float] = {}
        self._actions: dict[str, tuple[float, str, Command]] = {}
        # Queued even from the GUI thread: a caller always learns the id before the answer.
        self._not_sent.connect(self._report_not_sent, Qt.ConnectionType.QueuedConnection)
        self._timer = QTimer(self)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self._expire)
        self._timer.start()

    def sign_in(self, staff_id: str, pin: str) -> str:
        """Send a sign-in PIN; the answer comes to ``pin_answered`` with the returned id."""
        request_id = uuid.uuid4().hex
        try:
            request = PinRequest(request_id=request_id, staff_id=staff_id, pin=pin,
                                 purpose=PinPurpose.CONSOLE_SIGN_IN)
        except InvalidMessage as problem:  # the reason never holds the PIN
            log.info("sign-in for %s not sent: %s", staff_id, problem)
            self._pins[request_id] = self._clock()
            self._not_sent.emit(request_id)
            return request_id
        self._pins[request_id] = self._clock() + self.timeout_s
        self._publish(topics.pin_request(self._branch, Role.CONSOLE, self._console_id),
                      request, request_id)
        return request_id

    def act(self, staff_id: str, session: str, command: Command) -> str:
        """Send a staff action; the answer comes to ``action_answered``."""
        action_id = uuid.uuid4().hex
        self._actions[action_id] = (self._clock() + self.timeout_s, staff_id, command)
        try:
            action = StaffAction(action_id=action_id, staff_id=staff_id, session=session,
                                 command=command)
        except InvalidMessage as problem:
            log.error("action %s not sent: %s", command.KIND, problem)
            self._not_sent.emit(action_id)
            return action_id
        self._publish(topics.console_action(self._branch, self._console_id), action, action_id)
        return action_id

    def handle(self, decoded: Decoded) -> None:
        """A message the console client passed on: the answers to our requests."""
        message = decoded.message
        if isinstance(message, PinReply):
            if self._pins.pop(message.request_id, None) is not None:
                self.pin_answered.emit(PinAnswer(message.request_id, message))
        elif isinstance(message, ActionResult):
            pending = self._actions.pop(message.action_id, None)
            if pending is not None:
                _, staff_id, command = pending
                self.action_answered.emit(ActionAnswer(message.action_id, staff_id, command,
                                                       message))

    def _publish(self, topic: str, message: Message, request_id: str) -> None:
        link = self._device.link

        def send() -> None:
            if not link.connected or not link.publish(topic, message):
                self._not_sent.emit(request_id)

        self._device.worker.submit(send)

    def _report_not_sent(self, request_id: str) -> None:
        self._answer_without_reply(request_id, RequestProblem.NOT_SENT)

    def _answer_without_reply(self, request_id: str, problem: RequestProblem) -> None:
        if self._pins.pop(request_id, None) is not None:
            self.pin_answered.emit(PinAnswer(request_id, None, problem))
            return
        pending = self._actions.pop(request_id, None)
        if pending is not None:
            _, staff_id, command = pending
            self.action_answered.emit(ActionAnswer(request_id, staff_id, command, None,
                                                   problem))

    def _expire(self) -> None:
        now = self._clock()
        late = [rid for rid, deadline in self._pins.items() if now >= deadline]
        late += [aid for aid, (deadline, _, _) in self._actions.items() if now >= deadline]
        for request_id in late:
            self._answer_without_reply(request_id, RequestProblem.NO_ANSWER)

    def stop(self) -> None:
        self._timer.stop()
