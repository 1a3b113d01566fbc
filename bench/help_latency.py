"""Help call, network part: the real kiosk client raises, the real console clients have it.

The kiosk and two consoles are the product's own network clients (``kiosk.net.headless``:
the same client, store and worker thread the Qt programs use, without a screen), the hub is
the real ``python -m kiosk hub`` process, the broker a real Mosquitto on loopback. Each call
is raised on the kiosk's thread, timed until every console's client holds it (what the
console's screen is drawn from), then closed by staff and dismissed at the kiosk, as in a
branch, before the next one.

The baseline is bare paho publish → receive through the same broker in the same run
(``bench.mqtt_baseline``); the ratio shows what the product adds. Probes record when the
kiosk handed the raise to paho and when each console's paho thread received it, so the
report can say where the time goes: the kiosk (SQLite outbox commit), the wire, or the
console (store, recompute the calls, notify).
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from bench import mqtt_baseline
from bench.branch import STAFF_PINS, HubRunner, console_ids, write_branch, write_hub_secrets
from bench.brokers import BenchBroker
from bench.report import BenchResult, Figure, Target
from bench.staff_sign_in import sign_in
from bench.stats import summarise
from kiosk.core.config import load_config
from kiosk.core.help.events import Outcome
from kiosk.core.help.state import CallState
from kiosk.net.console_client import ConsoleClient, ConsoleHooks
from kiosk.net.headless import HeadlessDevice, headless_console, headless_kiosk
from kiosk.net.kiosk_client import KioskClient, KioskHooks

PATIENCE_S = 10.0
GAP_S = 0.01
HELP_P99_MS = 20.0
"""DESIGN.md: help raise → every console client has it (the network part), p99."""


class Moments:
    """First time each call id was seen at some point of the path; thread-safe."""

    def __init__(self) -> None:
        self._at: dict[str, float] = {}
        self._changed = threading.Condition()

    def mark(self, call_id: str, at: float | None = None) -> None:
        with self._changed:
            if call_id not in self._at:
                self._at[call_id] = time.monotonic() if at is None else at
                self._changed.notify_all()

    def get(self, call_id: str) -> float | None:
        with self._changed:
            return self._at.get(call_id)

    def wait(self, call_id: str, timeout_s: float = PATIENCE_S) -> float:
        deadline = time.monotonic() + timeout_s
        with self._changed:
            while call_id not in self._at:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError(f"call {call_id[:8]} not seen within {timeout_s} s")
                self._changed.wait(left)
            return self._at[call_id]


def _raise_call_id(topic: str, payload: bytes) -> str | None:
    """The call id of a help raise on a kiosk's help topic, read without the codec."""
    if not topic.endswith("/help") or "/kiosk/" not in topic:
        return None
    try:
        body = json.loads(payload)["body"]
    except (ValueError, KeyError, TypeError):
        return None
    return body.get("call_id") if body.get("kind") == "raised" else None


def probe_console(device: HeadlessDevice[ConsoleClient]) -> tuple[Moments, Moments]:
    """(paho thread received the raise, the console client holds the call)."""
    arrived, held = Moments(), Moments()
    mqtt = device.link.link
    deliver = mqtt._on_message  # the DeviceLink's handler; wrapped, not replaced

    def on_message(topic: str, payload: bytes, retained: bool) -> None:
        call_id = _raise_call_id(topic, payload)
        if call_id is not None:
            arrived.mark(call_id)
        deliver(topic, payload, retained)

    mqtt._on_message = on_message

    def calls_changed(calls: dict[str, CallState]) -> None:
        now = time.monotonic()
        for call_id in calls:
            held.mark(call_id, now)

    device.client.listener = ConsoleHooks(on_calls_changed=calls_changed)
    return arrived, held


