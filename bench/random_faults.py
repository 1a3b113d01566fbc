"""A seeded random fault run: help calls through kills, pauses and broker restarts.

Several kiosks and two consoles (each the product's headless client in its own process,
``bench.fault_device``), the hub (``python -m kiosk hub``) and Mosquitto. A schedule drawn
from the seed raises calls, answers and closes some of them, and injects faults: kill -9 of
a kiosk, of a console, of the hub; SIGSTOP/SIGCONT of the hub; broker restarts (graceful or
killed); and a console killed right after it confirmed a call. Then every fault ends and the
branch drains: staff close what is open, and the run checks that

- every call a kiosk raised is in the hub's ledger once, and the ledger holds no other call;
- every console and the call's own kiosk hold exactly the ledger's events of every call, so
  the call's state is the same everywhere;
- every outbox is empty;
- ``python -m kiosk audit verify`` passes on the hub's database.

The same seed gives the same schedule (which step, which device, how long), so a failing
seed is rerun to see it again. CI runs a short version (``tests/e2e/test_random_faults.py``,
seed from ``KIOSK_FAULT_SEED`` or random, printed); the longer one::

    python -m bench.random_faults --seed 7 --duration 300
    python -m bench.random_faults --seed 1 --runs 10     # ten consecutive seeds
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from bench.branch import (
    ROOT,
    STAFF_PINS,
    HubRunner,
    console_ids,
    kiosk_ids,
    write_branch,
    write_hub_secrets,
)
from bench.line_process import LineProcess
from kiosk.net.broker import MosquittoBroker

TIMINGS = {
    "broker.reconnect_max_s": 0.5,
    "queue.reply_timeout_s": 2.0,
    "help.escalate_after_s": 3.0,
    "help.resignal_after_s": 6.0,
    "help.alarm_repeat_s": 1.0,
    "help.digest_interval_s": 2.0,
    "presence.heartbeat_interval_s": 0.2,
    "presence.offline_after_s": 1.0,
}
"""Short help timers, so escalations, re-signals and presence changes happen within a run."""
STAFF = {"console-lobby": "wang-fang", "console-1": "li-ming"}
"""Who acts at each console (the first two console ids of ``bench.branch``)."""
DRAIN_S = 90.0
STEP_S = (0.3, 1.2)
"""Time between two steps of the schedule."""
ACTIONS = {  # step -> weight
    "raise": 6, "ack": 3, "resolve": 3, "kill_kiosk": 2, "kill_console": 1,
    "confirm_then_kill": 1, "stop_hub": 1, "kill_hub": 1, "restart_broker": 1,
}
FAULTS = ("kill_kiosk", "kill_console", "confirm_then_kill", "stop_hub", "kill_hub",
          "restart_broker")


class FaultRunFailed(AssertionError):
    """An invariant did not hold; the message names the seed and what was wrong."""


@dataclass(frozen=True)
class Step:
    at: float  # seconds after the start of the faults
    action: str
    target: str  # a device id, "hub" or "broker"
    hold_s: float  # how long the target stays down or paused
    graceful: bool  # broker: stopped cleanly (else killed)


def schedule(seed: int, duration_s: float, kiosks: Sequence[str],
             consoles: Sequence[str]) -> list[Step]:
    """The steps of a run: a function of its arguments alone. Every kind of fault is in
    every schedule at least once."""
    rng = random.Random(seed)
    names = list(ACTIONS)
    weights = [ACTIONS[n] for n in names]
    steps: list[Step] = []
    at = 0.5
    while at < duration_s:
        steps.append(_step(rng, at, rng.choices(names, weights)[0], kiosks, consoles))
        at += rng.uniform(*STEP_S)
    present = {s.action for s in steps}
    for fault in FAULTS:
        if fault not in present:
            steps.append(_step(rng, rng.uniform(1.0, max(1.5, duration_s - 1.0)), fault,
                               kiosks, consoles))
    return sorted(steps, key=lambda s: s.at)


def _step(rng: random.Random, at: float, action: str, kiosks: Sequence[str],
          consoles: Sequence[str]) -> Step:
    if action in ("raise", "kill_kiosk", "confirm_then_kill"):
        target = rng.choice(kiosks)
    elif action in ("ack", "resolve", "kill_console"):
        target = rng.choice(consoles)
    elif action == "restart_broker":
        target = "broker"
    else:
        target = "hub"
    return Step(round(at, 3), action, target, round(rng.uniform(0.3, 3.0), 3),
                rng.random() < 0.5)


class FaultRun:
    def __init__(self, seed: int, duration_s: float, work: Path, *, kiosks: int = 3,
                 say: Callable[[str], None] = print) -> None:
        self.seed = seed
        self.duration_s = duration_s
        self.work = work
        self.say = say
        self.kiosks = kiosk_ids(kiosks)
        self.consoles = console_ids(2)
        self.steps = schedule(seed, duration_s, self.kiosks, self.consoles)
        self.broker = MosquittoBroker(work / "broker")
        self.devices: dict[str, LineProcess | None] = {}
        self.down_until: dict[str, float] = {}  # device, "hub" or "broker" -> monotonic time
        self.hub_paused_until: float | None = None
        self.counts: Counter[str] = Counter()
        self.hub: HubRunner

    # --- the run --------------------------------------------------------------------------

    def run(self) -> dict[str, int]:
        self.say(f"random fault run: seed {self.seed} (rerun: KIOSK_FAULT_SEED={self.seed}, "
                 f"or python -m bench.random_faults --seed {self.seed}), "
                 f"{len(self.steps)} steps over {self.duration_s:g} s")
        self.broker.start()
        try:
            config = write_branch(self.work / "branch", self.broker.port, len(self.kiosks),
                                  len(self.consoles), **TIMINGS)
            self.hub = HubRunner(config, self.work / "hub-data",
                                 write_hub_secrets(self.work / "branch"))
            self.hub.start()
            for device in (*self.consoles, *self.kiosks):
                self._start_device(device)
            for device in (*self.consoles, *self.kiosks):
                self._wait_ready(device)
            for console in self.consoles:
                self._sign_in(console)
            self._play()
            self._recover_all()
            self._drain()
            self.hub.stop()
            self._verify_audit()
        finally:
            self._stop_all()
        summary = dict(sorted(self.counts.items()))
        self.say(f"random fault run: seed {self.seed} passed: {json.dumps(summary)}")
        return summary

    def _play(self) -> None:
        start = time.monotonic()
        for step in self.steps:
            while time.monotonic() - start < step.at:
                self._recover_due()
                time.sleep(0.05)
            self._recover_due()
            self._do(step)
        while time.monotonic() - start < self.duration_s:
            self._recover_due()
            time.sleep(0.05)

    def _do(self, step: Step) -> None:
        now = time.monotonic()
        action, target = step.action, step.target
        if action == "raise" or action == "confirm_then_kill":
            if not self._send(target, "raise"):
                self.counts["skipped"] += 1
                return
            self.counts["raise commands"] += 1
            if action == "confirm_then_kill":
                self._kill_a_confirming_console(target, step.hold_s)
        elif action in ("ack", "resolve"):
            if self._send(target, f"{action} {STAFF[target]}"):
                self.counts[f"{action} commands"] += 1
            else:
                self.counts["skipped"] += 1
        elif action in ("kill_kiosk", "kill_console"):
            if self._kill_device(target, step.hold_s):
                self.counts[f"kill -9 {'kiosk' if action == 'kill_kiosk' else 'console'}"] += 1
        elif action == "stop_hub":
            if self.hub.process is not None and self.hub_paused_until is None \
                    and "hub" not in self.down_until:
                os.kill(self.hub.pid, signal.SIGSTOP)
                self.hub_paused_until = now + step.hold_s
                self.counts["SIGSTOP hub"] += 1
            else:
                self.counts["skipped"] += 1  # the hub is down or paused already
        elif action == "kill_hub":
            if self.hub.process is not None and "hub" not in self.down_until:
                self._continue_hub()
                self.hub.process.kill()
                self.hub.process.wait(5)
                self.hub.process = None
                self.down_until["hub"] = now + step.hold_s
                self.counts["kill -9 hub"] += 1
            else:
                self.counts["skipped"] += 1
        elif action == "restart_broker" and "broker" not in self.down_until:
            if step.graceful:
                self.broker.stop()
            else:
                self.broker.kill()
            self.down_until["broker"] = now + step.hold_s
            self.counts["broker " + ("restarts" if step.graceful else "kills")] += 1

    def _kill_a_confirming_console(self, kiosk: str, hold_s: float) -> None:
        """A console dies right after it confirmed a call (so the kiosk said "notified")."""
        process = self.devices.get(kiosk)
        if process is None:
            return
        try:
            raised = process.wait_for(lambda e: e.get("event") == "raised", 3.0, "raised")
        except (TimeoutError, RuntimeError):
            return
        deadline = time.monotonic() + 2.0
        while time.monotonic() < deadline:
            for console in self.consoles:
                proc = self.devices.get(console)
                if proc is not None and any(e.get("event") == "confirmed"
                                            and e.get("call") == raised["call"]
                                            for e in list(proc.events)):
                    if self._kill_device(console, hold_s):
                        self.counts["console killed after confirming"] += 1
                    return
            time.sleep(0.02)

    # --- processes ------------------------------------------------------------------------

    def _start_device(self, device: str) -> None:
        role = "kiosk" if device in self.kiosks else "console"
        staff = [STAFF[device]] if role == "console" else []
        self.devices[device] = LineProcess(
            device, ["bench.fault_device", str(self.hub.config_path), role, device,
                     str(self.work / device), *staff], self.work / f"{device}.log")

    def _sign_in(self, console: str) -> None:
        """Staff sign in at each console once, through the hub: the hub stores staff steps
        only in the name of whoever is signed in at the sending console."""
        process = self.devices[console]
        assert process is not None
        staff = STAFF[console]
        answer = process.ask(f"sign_in {staff} {STAFF_PINS[staff]}", "signed_in", 20.0)
        if not answer.get("ok"):
            raise FaultRunFailed(f"seed {self.seed}: {staff} could not sign in at {console}")

    def _wait_ready(self, device: str, timeout_s: float = 20.0) -> None:
        process = self.devices[device]
        assert process is not None
        process.wait_for(lambda e: e.get("event") == "ready", timeout_s, "ready")

    def _send(self, device: str, line: str) -> bool:
        process = self.devices.get(device)
        if process is None or process.process.poll() is not None:
            return False
        try:
            process.send(line)
        except OSError:
            return False
        return True

    def _kill_device(self, device: str, hold_s: float) -> bool:
        process = self.devices.get(device)
        if process is None:
            return False
        process.process.kill()
        process.process.wait(5)
        _dispose(process)
        self.devices[device] = None
        self.down_until[device] = time.monotonic() + hold_s
        return True

    def _continue_hub(self) -> None:
        if self.hub_paused_until is not None and self.hub.process is not None:
            os.kill(self.hub.pid, signal.SIGCONT)
        self.hub_paused_until = None

    def _recover_due(self, everything: bool = False) -> None:
        now = time.monotonic()
        if self.hub_paused_until is not None and (everything or now >= self.hub_paused_until):
            self._continue_hub()
        if "broker" in self.down_until and (everything or now >= self.down_until["broker"]):
            del self.down_until["broker"]
            self.broker.start()
        if "hub" in self.down_until and "broker" not in self.down_until and (
                everything or now >= self.down_until["hub"]):
            del self.down_until["hub"]
            self.hub.start()
        for device, until in list(self.down_until.items()):
            if device in ("hub", "broker"):
                continue
            if everything or now >= until:
                del self.down_until[device]
                self._start_device(device)

    def _recover_all(self) -> None:
        self._recover_due(everything=True)
        for device in (*self.consoles, *self.kiosks):
            self._wait_ready(device, timeout_s=30.0)

    def _stop_all(self) -> None:
        for process in self.devices.values():
            if process is not None:
                process.stop()
                _dispose(process)
        if getattr(self, "hub", None) is not None:
            self._continue_hub()
            self.hub.stop()
        self.broker.stop()

    # --- the end: drain and check ---------------------------------------------------------

    def _report(self, device: str) -> dict[str, object]:
        process = self.devices[device]
        assert process is not None
        return process.ask("report", "report", 20.0)

    def _ledger(self) -> list[tuple[str, str, str, str]]:
        with sqlite3.connect(f"file:{self.hub.db_path}?mode=ro", uri=True) as db:
            return list(db.execute("SELECT id, call_id, kind, origin FROM help_events"))

    def _drain(self) -> None:
        deadline = time.monotonic() + DRAIN_S
        problems: list[str] = []
        while time.monotonic() < deadline:
            lobby = self.consoles[0]
            self._send(lobby, f"resolve_all {STAFF[lobby]}")
            time.sleep(1.0)
            problems = self._check()
            if not problems:
                return
        raise FaultRunFailed(f"seed {self.seed}: after {DRAIN_S:g} s of draining: "
                             + "; ".join(problems[:8]))

    def _check(self) -> list[str]:
        reports = {device: self._report(device) for device in (*self.kiosks, *self.consoles)}
        raised: dict[str, str] = {}  # call -> kiosk
        for kiosk in self.kiosks:
            for call_id in reports[kiosk]["raised"]:  # type: ignore[attr-defined]
                raised[call_id] = kiosk
        rows = self._ledger()
        ledger: dict[str, set[str]] = {}
        for event_id, call_id, _kind, _origin in rows:
            ledger.setdefault(call_id, set()).add(event_id)
        problems = []
        raised_rows = Counter(call_id for _, call_id, kind, _ in rows if kind == "raised")
        for call_id, kiosk in sorted(raised.items()):
            if raised_rows[call_id] != 1:
                problems.append(f"call {call_id[:8]} of {kiosk} is in the ledger "
                                f"{raised_rows[call_id]} times")
        strangers = set(ledger) - set(raised)
        if strangers:
            problems.append(f"{len(strangers)} call(s) in the ledger no kiosk raised")
        resolved = {call_id for _, call_id, kind, _ in rows if kind == "resolved"}
        open_calls = set(raised) - resolved
        if open_calls:
            problems.append(f"{len(open_calls)} call(s) still open")
        for device, answer in reports.items():
            calls: dict[str, list[str]] = answer["calls"]  # type: ignore[assignment]
            if answer["pending"]:
                problems.append(f"{device}: {answer['pending']} event(s) not acknowledged")
            wanted = [c for c in raised if device in self.consoles or raised[c] == device]
            for call_id in wanted:
                if set(calls.get(call_id, ())) != ledger.get(call_id, set()):
                    problems.append(f"{device}: call {call_id[:8]} differs from the ledger")
        if not problems:
            kinds = Counter((kind, "hub" if origin == "hub" else "device")
                            for _, _, kind, origin in rows)
            self.counts["calls"] = len(raised)
            self.counts["ledger events"] = len(rows)
            self.counts["escalations by the hub"] = kinds[("escalated", "hub")]
            self.counts["escalations by consoles"] = kinds[("escalated", "device")]
            self.counts["re-signals"] = kinds[("resignalled", "hub")]
        return problems

    def _verify_audit(self) -> None:
        verified = subprocess.run([sys.executable, "-m", "kiosk", "audit", "verify",
                                   str(self.hub.db_path)], cwd=ROOT, capture_output=True,
                                  text=True, timeout=120, check=False)
        if verified.returncode != 0:
            raise FaultRunFailed(f"seed {self.seed}: audit verify failed: "
                                 f"{verified.stdout}{verified.stderr}")
        self.counts["audit verified"] = 1


def _dispose(process: LineProcess) -> None:
    """Close a finished device process's pipes once its reader has seen the end."""
    try:
        process.wait_for(lambda e: e.get("event") == "exited", 5.0, "the end of its output")
    except (TimeoutError, RuntimeError):
        pass
    for stream in (process.process.stdin, process.process.stdout):
        if stream is not None:
            try:
                stream.close()
            except OSError:
                pass


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=None, help="the schedule's seed")
    parser.add_argument("--runs", type=int, default=1, help="consecutive seeds from --seed")
    parser.add_argument("--duration", type=float, default=120.0, help="seconds of faults")
    parser.add_argument("--kiosks", type=int, default=3)
    args = parser.parse_args(argv)
    first = args.seed if args.seed is not None else random.SystemRandom().randrange(10**6)
    failed = []
    for seed in range(first, first + args.runs):
        with tempfile.TemporaryDirectory(prefix=f"faults-{seed}-") as work:
            try:
                FaultRun(seed, args.duration, Path(work), kiosks=args.kiosks).run()
            except FaultRunFailed as problem:
                print(f"random fault run FAILED: {problem}", flush=True)
                failed.append(seed)
    if failed:
        print(f"failing seeds: {failed}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
