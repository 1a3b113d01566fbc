"""Run as a process: a fleet of simulated kiosks or consoles for the hub-scale benchmark.

``python -m bench.sim_fleet PLAN.json RESULTS.json``. The plan names the broker, the role,
the devices and (for kiosks) every help raise and ticket request with its time offset. The
process talks to the coordinator in lines: it prints ``ready`` once every device is
subscribed, waits for ``go <t>`` (the load starts at monotonic time ``t``, a clock shared by
every process of the machine), and at the end writes its results and prints ``done``.
Kiosks finish by themselves once every request was answered and every raise acknowledged
by the hub, or at the plan's deadline; consoles on ``finish <ids.json> <deadline>``, when
each console holds every raised call or at the deadline. Then ``stop``. Each console signs a
member of staff in with their PIN before it reports ``ready``: the hub stores "I'm coming"
only in the name of whoever is signed in at the sending console.
"""

from __future__ import annotations

import json
import sys
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

from bench.branch import STAFF_PINS
from bench.sim_devices import Scheduler, SharedLoop, SimDevice
from kiosk.core.help.events import HelpEventKind, Outcome, new_event_id, new_follow_up, new_raise
from kiosk.core.settings import Role
from kiosk.protocol import Decoded, topics
from kiosk.protocol.help_messages import EventAck, HelpEventMessage
from kiosk.protocol.pin_messages import PinPurpose, PinReply, PinRequest
from kiosk.protocol.ticket_messages import TicketReply, TicketRequest

K = HelpEventKind
STAFF = ("wang-fang", "li-ming", "zhang-wei", "chen-jing")


class Fleet:
    def __init__(self, plan: dict[str, Any]) -> None:
        self.plan = plan
        self.branch: str = plan["branch"]
        self.scheduler = Scheduler().start()
        self.sockets = SharedLoop().start()
        self._lock = threading.Lock()
        role = Role(plan["role"])
        self.devices = {device_id: SimDevice(plan["host"], plan["port"], self.branch,
                                             device_id, role, self.handle)
                        for device_id in plan["devices"]}

    def connect(self) -> None:
        for device in self.devices.values():
            device.start(self.sockets)
            time.sleep(0.005)  # a branch's devices do not all dial in the same millisecond
        for device in self.devices.values():
            if not device.subscribed.wait(60):
                raise RuntimeError(f"{device.device_id} did not subscribe")

    def start_heartbeats(self, start: float, until: float) -> None:
        interval: float = self.plan["heartbeat_s"]
        count = len(self.devices)
        for index, device in enumerate(self.devices.values()):
            first = start + interval * index / count

            def beat(device: SimDevice = device, when: float = first) -> None:
                device.heartbeat(interval)
                if when + interval < until:
                    self.scheduler.at(when + interval,
                                      lambda: beat(device, when + interval))

            self.scheduler.at(first, beat)

    def handle(self, device: SimDevice, topic: str, payload: bytes, arrived: float) -> None:
        raise NotImplementedError

    def decode(self, device: SimDevice, topic: str, payload: bytes) -> Decoded | None:
        result = device.codec.decode(topic, payload)
        return result if isinstance(result, Decoded) else None

    def received(self) -> dict[str, list[int]]:
        counts: Counter[str] = Counter()
        sizes: Counter[str] = Counter()
        for device in self.devices.values():
            counts.update(device.received)
            sizes.update(device.received_bytes)
        return {channel: [counts[channel], sizes[channel]] for channel in sorted(counts)}

    def stop(self) -> None:
        self.scheduler.stop()
        for device in self.devices.values():
            device.stop()
        self.sockets.stop()


class KioskFleet(Fleet):
    def __init__(self, plan: dict[str, Any]) -> None:
        super().__init__(plan)
        self.raises: dict[str, tuple[str, float]] = {}  # call id -> (kiosk, sent at)
        self.acked: dict[str, float] = {}
        self.requests: dict[str, tuple[str, float]] = {}
        self.replies: dict[str, tuple[float, str | None]] = {}  # id -> (at, refusal or None)
        self.all_sent = threading.Event()

    def schedule(self, start: float) -> None:
        jobs = self.plan["jobs"]
        for offset, kiosk_id, kind, *args in jobs:
            device = self.devices[kiosk_id]
            job = (lambda d=device: self._raise(d)) if kind == "help" else \
                (lambda d=device, a=args: self._request(d, *a))
            self.scheduler.at(start + offset, job)
        self.scheduler.at(start + (jobs[-1][0] if jobs else 0.0), self.all_sent.set)

    def _raise(self, device: SimDevice) -> None:
        event = new_raise(device.device_id, time.time())
        with self._lock:
            self.raises[event.call_id] = (device.device_id, time.monotonic())
        device.publish(topics.kiosk_help(self.branch, device.device_id), HelpEventMessage(event))

    def _request(self, device: SimDevice, request_id: str, service: str, priority: bool) -> None:
        with self._lock:
            self.requests[request_id] = (device.device_id, time.monotonic())
        device.publish(topics.ticket_request(self.branch, device.device_id),
                       TicketRequest(request_id=request_id, service_id=service,
                                     priority=priority, language="zh_CN"))

    def handle(self, device: SimDevice, topic: str, payload: bytes, arrived: float) -> None:
        if not topic.endswith("/" + device.device_id) or "/hub/" not in topic:
            return
        decoded = self.decode(device, topic, payload)
        if decoded is None:
            return
        message = decoded.message
        with self._lock:
            if isinstance(message, TicketReply):
                refusal = None if message.ticket is not None else str(message.reason)
                self.replies.setdefault(message.request_id, (arrived, refusal))
            elif isinstance(message, EventAck):
                for event_id in message.ids:
                    self.acked.setdefault(event_id, arrived)

    def complete(self) -> bool:
        with self._lock:
            return (self.all_sent.is_set() and len(self.replies) >= len(self.requests)
                    and all(call_id in self.acked for call_id in self.raises))

    def results(self) -> dict[str, Any]:
        with self._lock:
            return {"raises": self.raises, "acked": self.acked, "requests": self.requests,
                    "replies": self.replies, "received": self.received(),
                    "late_s": max(self.scheduler.late_s, default=0.0)}


