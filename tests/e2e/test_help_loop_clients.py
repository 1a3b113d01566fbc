"""The help loop between real kiosk and console clients through a real broker."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.core.config import BranchConfig, load_config
from kiosk.core.help.events import Category
from kiosk.core.help.state import CallStatus
from kiosk.net.broker import EmbeddedBroker, MosquittoBroker
from kiosk.net.console_client import ConsoleClient
from kiosk.net.headless import HeadlessDevice, headless_console, headless_kiosk
from kiosk.net.kiosk_client import KioskClient
from tests.helpers.branch import write_branch_config
from tests.helpers.waiting import wait_until


@pytest.fixture
def branch(tmp_path: Path, any_broker: MosquittoBroker | EmbeddedBroker) -> BranchConfig:
    return load_config(write_branch_config(tmp_path / "config", any_broker.port))


@pytest.fixture
def kiosk(branch: BranchConfig, tmp_path: Path) -> Iterator[HeadlessDevice[KioskClient]]:
    device = headless_kiosk(branch, "kiosk-1", tmp_path / "kiosk").start()
    yield device
    device.stop()


@pytest.fixture
def consoles(branch: BranchConfig,
             tmp_path: Path) -> Iterator[list[HeadlessDevice[ConsoleClient]]]:
    devices = [headless_console(branch, name, tmp_path / name).start()
               for name in ("console-lobby", "console-1")]
    yield devices
    for device in devices:
        device.stop()


def test_call_reaches_both_consoles_and_the_kiosk_learns_who_is_coming(
        kiosk: HeadlessDevice[KioskClient],
        consoles: list[HeadlessDevice[ConsoleClient]]) -> None:
    lobby, counter = consoles
    for device in (kiosk, lobby, counter):
        wait_until(lambda d=device: d.link.connected,
                   what=f"{device.device_id} connected")
    wait_until(lambda: kiosk.call(lambda: kiosk.client.reachability().staff_reachable),
               what="kiosk sees a console online")

    call = kiosk.call(lambda: kiosk.client.raise_help(Category.MEDICAL))
    call_id = call.call_id  # type: ignore[attr-defined]

    for console in consoles:
        wait_until(lambda c=console: call_id in c.client.calls, what="console has the call")
    wait_until(lambda: kiosk.client.call is not None
               and kiosk.client.call.received_by == {"console-lobby", "console-1"},
               what="both consoles confirmed")
    assert kiosk.client.call.status is CallStatus.NOTIFIED

    assert lobby.call(lambda: lobby.client.acknowledge(call_id, "li-ming")) is None
    wait_until(lambda: kiosk.client.call.acknowledged_by == "li-ming",
               what="kiosk learns who is coming")
    wait_until(lambda: counter.client.calls[call_id].acknowledged_by == "li-ming",
               what="the other console sees the acknowledgement")
    assert counter.client.calls[call_id].category is Category.MEDICAL


def test_double_tap_raises_one_call(kiosk: HeadlessDevice[KioskClient],
                                    consoles: list[HeadlessDevice[ConsoleClient]]) -> None:
    first = kiosk.call(lambda: kiosk.client.raise_help())
    second = kiosk.call(lambda: kiosk.client.raise_help())
    third = kiosk.call(lambda: kiosk.client.raise_help())
    assert first.call_id == second.call_id == third.call_id  # type: ignore[attr-defined]
    lobby = consoles[0]
    wait_until(lambda: len(lobby.client.calls) == 1, what="console has the call")
