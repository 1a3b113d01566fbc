"""End-to-end fixtures: real brokers on loopback, started fresh for each test."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest

from kiosk.net.broker import EmbeddedBroker, MosquittoBroker
from tests.helpers.brokers import running_broker


@pytest.fixture
def mosquitto(tmp_path: Path) -> Iterator[MosquittoBroker]:
    with running_broker("mosquitto", tmp_path / "broker") as broker:
        assert isinstance(broker, MosquittoBroker)
        yield broker


@pytest.fixture(params=["mosquitto", "embedded"])
def any_broker(request: pytest.FixtureRequest,
               tmp_path: Path) -> Iterator[MosquittoBroker | EmbeddedBroker]:
    with running_broker(request.param, tmp_path / "broker") as broker:
        yield broker


@pytest.fixture
def stack() -> Iterator[ExitStack]:
    """Closed when the test ends: what a test starts on it (a `Branch`'s parts) is stopped."""
    with ExitStack() as exits:
        yield exits


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Counts a test recorded with ``record_property("role_matrix", ...)``, shown with or
    without ``-s``: how many combinations the role matrix tried and refused."""
    lines = [str(value) for outcome in ("passed", "failed")
             for report in terminalreporter.stats.get(outcome, [])
             for name, value in getattr(report, "user_properties", ())
             if name == "role_matrix"]
    if lines:
        terminalreporter.write_sep("-", "who may do what")
        for line in lines:
            terminalreporter.write_line(line)
