"""The status page over real HTTP: a valid token shows the ticket, anything else does not."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections.abc import Iterator

import pytest

from kiosk.hub.status_page import (
    HttpListener,
    TicketView,
    health_routes,
    status_routes,
)

TOKEN = "Zt3kQ9vX2mP7wL1rA8sD4f"
VIEW = TicketView(
    number="B007",
    service={"zh_CN": "养老金", "en": "Pensions"},
    state="waiting",
    people_ahead=4,
    wait_low_min=10,
    wait_high_min=25,
    counter=None,
)


@pytest.fixture(scope="module")
def status_url() -> Iterator[str]:
    listener = HttpListener(
        "127.0.0.1", 0, status_routes(lambda token: VIEW if token == TOKEN else None)
    )
    listener.start()
    yield f"http://127.0.0.1:{listener.port}"
    listener.stop()


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def test_valid_token_shows_number_position_and_wait_in_both_languages(status_url: str) -> None:
    status, page = fetch(f"{status_url}/t/{TOKEN}")
    assert status == 200
    assert "B007" in page and "养老金" in page and "Pensions" in page
    assert "您前面还有4人在等候。" in page and "4 people are waiting before you." in page
    assert "预计等候10到25分钟" in page and "Expected wait: 10 to 25 minutes" in page


@pytest.mark.parametrize(
    "path",
    [
        f"/t/{TOKEN[:-1]}x",
        "/t/",
        "/t/../../etc/passwd",
        "/t/" + "A" * 200,
        "/",
        "/tickets",
        f"/t/{TOKEN}/x",
    ],
)
def test_wrong_token_or_path_shows_nothing_about_any_ticket(status_url: str, path: str) -> None:
    status, page = fetch(status_url + path)
    assert status == 404
    assert "B007" not in page
    assert "not valid or has expired" in page


def test_healthz_reports_state_and_fails_when_not_ok() -> None:
    report = {"ok": True, "broker": "connected", "database": "ok"}
    listener = HttpListener("127.0.0.1", 0, health_routes(lambda: report)).start()
    try:
        status, body = fetch(f"http://127.0.0.1:{listener.port}/healthz")
        assert status == 200 and json.loads(body)["broker"] == "connected"
        report.update(ok=False, broker="disconnected")
        status, body = fetch(f"http://127.0.0.1:{listener.port}/healthz")
        assert status == 503 and json.loads(body)["broker"] == "disconnected"
    finally:
        listener.stop()