def probe_kiosk(device: HeadlessDevice[KioskClient], consoles: int) -> tuple[Moments, Moments]:
    """(the raise was handed to paho, the kiosk knows every console received it)."""
    handed, confirmed = Moments(), Moments()
    link = device.link
    publish_raw = link.publish_raw

    def publish(topic: str, payload: bytes, qos: int = 1) -> bool:
        call_id = _raise_call_id(topic, payload)
        sent = publish_raw(topic, payload, qos)
        if call_id is not None:
            handed.mark(call_id)
        return sent

    link.publish_raw = publish  # type: ignore[method-assign]

    def call_changed(call: CallState | None) -> None:
        if call is not None and len(call.received_by) >= consoles:
            confirmed.mark(call.call_id)

    device.client.listener = KioskHooks(on_call_changed=call_changed)
    return handed, confirmed


def wait_for(condition: Callable[[], bool], what: str, timeout_s: float = PATIENCE_S) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"waited {timeout_s} s for {what}")
        time.sleep(0.002)


def _ms(samples: list[float]) -> list[float]:
    return [s * 1000 for s in samples]


CLOSER = "wang-fang"
"""The member of staff who closes each call at the first console."""


def run(work_dir: Path, calls: int, kind: str = "mosquitto") -> BenchResult:
    broker_name = "Mosquitto" if kind == "mosquitto" else "the embedded broker (amqtt)"
    result = BenchResult(f"bench.help_latency[{kind}]", "Help call, network part: kiosk "
                         f"client raise → every console client has it (real hub, "
                         f"{broker_name})")
    broker = BenchBroker(kind, work_dir / "broker").start()
    stops: list[Callable[[], None]] = [broker.stop]
    try:
        config_path = write_branch(work_dir / "branch", broker.port, kiosks=2, consoles=2)
        hub = HubRunner(config_path, work_dir / "branch" / "hub-data",
                        write_hub_secrets(work_dir / "branch")).start()
        stops.append(hub.stop)
        config = load_config(config_path)
        kiosk = headless_kiosk(config, "kiosk-1", work_dir / "kiosk")
        consoles = [headless_console(config, cid, work_dir / cid) for cid in console_ids(2)]
        handed, confirmed = probe_kiosk(kiosk, len(consoles))
        console_probes = [probe_console(c) for c in consoles]
        kiosk.start()
        stops.append(kiosk.stop)
        for console in consoles:
            console.start()
            stops.append(console.stop)
        wait_for(lambda: kiosk.link.connected and all(c.link.connected for c in consoles),
                 "every client connected")
        # The hub stores a close only in the name of whoever is signed in at the sending
        # console: unsigned, every close would be refused and the day's calls pile up.
        sign_in(consoles[0], CLOSER, STAFF_PINS[CLOSER])
        wait_for(lambda: kiosk.client.reachability().staff_reachable, "a console reachable")

        baseline = mqtt_baseline.measure(broker.host, broker.port, calls)
        samples = _help_calls(kiosk, consoles, console_probes, handed, confirmed, calls)
        _report(result, samples, baseline, calls, kind)
        health = result.details["hub_health"] = hub.health() or {}
        if health.get("open_calls") or health.get("rejections"):
            result.notes.append(f"The hub ended with {health.get('open_calls')} calls open and "
                                f"rejected {health.get('rejections')}: closes were refused, so "
                                "its state grew with every call.")
    finally:
        for stop in reversed(stops):
            stop()
    return result


