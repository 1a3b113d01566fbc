"""The real hub's two listeners: the status page a customer's phone opens from the QR code,
and /healthz for the bank's monitoring, which must notice a broker that went away."""

from __future__ import annotations

import socket
import sqlite3
import time
import uuid
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from kiosk.core.help.events import new_raise
from kiosk.core.settings import Role
from kiosk.net.broker import MosquittoBroker, free_port
from kiosk.protocol import topics
from kiosk.protocol.help_messages import EventAck, HelpEventMessage
from kiosk.protocol.ticket_messages import TicketReply, TicketRequest
from tests.helpers.hub_process import prepare_hub, running_hub
from tests.helpers.raw_device import RawDevice
from tests.helpers.waiting import wait_until

pytestmark = pytest.mark.e2e

B = "demo-branch"


def _ticket(kiosk: RawDevice, service_id: str) -> TicketReply:
    request = TicketRequest(uuid.uuid4().hex, service_id, False, "zh_CN")
    kiosk.publish(topics.ticket_request(B, kiosk.device_id), request)
    reply = kiosk.wait_for(TicketReply, lambda r: r.request_id == request.request_id)
    assert reply.ticket is not None and reply.ticket.status_token is not None
    return reply


def test_the_status_page_shows_a_ticket_for_its_token_only(mosquitto: MosquittoBroker,
                                                           tmp_path: Path) -> None:
    with running_hub(tmp_path, mosquitto.port) as hub:
        kiosk = RawDevice(mosquitto.host, mosquitto.port, "kiosk-1", branch=B, role=Role.KIOSK)
        _ticket(kiosk, "pension")
        mine = _ticket(kiosk, "pension").ticket
        assert mine is not None and mine.status_token is not None
        status, page = hub.get(f"/t/{mine.status_token}")
        assert status == 200
        assert "B002" in page and "养老金" in page and "Pensions" in page
        assert mine.people_ahead == 1
        assert "One person is waiting before you." in page and "您前面还有1人在等候。" in page

        status, page = hub.get("/t/" + "A" * 22)
        assert status == 404 and "B002" not in page and "not valid" in page
        assert hub.get("/t/../../etc/passwd")[0] == 404

        # a token of another day, and one past its expiry, are refused like unknown ones
        database = sqlite3.connect(hub.db_path)
        with database:
            database.execute("INSERT INTO ticket_tokens (token, number, day, expires_at) "
                             "VALUES (?, 'B001', '2020-01-01', ?)",
                             ("old-day-token-0000000", time.time() + 3600))
            database.execute("INSERT INTO ticket_tokens (token, number, day, expires_at) "
                             "VALUES (?, 'B001', ?, ?)",
                             ("expired-token-00000000", _today(), time.time() - 1))
        database.close()
        for token in ("old-day-token-0000000", "expired-token-00000000"):
            status, page = hub.get(f"/t/{token}")
            assert status == 404 and "B001" not in page
        kiosk.close()


def _today() -> str:
    """Today in the branch's time zone (the example branch's)."""
    return datetime.now(ZoneInfo("Asia/Shanghai")).date().isoformat()


def test_healthz_reports_the_broker_and_the_database(mosquitto: MosquittoBroker,
                                                     tmp_path: Path) -> None:
    with running_hub(tmp_path, mosquitto.port) as hub:
        status, report = hub.healthz() or (0, {})
        assert status == 200 and report["ok"]
        assert report["broker"]["connected"] and report["database"]["ok"]
        assert report["open_calls"] == 0 and report["rejections"] == {}
        assert report["uptime_s"] >= 0

        mosquitto.stop()
        wait_until(lambda: (hub.healthz() or (0, {}))[0] == 503, timeout_s=15,
                   what="/healthz to report the broker gone")
        status, report = hub.healthz() or (0, {})
        assert not report["ok"] and not report["broker"]["connected"]
        assert report["database"]["ok"]

        mosquitto.start()  # same port: the hub finds it again on its own
        wait_until(lambda: (hub.healthz() or (0, {}))[0] == 200, timeout_s=15,
                   what="/healthz to report the broker back")


def test_the_hub_starts_without_a_broker_and_says_so(tmp_path: Path) -> None:
    hub = prepare_hub(tmp_path, free_port()).start(wait_for_broker=False)
    try:
        status, report = hub.healthz() or (0, {})
        assert status == 503 and not report["broker"]["connected"]
        assert report["database"]["ok"]
    finally:
        assert hub.stop() == 0


def _threads(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("Threads:"):
            return int(line.split()[1])
    raise AssertionError("no thread count")


def _closed_by_hub(sock: socket.socket) -> bool:
    sock.settimeout(15)  # liveness only
    try:
        while sock.recv(4096):
            pass
    except TimeoutError:
        return False
    except ConnectionResetError:
        return True
    return True


def test_idle_connections_neither_stop_the_page_nor_the_hub_and_are_closed(
        mosquitto: MosquittoBroker, tmp_path: Path) -> None:
    """500 connections that never send a request: a phone still gets its page at once, in
    its own language first; the hub still stores help calls; the hub does not grow a thread
    per connection; and after the timeout every one of them has been closed."""
    with running_hub(tmp_path, mosquitto.port, **{"status_page.idle_timeout_s": 2.0}) as hub:
        kiosk = RawDevice(mosquitto.host, mosquitto.port, "kiosk-1", branch=B, role=Role.KIOSK)
        request = TicketRequest(uuid.uuid4().hex, "pension", False, "en")
        kiosk.publish(topics.ticket_request(B, "kiosk-1"), request)
        reply = kiosk.wait_for(TicketReply, lambda r: r.request_id == request.request_id)
        assert reply.ticket is not None and reply.ticket.status_token is not None
        host, port = hub.config.status_page.listen.rsplit(":", 1)
        assert hub.process is not None
        threads_before = _threads(hub.process.pid)
        idle = [socket.create_connection((host, int(port))) for _ in range(500)]
        try:
            status, page = hub.get(f"/t/{reply.ticket.status_token}")
            assert status == 200 and "Pensions" in page
            assert page.index("Your ticket") < page.index("排队号码")
            raised = new_raise("kiosk-1", time.time())
            kiosk.publish(topics.kiosk_help(B, "kiosk-1"), HelpEventMessage(raised))
            kiosk.wait_for(EventAck, lambda a: raised.id in a.ids)
            assert _threads(hub.process.pid) <= threads_before + 8
            assert all(_closed_by_hub(sock) for sock in idle)
        finally:
            for sock in idle:
                sock.close()
            kiosk.close()
        answer = hub.healthz()
        assert answer is not None
        counts = answer[1]["status_page"]
        assert counts["timed_out"] + counts["evicted"] >= 500 and counts["answered"] >= 1
