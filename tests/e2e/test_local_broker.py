"""The demo's broker: the system Mosquitto when installed, else the embedded one, said loudly."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from kiosk.net import broker as broker_module
from kiosk.net.broker import EmbeddedBroker, MosquittoBroker, start_local_broker


def test_mosquitto_is_used_when_installed(tmp_path: Path) -> None:
    running = start_local_broker(tmp_path / "broker")
    try:
        assert isinstance(running, MosquittoBroker)
        conf = (tmp_path / "broker" / "mosquitto.conf").read_text()
        assert "set_tcp_nodelay true" in conf
        assert "persistence true" in conf
        assert "max_queued_messages 100000" in conf
    finally:
        running.stop()


def test_embedded_broker_with_a_warning_when_mosquitto_is_missing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setattr(broker_module, "mosquitto_binary", lambda: None)
    with caplog.at_level(logging.WARNING, logger="kiosk.net.broker"):
        running = start_local_broker(tmp_path / "broker")
    try:
        assert isinstance(running, EmbeddedBroker)
        assert any("never for a branch" in r.getMessage() for r in caplog.records)
    finally:
        running.stop()