def _help_calls(kiosk: HeadlessDevice[KioskClient],
                consoles: list[HeadlessDevice[ConsoleClient]],
                probes: list[tuple[Moments, Moments]], handed: Moments, confirmed: Moments,
                calls: int) -> dict[str, list[float]]:
    samples: dict[str, list[float]] = {"all_consoles": [], "kiosk_side": [], "wire": [],
                                       "console_side": [], "confirmed": []}
    lobby = consoles[0]
    for _ in range(calls):
        def tap() -> tuple[float, str]:
            return time.monotonic(), kiosk.client.raise_help().call_id

        tapped = kiosk.call(tap)
        assert isinstance(tapped, tuple)
        tapped_at: float = tapped[0]
        call_id: str = tapped[1]
        held_at = [held.wait(call_id) for _, held in probes]
        arrived_at = [arrived.wait(call_id) for arrived, _ in probes]
        handed_at = handed.wait(call_id)
        confirmed_at = confirmed.wait(call_id)
        samples["all_consoles"].append(max(held_at) - tapped_at)
        samples["kiosk_side"].append(handed_at - tapped_at)
        samples["wire"].append(max(arrived_at) - handed_at)
        samples["console_side"].append(max(h - a for h, a in zip(held_at, arrived_at,
                                                                 strict=True)))
        samples["confirmed"].append(confirmed_at - tapped_at)
        refused = lobby.call(partial(lobby.client.resolve, call_id, CLOSER,
                                     Outcome.HELPED))
        if refused is not None:
            raise RuntimeError(f"the console could not close the call: {refused}")
        wait_for(lambda: kiosk.client.call is not None and not kiosk.client.call.is_open,
                 "the kiosk sees the call closed")
        kiosk.call(kiosk.client.dismiss_call)
        time.sleep(GAP_S)
    return {k: _ms(v) for k, v in samples.items()}


def _report(result: BenchResult, samples: dict[str, list[float]], baseline: list[float],
            calls: int, kind: str) -> None:
    help_ = summarise(samples["all_consoles"])
    base = summarise(baseline)
    tag = "" if kind == "mosquitto" else f"[{kind}] "
    paho = "bare paho one-way"

    def add(key: str, label: str, value: float, target: Target | None = None,
            baseline_value: float | None = None, baseline_label: str = "",
            network: bool = False) -> None:
        result.add(Figure(f"{tag}{key}", f"{tag}{label}", value, "ms", target,
                          baseline=baseline_value, baseline_label=baseline_label,
                          network=network))

    add("help_network_p50", "help raise → every console client has it, p50", help_.p50,
        baseline_value=base.p50, baseline_label=paho, network=True)
    add("help_network_p99", "help raise → every console client has it, p99", help_.p99,
        Target("<=", HELP_P99_MS), base.p99, paho, network=True)
    confirmed = summarise(samples["confirmed"])
    add("help_confirmed_p50", "help raise → kiosk knows every console has it (\"staff "
        "notified\"), p50", confirmed.p50, network=True)
    add("help_confirmed_p99", "help raise → kiosk knows every console has it, p99",
        confirmed.p99, network=True)
    parts = {name: summarise(samples[name]).as_dict()
             for name in ("kiosk_side", "wire", "console_side")}
    for name, label in (("kiosk_side", "kiosk: tap → raise handed to paho (outbox commit)"),
                        ("wire", "broker: kiosk publish → last console's paho thread"),
                        ("console_side", "console: paho thread → call in the console client")):
        add(f"{name}_p50", f"{label}, p50", float(parts[name]["p50"]))
    tenth = max(calls // 10, 1)
    first = summarise(samples["all_consoles"][:tenth])
    last = summarise(samples["all_consoles"][-tenth:])
    add("help_network_trend", f"p50 of the last {tenth} calls against the first {tenth}",
        last.p50, baseline_value=first.p50, baseline_label=f"first {tenth} calls")
    details: dict[str, Any] = {"calls": calls, "baseline_one_way_ms": base.as_dict(),
                               "parts_ms": parts, "help_ms": help_.as_dict(),
                               "confirmed_ms": confirmed.as_dict(),
                               "help_ms_by_call": [round(s, 3) for s in samples["all_consoles"]]}
    result.details.update(details)
    result.notes.append(
        f"{calls} calls, one at a time; each is closed by staff at a console and dismissed at "
        "the kiosk before the next, so every call is a fresh one through the hub's ledger. "
        "Two consoles; \"every console\" is the later of the two.")