class ConsoleFleet(Fleet):
    def __init__(self, plan: dict[str, Any]) -> None:
        super().__init__(plan)
        self.order = sorted(self.devices)
        self.seen: dict[str, dict[str, float]] = {d: {} for d in self.devices}
        self.answered = 0
        self.staff_at = {d: STAFF[i % len(STAFF)] for i, d in enumerate(self.order)}
        self.signed_in: set[str] = set()

    def connect(self) -> None:
        """Connect, then sign this console's member of staff in, as staff do at the desk."""
        super().connect()
        for me, device in self.devices.items():
            staff = self.staff_at[me]
            device.publish(topics.pin_request(self.branch, Role.CONSOLE, me),
                           PinRequest(new_event_id(), staff, STAFF_PINS[staff],
                                      PinPurpose.CONSOLE_SIGN_IN))
        _wait(lambda: len(self.signed_in) == len(self.devices), time.monotonic() + 60)
        if len(self.signed_in) != len(self.devices):
            raise RuntimeError(f"{len(self.devices) - len(self.signed_in)} consoles could "
                               "not sign in: does the hub have the staff PINs?")

    def handle(self, device: SimDevice, topic: str, payload: bytes, arrived: float) -> None:
        if topic == topics.hub_reply(self.branch, device.device_id):
            decoded = self.decode(device, topic, payload)
            if decoded is not None and isinstance(decoded.message, PinReply) \
                    and decoded.message.ok:
                with self._lock:
                    self.signed_in.add(device.device_id)
            return
        parts = topic.split("/")
        if len(parts) != 5 or parts[2] != "kiosk" or parts[4] != "help":
            return
        decoded = self.decode(device, topic, payload)
        if decoded is None or not isinstance(decoded.message, HelpEventMessage):
            return
        event = decoded.message.event
        me = device.device_id
        device.publish(topics.console_ack(self.branch, me, event.kiosk_id),
                       EventAck(ids=(event.id,)))
        if event.kind is not K.RAISED:
            return
        with self._lock:
            first = event.call_id not in self.seen[me]
            self.seen[me].setdefault(event.call_id, arrived)
        if not first:
            return
        help_topic = topics.console_help(self.branch, me, event.kiosk_id)
        device.publish(help_topic, HelpEventMessage(new_follow_up(
            event.call_id, event.kiosk_id, K.RECEIVED, me, time.time(), console_id=me)))
        if self.order[int(event.call_id[:8], 16) % len(self.order)] == me:
            self._answer(device, help_topic, event.call_id, event.kiosk_id)

    def _answer(self, device: SimDevice, help_topic: str, call_id: str, kiosk_id: str) -> None:
        """This console's staff say "I'm coming", then close the call, as in a branch."""
        staff = self.staff_at[device.device_id]
        now = time.monotonic()
        me = device.device_id

        def coming() -> None:
            device.publish(help_topic, HelpEventMessage(new_follow_up(
                call_id, kiosk_id, K.ACKNOWLEDGED, me, time.time(), staff_id=staff)))

        def resolved() -> None:
            device.publish(help_topic, HelpEventMessage(new_follow_up(
                call_id, kiosk_id, K.RESOLVED, me, time.time(), staff_id=staff,
                outcome=Outcome.HELPED)))
            with self._lock:
                self.answered += 1

        self.scheduler.at(now + self.plan["acknowledge_after_s"], coming)
        self.scheduler.at(now + self.plan["resolve_after_s"], resolved)

    def holds_all(self, call_ids: list[str]) -> bool:
        with self._lock:
            return all(all(c in seen for c in call_ids) for seen in self.seen.values())

    def results(self) -> dict[str, Any]:
        with self._lock:
            return {"seen": self.seen, "answered": self.answered, "received": self.received(),
                    "late_s": max(self.scheduler.late_s, default=0.0)}


def _wait(condition: Any, deadline: float) -> None:
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.05)


def main(plan_path: str, results_path: str) -> None:
    plan = json.loads(Path(plan_path).read_text(encoding="utf-8"))
    fleet: KioskFleet | ConsoleFleet = KioskFleet(plan) if plan["role"] == "kiosk" \
        else ConsoleFleet(plan)
    fleet.connect()
    print("ready", flush=True)
    command, start_text = sys.stdin.readline().split()
    assert command == "go", command
    start = float(start_text)
    end = start + plan["duration_s"]
    fleet.start_heartbeats(start, end)
    if isinstance(fleet, KioskFleet):
        fleet.schedule(start)
        _wait(fleet.complete, end + plan["drain_s"])
    else:
        command, ids_path, deadline = sys.stdin.readline().split()
        assert command == "finish", command
        call_ids = json.loads(Path(ids_path).read_text(encoding="utf-8"))
        _wait(lambda: fleet.holds_all(call_ids), float(deadline))
    Path(results_path).write_text(json.dumps(fleet.results()), encoding="utf-8")
    print("done", flush=True)
    sys.stdin.readline()  # "stop"
    fleet.stop()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
