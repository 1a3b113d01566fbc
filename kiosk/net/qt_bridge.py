"""The only place the network meets Qt: client callbacks become signals on the GUI thread.

Three threads, one way each. paho's network thread decodes a message (``DeviceLink``) and
submits it to the device's ``SerialWorker``; the client runs there, alone with its state and
its SQLite store, and calls back; the bridge re-emits each callback as a Qt signal, and Qt
queues it (an auto connection across threads) to receivers living on the GUI thread.
Commands go the other way, submitted to the worker, so a click never waits on SQLite or the
network. Heartbeats are sent from a QTimer on the GUI thread: if the screen freezes, the
kiosk falls silent and consoles show it offline, which paho's own keep-alive thread would
hide.
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Callable
from typing import Any, Protocol, TypeVar

from PySide6.QtCore import QObject, QTimer, Signal

from kiosk.core.config import BranchConfig
from kiosk.core.help.events import Category, Outcome
from kiosk.net.console_client import ConsoleClient, ConsoleHooks
from kiosk.net.device_link import DeviceLink
from kiosk.net.headless import HeadlessDevice
from kiosk.net.kiosk_client import KioskClient, KioskHooks
from kiosk.protocol.device_messages import Activity, Health
from kiosk.protocol.help_messages import Rating
from kiosk.protocol.pin_messages import PinPurpose

H = TypeVar("H")


def hooks_to_signals(hooks: type[H], bridge: QObject, **renamed: str) -> H:
    """The client's ``hooks``, each ``on_<name>`` emitting the bridge's signal ``<name>``
    (or the one ``renamed`` gives for ``<name>``): one binding for every hook, so a hook
    without its signal fails when the bridge is made instead of staying silent."""
    emits: dict[str, Any] = {}
    for hook in dataclasses.fields(hooks):  # type: ignore[arg-type]
        name = hook.name.removeprefix("on_")
        emits[hook.name] = getattr(bridge, renamed.get(name, name)).emit
    return hooks(**emits)


class KioskBridge(QObject):
    call_changed = Signal(object)  # CallState | None
    ticket = Signal(object)  # TicketOutcome
    reachability = Signal(object)  # Reachability
    called = Signal(object)  # TicketCalled
    announcement = Signal(object)  # Announcement
    queue = Signal(object)  # QueueState
    pin_reply = Signal(object)  # PinOutcome
    print_request = Signal(object)  # TicketPrint: a ticket issued at a staff desk

    def __init__(self, device: HeadlessDevice[KioskClient],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.device = device
        device.client.listener = hooks_to_signals(KioskHooks, self, pin="pin_reply",
                                                  print="print_request")
        """The client's callbacks, on the device's worker thread, become these signals,
        which Qt queues to receivers on the GUI thread."""

    # --- commands, run on the worker ------------------------------------------------------

    def _submit(self, job: Callable[[], object]) -> None:
        def run() -> None:
            job()

        self.device.worker.submit(run)

    def raise_help(self, category: Category = Category.UNSPECIFIED) -> None:
        self._submit(lambda: self.device.client.raise_help(category))

    def set_category(self, category: Category) -> None:
        self._submit(lambda: self.device.client.set_category(category))

    def customer_fine(self) -> None:
        self._submit(self.device.client.customer_fine)

    def give_feedback(self, helped: bool) -> None:
        self._submit(lambda: self.device.client.give_feedback(helped))

    def dismiss_call(self) -> None:
        self._submit(self.device.client.dismiss_call)

    def request_ticket(self, service_id: str, priority: bool, language: str, *,
                       request_id: str | None = None) -> str:
        """Ask for a ticket; returns the request id its ``ticket`` outcome will carry (give
        it again to ask again without risking a second ticket)."""
        request_id = request_id or uuid.uuid4().hex
        self._submit(lambda: self.device.client.request_ticket(
            service_id, priority, language, request_id=request_id))
        return request_id

    def return_missed(self, number: str, language: str, *,
                      request_id: str | None = None) -> str:
        """Ask to put a missed ticket back in line; the answer is a ``ticket`` outcome with
        the returned request id."""
        request_id = request_id or uuid.uuid4().hex
        self._submit(lambda: self.device.client.return_missed(
            number, language, request_id=request_id))
        return request_id

    def give_visit_feedback(self, rating: Rating, language: str) -> None:
        self._submit(lambda: self.device.client.give_visit_feedback(rating, language))

    def request_pin(self, staff_id: str, pin: str, purpose: PinPurpose, *,
                    call_id: str | None = None, outcome: Outcome | None = None) -> str:
        """Send a staff PIN to the hub; returns the request id its ``pin_reply`` will carry."""
        request_id = uuid.uuid4().hex
        self._submit(lambda: self.device.client.request_pin(
            staff_id, pin, purpose, call_id=call_id, outcome=outcome, request_id=request_id))
        return request_id


class ConsoleBridge(QObject):
    calls_changed = Signal(object)  # dict[str, CallState]
    peers_changed = Signal()
    devices_state = Signal(object)  # DevicesState
    other_message = Signal(object)  # Decoded
    liveness = Signal(object)  # Decoded: a heartbeat or presence of any device
    command_refused = Signal(str, str)  # call id, reason

    def __init__(self, device: HeadlessDevice[ConsoleClient],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.device = device
        device.client.listener = hooks_to_signals(ConsoleHooks, self)
        """As the kiosk's: callbacks on the worker thread become queued signals."""

    # --- commands, run on the worker ------------------------------------------------------

    def _command(self, call_id: str, job: Callable[[ConsoleClient], str | None]) -> None:
        def run() -> None:
            reason = job(self.device.client)
            if reason is not None:
                self.command_refused.emit(call_id, reason)

        self.device.worker.submit(run)

    def acknowledge(self, call_id: str, staff_id: str) -> None:
        self._command(call_id, lambda c: c.acknowledge(call_id, staff_id))

    def arrived(self, call_id: str, staff_id: str) -> None:
        self._command(call_id, lambda c: c.arrived(call_id, staff_id))

    def resolve(self, call_id: str, staff_id: str, outcome: Outcome, note: str = "") -> None:
        self._command(call_id, lambda c: c.resolve(call_id, staff_id, outcome, note))

    def set_staff_present(self, present: bool) -> None:
        self.device.worker.submit(lambda: self.device.client.set_staff_present(present))


class BeatingDevice(Protocol):
    """What a heartbeat needs of a device: the branch settings and its link."""

    @property
    def config(self) -> BranchConfig: ...

    @property
    def link(self) -> DeviceLink: ...


class HeartbeatTimer(QObject):
    """Sends the device's heartbeat from the GUI thread every ``interval_s``."""

    def __init__(self, device: BeatingDevice,
                 health: Callable[[], Health],
                 activity: Callable[[], Activity | None] = lambda: None,
                 staff_id: Callable[[], str | None] = lambda: None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._device = device
        self._health = health
        self._activity = activity
        self._staff_id = staff_id
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
            self._device.link.send_heartbeat(self._health(), self._activity(),
                                             self._staff_id(), self._interval_s)
