"""Calling the queue from two counters' consoles through the real hub: the calls follow the
elderly priority interleave whichever counter presses "Call next", and kiosks hear each
called number."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from kiosk.net.broker import MosquittoBroker
from kiosk.net.headless import headless_kiosk
from kiosk.net.kiosk_client import KioskHooks, TicketOutcome
from kiosk.protocol.ticket_messages import TicketCalled
from tests.helpers.console_e2e import live_console, sign_in_by_ui
from tests.helpers.hub_process import running_hub

pytestmark = pytest.mark.e2e
PATIENCE_MS = 10_000
REGULAR_PER_PRIORITY = 2


def interleave(tickets: list[tuple[str, bool]], regular_per_priority: int) -> list[str]:
    """The call order the branch promises (docs/decisions/0017-queue-promise.md), written
    out from the rule itself for tickets all issued before the first call: nobody who came
    later goes first; a priority ticket joins behind at most N regular tickets after the
    priority ticket before it (at most N from the head for the first)."""
    line: list[tuple[str, bool]] = []
    for number, priority in tickets:
        if not priority:
            line.append((number, False))
            continue
        earlier = [index for index, (_n, is_priority) in enumerate(line) if is_priority]
        place = regular_per_priority if not earlier else earlier[-1] + 1 + regular_per_priority
        line.insert(min(place, len(line)), (number, True))
    return [number for number, _priority in line]


def test_call_next_across_two_counters_follows_the_priority_interleave(
        qtbot, mosquitto: MosquittoBroker, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with running_hub(tmp_path / "hub", mosquitto.port,
                     **{"queue.regular_per_priority": REGULAR_PER_PRIORITY}) as hub:
        config = hub.config
        kiosk = headless_kiosk(config, "kiosk-1", tmp_path / "kiosk").start()
        issued: list[TicketOutcome] = []
        called: list[TicketCalled] = []
        lock = threading.Lock()

        def got_ticket(outcome: TicketOutcome) -> None:
            with lock:
                issued.append(outcome)

        def heard(message: TicketCalled) -> None:
            with lock:
                called.append(message)

        kiosk.client.listener = KioskHooks(on_ticket=got_ticket, on_called=heard)
        try:
            with live_console(config, "console-1", tmp_path / "c1") as one, \
                    live_console(config, "console-2", tmp_path / "c2") as two:
                qtbot.waitUntil(lambda: kiosk.link.connected and one.device.link.connected
                                and two.device.link.connected, timeout=PATIENCE_MS)
                sign_in_by_ui(qtbot, one, "li-ming")
                sign_in_by_ui(qtbot, two, "zhang-wei")
                pattern = [False, True, False, False, True, False, True]
                for number, priority in enumerate(pattern, start=1):
                    kiosk.call(lambda p=priority: kiosk.client.request_ticket("cash", p, "zh_CN"))
                    qtbot.waitUntil(lambda n=number: len(issued) == n, timeout=PATIENCE_MS)
                tickets = [(o.ticket.number, o.ticket.priority) for o in issued
                           if o.ticket is not None]
                assert len(tickets) == len(pattern)
                expected = interleave(tickets, REGULAR_PER_PRIORITY)

                # The waiting list shows them in that order, priority marked in words.
                tree = one.window.queue.tree_model
                qtbot.waitUntil(lambda: tree.rowCount(tree.index(0, 0)) == len(pattern),
                                timeout=PATIENCE_MS)
                cash = tree.index(0, 0)
                shown = [tree.data(tree.index(r, 0, cash)) for r in range(len(pattern))]
                assert shown == expected
                marks = [bool(tree.data(tree.index(r, 1, cash))) for r in range(len(pattern))]
                assert marks == [dict(tickets)[n] for n in expected]

                counters = []
                for turn in range(len(pattern)):
                    desk = (one, two)[turn % 2]
                    panel = desk.window.queue
                    qtbot.mouseClick(panel.call_next, Qt.MouseButton.LeftButton)
                    qtbot.waitUntil(lambda t=turn: len(called) == t + 1, timeout=PATIENCE_MS)
                    counters.append(panel.counter)
                    qtbot.waitUntil(lambda p=panel, n=called[-1].number:
                                    p.status.text().startswith(f"Called {n} to counter"),
                                    timeout=PATIENCE_MS)
                assert [c.number for c in called] == expected
                assert [c.counter for c in called] == counters == [1, 2] * 3 + [1]
                assert not any(c.recall for c in called)
                qtbot.mouseClick(one.window.queue.call_next, Qt.MouseButton.LeftButton)
                qtbot.waitUntil(lambda: "Nobody is waiting" in one.window.queue.status.text(),
                                timeout=PATIENCE_MS)
        finally:
            kiosk.stop()
