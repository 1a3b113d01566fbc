"""Test set-up shared by every layer: Qt renders offscreen, never on a real display, and only
end-to-end tests start a broker (tests/helpers/broker_guard.py)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.broker_guard import brokers_refused, install_refusing_mosquitto, mark_end_to_end

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.hookimpl(tryfirst=True)  # before ``-m`` selects by marker
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    mark_end_to_end(items)


@pytest.fixture(scope="session")
def refusing_mosquitto(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return install_refusing_mosquitto(tmp_path_factory.mktemp("refusing-mosquitto"))


@pytest.fixture(autouse=True)
def _brokers_only_in_e2e(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch,
                         refusing_mosquitto: Path) -> Iterator[None]:
    if request.node.get_closest_marker("e2e") is not None:
        yield
        return
    attempts = refusing_mosquitto / f"attempts-{os.getpid()}-{id(request.node)}.log"
    with brokers_refused(refusing_mosquitto, attempts, monkeypatch):
        yield
