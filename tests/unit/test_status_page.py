"""The status page over real HTTP: a valid token shows the ticket, anything else does not."""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import json
import re
import socket
import urllib.error
import urllib.request
from collections.abc import Iterator

import pytest

from kiosk.hub.http_server import HttpListener
from kiosk.hub.status_page import (
    STYLE_HASH,
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


def fetch_with_headers(url: str) -> tuple[int, dict[str, str], str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, dict(response.headers), response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode("utf-8")


@pytest.fixture
def guest_listener() -> Iterator[HttpListener]:
    listener = HttpListener(
        "127.0.0.1", 0,
        status_routes(lambda token: {TOKEN: VIEW, EN_TOKEN: EN_VIEW}.get(token)),
        idle_timeout_s=0.5, max_connections=5, style_hash=STYLE_HASH).start()
    yield listener
    listener.stop()


EN_TOKEN = "En3kQ9vX2mP7wL1rA8sD4f"
EN_VIEW = dataclasses.replace(VIEW, number="B008", language="en")


@pytest.mark.parametrize("path", [f"/t/{TOKEN}", "/t/unknown-token-0000000", "/"])
def test_every_answer_carries_the_security_headers(guest_listener: HttpListener,
                                                   path: str) -> None:
    status, headers, page = fetch_with_headers(f"http://127.0.0.1:{guest_listener.port}{path}")
    assert status in (200, 404)
    policy = headers["Content-Security-Policy"]
    assert "default-src 'none'" in policy and "frame-ancestors 'none'" in policy
    assert "script-src" not in policy and "unsafe-inline" not in policy
    # the one inline style sheet is allowed by its hash, and it is the page's style sheet
    style = re.search(r"<style>(.*?)</style>", page, flags=re.S)
    assert style is not None
    digest = base64.b64encode(hashlib.sha256(style.group(1).encode()).digest()).decode()
    assert f"style-src 'sha256-{digest}'" in policy
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "no-referrer"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Cache-Control"] == "no-store"


@pytest.mark.parametrize(("token", "first", "second"), [
    (EN_TOKEN, "4 people are waiting before you", "您前面还有4人在等候"),
    (TOKEN, "您前面还有4人在等候", "4 people are waiting before you")])
def test_the_page_speaks_the_tickets_own_language_first(guest_listener: HttpListener,
                                                        token: str, first: str,
                                                        second: str) -> None:
    status, page = fetch(f"http://127.0.0.1:{guest_listener.port}/t/{token}")
    assert status == 200
    assert page.index(first) < page.index(second)
    assert f"<html lang='{'en' if token == EN_TOKEN else 'zh-CN'}'>" in page


def _closed_by_server(sock: socket.socket) -> bool:
    """True when the server closes ``sock`` (within a generous liveness limit)."""
    sock.settimeout(10)
    try:
        while sock.recv(4096):
            pass
    except TimeoutError:
        return False
    except ConnectionResetError:
        return True
    return True


def test_an_idle_or_slow_connection_is_closed_after_the_timeout(
        guest_listener: HttpListener) -> None:
    idle = socket.create_connection(("127.0.0.1", guest_listener.port))
    slow = socket.create_connection(("127.0.0.1", guest_listener.port))
    try:
        slow.sendall(b"GET /t/" + TOKEN.encode() + b" HTTP/1.1\r\nHost: x\r\n")  # never ends
        assert _closed_by_server(idle) and _closed_by_server(slow)
    finally:
        idle.close()
        slow.close()
    assert guest_listener.counts.timed_out >= 2


def test_a_full_house_of_idle_connections_makes_room_for_a_real_request(
        guest_listener: HttpListener) -> None:
    hogs = [socket.create_connection(("127.0.0.1", guest_listener.port)) for _ in range(20)]
    try:
        status, page = fetch(f"http://127.0.0.1:{guest_listener.port}/t/{TOKEN}")
        assert status == 200 and "B007" in page
        assert guest_listener.counts.evicted >= 15
    finally:
        for hog in hogs:
            hog.close()


@pytest.mark.parametrize("request_bytes", [
    b"POST /t/x HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc",
    b"GET /t/x HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n",
    b"NONSENSE\r\n\r\n"])
def test_what_is_not_a_plain_get_is_refused(guest_listener: HttpListener,
                                            request_bytes: bytes) -> None:
    with socket.create_connection(("127.0.0.1", guest_listener.port), timeout=10) as sock:
        sock.sendall(request_bytes)
        answer = sock.recv(4096)
    assert answer.split(b" ")[1] in (b"400", b"405")
