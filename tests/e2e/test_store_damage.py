"""A damaged or missing device store never stops a help call.

The kiosk's SQLite file is damaged the two ways a disk does it: bytes changed inside (a
page of the file), and the header. The kiosk is started on it as a branch starts it; the
unsent call inside reaches a real hub through a real broker, the damaged file is kept for
IT under another name, and the kiosk's heartbeat tells the consoles. With a folder where
nothing can be written, the kiosk still raises calls (kept in memory) and says so.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.core.help.events import Category, new_raise
from kiosk.net.broker import MosquittoBroker
from kiosk.net.console_client import ConsoleClient, ConsoleHooks
from kiosk.net.device_link import DeviceLink, identity_for
from kiosk.net.event_sender import EventSender
from kiosk.net.headless import HeadlessDevice, headless_console, headless_kiosk
from kiosk.net.local_store import LocalStore
from kiosk.protocol import Decoded, topics
from kiosk.protocol.device_messages import Component, Heartbeat
from tests.helpers.hub_process import HubProcess, running_hub
from tests.helpers.unwritable import small_disk, unwritable_folder
from tests.helpers.waiting import wait_until

PATIENCE_S = 15.0


class StoreReports:
    """What the kiosks' heartbeats say about their stores, as a console hears them."""

    def __init__(self, console: HeadlessDevice[ConsoleClient]) -> None:
        self._lock = threading.Lock()
        self.stores: dict[str, Component] = {}
        console.client.listener = ConsoleHooks(on_liveness=self._heard)

    def _heard(self, decoded: Decoded) -> None:
        if isinstance(decoded.message, Heartbeat):
            with self._lock:
                self.stores[decoded.sender] = decoded.message.health.store

    def of(self, device_id: str) -> Component | None:
        with self._lock:
            return self.stores.get(device_id)


@pytest.fixture
def hub(mosquitto: MosquittoBroker, tmp_path: Path) -> Iterator[HubProcess]:
    with running_hub(tmp_path / "hub", mosquitto.port,
                     **{"help.escalate_after_s": 60.0, "help.resignal_after_s": 120.0}) as hub:
        yield hub


@pytest.fixture
def console(hub: HubProcess, tmp_path: Path) -> Iterator[HeadlessDevice[ConsoleClient]]:
    device = headless_console(hub.config, "console-1", tmp_path / "console")
    device.start()
    yield device
    device.stop()


def store_with_an_unsent_call(hub: HubProcess, path: Path) -> str:
    """A kiosk store as a kiosk leaves it when it dies before sending a call: earlier calls
    (so the file has several pages), and the new call committed to its outbox."""
    config = hub.config
    link = DeviceLink(config, identity_for(config, "kiosk-1"), on_message=lambda d: None,
                      dispatch=lambda job: None)  # never started: nothing is published
    store = LocalStore(path)
    for back in range(40, 0, -1):
        store.add_event(new_raise("kiosk-1", time.time() - 3600 - back,
                                  category=Category.OTHER))
    sender = EventSender(store, link, time.time)
    event = new_raise("kiosk-1", time.time(), category=Category.MEDICAL)
    sender.send(event, topics.kiosk_help(config.branch.id, "kiosk-1"))
    assert store.outbox_length() == 1
    store.close()
    assert not Path(str(path) + "-wal").exists()  # all of it is in the file now
    return event.call_id


def damage(path: Path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    assert len(data) > offset + 12
    data[offset:offset + 12] = bytes(b ^ 0x5A for b in data[offset:offset + 12])
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("offset", [4096, 0], ids=["inside", "header"])
def test_the_unsent_call_in_a_damaged_store_reaches_the_hub(
        hub: HubProcess, console: HeadlessDevice[ConsoleClient], tmp_path: Path,
        offset: int) -> None:
    reports = StoreReports(console)
    data = tmp_path / "kiosk"
    data.mkdir()
    path = data / "kiosk-1.sqlite"
    call_id = store_with_an_unsent_call(hub, path)
    damage(path, offset)

    kiosk = headless_kiosk(hub.config, "kiosk-1", data).start()
    try:
        wait_until(lambda: call_id in console.client.calls, PATIENCE_S,
                   "the stored call reaches the console")
        wait_until(lambda: kiosk.client.sender.pending() == 0, PATIENCE_S,
                   "the hub stores the call")
        call = kiosk.client.call
        assert call is not None and call.call_id == call_id and call.is_open
        assert call.category is Category.MEDICAL
        assert len(list(data.glob("kiosk-1.sqlite.damaged-*"))) == 1  # kept for IT
        wait_until(lambda: reports.of("kiosk-1") is Component.DEGRADED, PATIENCE_S,
                   "the heartbeat says the store was set aside")

        # The fresh store works: the next call is stored and delivered too.
        kiosk.call(lambda: kiosk.client.customer_fine())
        wait_until(lambda: kiosk.client.sender.pending() == 0, PATIENCE_S,
                   "the next event is stored")
    finally:
        kiosk.stop()


def test_a_kiosk_with_no_writable_folder_still_raises_calls(
        hub: HubProcess, console: HeadlessDevice[ConsoleClient], tmp_path: Path) -> None:
    reports = StoreReports(console)
    with unwritable_folder(tmp_path / "kiosk") as data:
        kiosk = headless_kiosk(hub.config, "kiosk-1", data).start()
        try:
            wait_until(lambda: kiosk.link.connected, PATIENCE_S, "the kiosk connects")
            call = kiosk.call(lambda: kiosk.client.raise_help(Category.MEDICAL))
            call_id = call.call_id  # type: ignore[attr-defined]
            wait_until(lambda: call_id in console.client.calls, PATIENCE_S,
                       "the call reaches the console")
            wait_until(lambda: kiosk.client.sender.pending() == 0, PATIENCE_S,
                       "the hub stores the call")
            wait_until(lambda: reports.of("kiosk-1") is Component.FAILED, PATIENCE_S,
                       "the heartbeat says calls are kept in memory only")
        finally:
            kiosk.stop()
        assert list(data.iterdir()) == []


def test_a_kiosk_whose_disk_fills_up_still_raises_calls(
        hub: HubProcess, console: HeadlessDevice[ConsoleClient], tmp_path: Path) -> None:
    reports = StoreReports(console)
    with small_disk(tmp_path / "kiosk") as fill:
        kiosk = headless_kiosk(hub.config, "kiosk-1", tmp_path / "kiosk").start()
        try:
            wait_until(lambda: kiosk.link.connected, PATIENCE_S, "the kiosk connects")
            wait_until(lambda: reports.of("kiosk-1") is Component.OK, PATIENCE_S,
                       "the kiosk's store is fine at first")
            fill()
            call = kiosk.call(lambda: kiosk.client.raise_help(Category.MEDICAL))
            call_id = call.call_id  # type: ignore[attr-defined]
            wait_until(lambda: call_id in console.client.calls, PATIENCE_S,
                       "the call reaches the console")
            wait_until(lambda: kiosk.client.sender.pending() == 0, PATIENCE_S,
                       "the hub stores the call")
            wait_until(lambda: reports.of("kiosk-1") is Component.FAILED, PATIENCE_S,
                       "the heartbeat says calls are kept in memory only")
        finally:
            kiosk.stop()
