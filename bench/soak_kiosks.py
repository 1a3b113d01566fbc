"""Run as a process: the soak benchmark's kiosks, each the product's own kiosk client.

``python -m bench.soak_kiosks CONFIG DATA_DIR COUNT SEED``. Every kiosk is a
``kiosk.net.headless`` device with a ``KioskClient`` and its durable store in ``DATA_DIR``:
the same client, outbox and worker thread the kiosk program runs, so a call raised while
the broker is down waits in the store and is re-sent, exactly as in a branch.

Each kiosk waits a random while, raises a help call (``raise_help``), and the call is closed
one of two ways, chosen by :func:`closes_at_kiosk` from the call id (the console process
applies the same rule): staff at the console answer and close it, or the customer says they
are fine (``customer_fine``) and a member of staff closes it at the kiosk with a PIN
(``request_pin`` with ``close_call``, checked by the hub). The product has no way for a
customer to withdraw a call alone; a PIN close at the kiosk is its kiosk-side close. Once
closed, the kiosk leaves the call (``dismiss_call``) and waits for the next one.

JSON lines on stdout: ``ready``, ``raised``, ``notified``, ``closed``, ``pin_retry``,
``links`` (how many kiosks are connected, when that changes). Commands on stdin: ``go``
(start raising), ``burst N`` (N kiosks with no open call raise one now: the benchmark sends
it as it stops the broker), ``calm`` (raise no new call; open ones still get closed),
``quit``.
Times are the wall clock (``time.time()``), the clock the hub's ledger stamps.
"""

from __future__ import annotations

import json
import logging
import random
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from bench.branch import STAFF_PINS, kiosk_ids
from kiosk.core.config import BranchConfig, load_config
from kiosk.core.help.events import Outcome
from kiosk.core.help.state import CallState
from kiosk.net.headless import HeadlessDevice, headless_kiosk
from kiosk.net.kiosk_client import KioskClient, KioskHooks, PinOutcome
from kiosk.protocol.pin_messages import PinPurpose, PinRefusal

IDLE_S = (300.0, 900.0)
"""A kiosk waits a random time in this range between one call's close and the next raise:
with 50 kiosks, about one call every 12 s in the branch. Faster is not a busier branch but
a different test: every kiosk decodes the hub's whole-branch help state, 50 of them in one
process here, and that process (not the product) would become the bottleneck."""
FIRST_WITHIN_S = 100.0
"""Each kiosk's first call comes at a random moment within this long after ``go``: the
first wave (every kiosk's first call, the hub's help state at its largest) is over before
the benchmark's memory warm-up ends, so what follows is the steady state."""
KIOSK_CLOSE_SHARE = 3
"""One call in this many is closed at the kiosk; the others by staff at the console."""
FINE_AFTER_S = 3.0
PIN_AFTER_S = 8.0
PIN_RETRY_S = 3.0
TICK_S = 0.5
"""The device threads' tick (re-sends, heartbeats): modest, 50 kiosks share two cores."""
DRIVE_S = 0.25
CLOSERS = tuple(STAFF_PINS)

_print_lock = threading.Lock()


def say(payload: dict[str, object]) -> None:
    with _print_lock:
        print(json.dumps(payload), flush=True)


def closes_at_kiosk(call_id: str) -> bool:
    """Whether this call is closed at the kiosk (else by staff at the console): a rule on
    the call id, so both processes agree without talking to each other."""
    return int(call_id[:8], 16) % KIOSK_CLOSE_SHARE == 0


@dataclass
class _Due:
    at: float
    what: str  # "raise", "fine", "pin"


