"""Two branches bridged to a central broker: the centre sees both branches' calls, a branch
cut off from the centre carries on alone, and the centre catches up when the link returns."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import pytest

from kiosk.core.config import BranchConfig, load_config
from kiosk.core.help.events import Category
from kiosk.core.help.state import CallStatus
from kiosk.deploy.bridge import bridge_config
from kiosk.net.broker import MosquittoBroker, free_port
from kiosk.net.headless import headless_console, headless_kiosk
from tests.helpers.branch import branch_settings, to_toml
from tests.helpers.waiting import wait_until


def watcher_id(branch_id: str) -> str:
    """One watching connection per branch at the centre, each with its own client id."""
    return f"watch-{branch_id}"


def branch_config(folder: Path, branch_id: str, broker_port: int) -> BranchConfig:
    settings: dict[str, Any] = branch_settings(broker_port, **{"branch.id": branch_id})
    settings["devices"].append({"id": watcher_id(branch_id), "role": "console",
                                "name": {"zh_CN": "总行监控", "en": "Head office watch"}})
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{branch_id}.toml"
    path.write_text(to_toml(settings), encoding="utf-8")
    return load_config(path)


@pytest.fixture
def stack() -> Iterator[ExitStack]:
    with ExitStack() as exits:
        yield exits


def test_centre_watches_both_branches_and_catches_up_after_a_cut(tmp_path: Path,
                                                                stack: ExitStack) -> None:
    central = MosquittoBroker(tmp_path / "central").start()
    stack.callback(central.stop)
    branches = {}
    for name in ("branch-a", "branch-b"):
        port = free_port()
        probe = branch_config(tmp_path / "probe", name, port)
        broker = MosquittoBroker(tmp_path / name, port=port, extra_config=bridge_config(
            probe, "127.0.0.1", central.port, restart_s=1)).start()
        stack.callback(broker.stop)
        local = branch_config(tmp_path / name / "config", name, broker.port)
        at_centre = branch_config(tmp_path / name / "central-config", name, central.port)
        kiosk = headless_kiosk(local, "kiosk-1", tmp_path / name / "kiosk").start()
        console = headless_console(local, "console-lobby", tmp_path / name / "console").start()
        watcher = headless_console(at_centre, watcher_id(name), tmp_path / name / "watch",
                                   read_only=True, heartbeats=False).start()
        for device in (kiosk, console, watcher):
            stack.callback(device.stop)
        branches[name] = (kiosk, console, watcher)
    for kiosk, console, watcher in branches.values():
        wait_until(lambda k=kiosk, c=console, w=watcher: k.link.connected and c.link.connected
                   and w.link.connected, what="everyone connected")

    # A call in either branch appears at the centre.
    first = {}
    for name, (kiosk, _, _) in branches.items():
        first[name] = kiosk.call(lambda k=kiosk: k.client.raise_help(Category.MEDICAL).call_id)
    for name, (_, _, watcher) in branches.items():
        wait_until(lambda w=watcher, n=name: first[n] in w.client.calls,
                   what=f"the centre sees {name}'s call")
    # The watcher only watches: it never confirms or acknowledges.
    kiosk_a, console_a, watcher_a = branches["branch-a"]
    assert watcher_a.call(lambda: watcher_a.client.acknowledge(first["branch-a"], "li-ming")) \
        == "this console only watches that branch"
    wait_until(lambda: kiosk_a.client.call.received_by == {"console-lobby"},
               what="only the branch's own console confirmed")

    # Cut the link: the centre goes away. Branch A handles a new call on its own.
    central.stop()
    assert console_a.call(lambda: console_a.client.acknowledge(first["branch-a"], "li-ming")) \
        is None
    wait_until(lambda: kiosk_a.client.call.status is CallStatus.ACKNOWLEDGED,
               what="branch A's own console answers while the centre is away")

    central.start()
    wait_until(lambda: watcher_a.client.calls[first["branch-a"]].acknowledged_by == "li-ming",
               timeout_s=15, what="the centre catches up when the link returns")
    kiosk_b, _, watcher_b = branches["branch-b"]
    assert first["branch-a"] not in watcher_b.client.calls  # branches stay apart