class SimKiosk:
    """One kiosk's customers: raise, maybe say "fine" and close with a PIN, leave, wait."""

    def __init__(self, config: BranchConfig, kiosk_id: str, data_dir: Path,
                 rng: random.Random) -> None:
        self.kiosk_id = kiosk_id
        self._rng = rng
        self._lock = threading.Lock()
        self.device: HeadlessDevice[KioskClient] = headless_kiosk(config, kiosk_id, data_dir,
                                                                  tick_s=TICK_S)
        client = self.device.client
        client.listener = KioskHooks(on_call_changed=self._call_changed, on_pin=self._pin)
        self.call_id: str | None = None
        self._notified = False
        self._due: _Due | None = None
        self._raising = False  # a raise is on its way to the kiosk's thread
        self.raising = False

    # --- driven from the driver thread ----------------------------------------------------

    def start_raising(self, now: float) -> None:
        with self._lock:
            self.raising = True
            self._due = _Due(now + self._rng.uniform(1.0, FIRST_WITHIN_S), "raise")

    def raise_now(self) -> bool:
        """Raise at once if no call is open or on its way here; False if one is."""
        with self._lock:
            if not self.raising or self.call_id is not None or self._raising:
                return False
            self._raising = True
            self._due = None
        self.device.worker.submit(lambda: self._raise(burst=True))
        return True

    def calm(self) -> None:
        with self._lock:
            self.raising = False
            if self._due is not None and self._due.what == "raise":
                self._due = None

    def drive(self, now: float) -> None:
        with self._lock:
            due = self._due
            if due is None or now < due.at:
                return
            self._due = None
            if due.what == "raise":
                self._raising = True
        if due.what == "raise":
            self.device.worker.submit(self._raise)
        elif due.what == "fine":
            self.device.worker.submit(self._fine)
        elif due.what == "pin":
            self.device.worker.submit(self._close_with_pin)

    # --- on the kiosk's own thread (the client is touched by no other) --------------------

    def _raise(self, burst: bool = False) -> None:
        state = self.device.client.raise_help()
        now = time.time()
        with self._lock:
            self._raising = False
            self.call_id = state.call_id
            self._notified = False
            at_kiosk = closes_at_kiosk(state.call_id)
            if at_kiosk:
                self._due = _Due(time.monotonic() + FINE_AFTER_S, "fine")
        say({"event": "raised", "kiosk": self.kiosk_id, "call_id": state.call_id,
             "at": state.raised_at if state.raised_at is not None else now,
             "connected": self.device.link.connected, "closes_at_kiosk": at_kiosk,
             "burst": burst})

    def _fine(self) -> None:
        self.device.client.customer_fine()
        with self._lock:
            self._due = _Due(time.monotonic() + PIN_AFTER_S - FINE_AFTER_S, "pin")

    def _close_with_pin(self) -> None:
        call_id = self.call_id
        if call_id is None:
            return
        staff = CLOSERS[int(call_id[8:16], 16) % len(CLOSERS)]
        self.device.client.request_pin(staff, STAFF_PINS[staff], PinPurpose.CLOSE_CALL,
                                       call_id=call_id, outcome=Outcome.HELPED)

    def _pin(self, outcome: PinOutcome) -> None:
        if outcome.accepted or outcome.purpose is not PinPurpose.CLOSE_CALL:
            return  # accepted: the hub's "resolved" closes the call (seen in _call_changed)
        # Not connected, no answer in time, rate limited, or the hub has not got the raise
        # yet (the broker was down): staff type the PIN again a little later.
        wait = max(PIN_RETRY_S, outcome.retry_after_s or 0.0)
        refusal = outcome.refusal.value if isinstance(outcome.refusal, PinRefusal) else None
        with self._lock:
            call_id = self.call_id
            open_here = call_id is not None
            if open_here:
                self._due = _Due(time.monotonic() + wait, "pin")
        if open_here:
            say({"event": "pin_retry", "kiosk": self.kiosk_id, "call_id": call_id,
                 "problem": outcome.problem.value if outcome.problem else None,
                 "refusal": refusal, "at": time.time()})

    def _call_changed(self, state: CallState | None) -> None:
        if state is None:
            return
        with self._lock:
            if state.call_id != self.call_id:
                return  # raise_help reports the new call before it returns; _raise notes it
            first_notice = state.received_by and not self._notified
            if first_notice:
                self._notified = True
            closed = not state.is_open
            if closed:
                self.call_id = None
                self._due = (_Due(time.monotonic() + self._rng.uniform(*IDLE_S), "raise")
                             if self.raising else None)
        now = time.time()
        if first_notice:
            say({"event": "notified", "kiosk": self.kiosk_id, "call_id": state.call_id,
                 "at": now})
        if closed:
            say({"event": "closed", "kiosk": self.kiosk_id, "call_id": state.call_id,
                 "at": now, "resolved_by": state.resolved_by,
                 "resolved_at": state.resolved_at})
            self.device.client.dismiss_call()


def _drive(kiosks: list[SimKiosk], stop: threading.Event) -> None:
    connected = -1
    while not stop.wait(DRIVE_S):
        now = time.monotonic()
        for kiosk in kiosks:
            kiosk.drive(now)
        count = sum(k.device.link.connected for k in kiosks)
        if count != connected:
            connected = count
            say({"event": "links", "connected": count, "of": len(kiosks), "at": time.time()})


def main(config_path: str, data_dir: str, count: int, seed: int) -> None:
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    config = load_config(config_path)
    rng = random.Random(seed)
    kiosks = [SimKiosk(config, kiosk_id, Path(data_dir), random.Random(rng.random()))
              for kiosk_id in kiosk_ids(count)]
    for kiosk in kiosks:
        kiosk.device.start()
        time.sleep(0.01)  # a branch's kiosks do not all dial in the same millisecond
    deadline = time.monotonic() + 60
    while not all(k.device.link.connected for k in kiosks) and time.monotonic() < deadline:
        time.sleep(0.1)
    say({"event": "ready", "connected": sum(k.device.link.connected for k in kiosks)})
    stop = threading.Event()
    driver = threading.Thread(target=_drive, args=(kiosks, stop), name="driver", daemon=True)
    driver.start()
    for line in sys.stdin:
        command = line.strip()
        if command == "go":
            now = time.monotonic()
            for kiosk in kiosks:
                kiosk.start_raising(now)
            say({"event": "going", "at": time.time()})
        elif command.startswith("burst "):
            wanted = int(command.split()[1])
            raised = 0
            for kiosk in rng.sample(kiosks, len(kiosks)):
                if raised >= wanted:
                    break
                raised += kiosk.raise_now()
            say({"event": "burst", "raised": raised, "at": time.time()})
        elif command == "calm":
            for kiosk in kiosks:
                kiosk.calm()
            say({"event": "calm", "at": time.time()})
        elif command == "quit":
            break
    stop.set()
    driver.join(5)
    for kiosk in kiosks:
        kiosk.device.stop()
    say({"event": "stopped"})


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
