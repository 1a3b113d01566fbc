"""Garbage and mischief through the real broker: the real hub refuses each piece with a
logged reason, counts it on /healthz, keeps running, and changes nothing it has stored."""

from __future__ import annotations

import json
import re
import sqlite3
import time
import uuid
from pathlib import Path

import pytest

from kiosk.core.help.events import new_raise
from kiosk.core.settings import Role
from kiosk.net.broker import MosquittoBroker
from kiosk.protocol import Codec, topics
from kiosk.protocol.help_messages import EventAck, HelpEventMessage
from kiosk.protocol.pin_messages import PinPurpose, PinReply, PinRequest
from kiosk.protocol.staff_commands import CallNext
from kiosk.protocol.staff_messages import ActionResult, StaffAction
from kiosk.protocol.ticket_messages import TicketReply, TicketRequest
from tests.helpers.branch import STAFF_PINS
from tests.helpers.hub_process import HubProcess, running_hub
from tests.helpers.raw_device import RawDevice
from tests.helpers.waiting import wait_until

pytestmark = pytest.mark.e2e

B = "demo-branch"


def _rows(hub: HubProcess) -> tuple[list[tuple[str, str]], int]:
    database = sqlite3.connect(f"file:{hub.db_path}?mode=ro", uri=True)
    try:
        events = database.execute("SELECT id, body FROM help_events ORDER BY id").fetchall()
        queue = database.execute("SELECT COUNT(*) FROM queue_events").fetchone()[0]
    finally:
        database.close()
    return events, queue


def _envelope(sender: str, kind: str, body: dict[str, object], version: int = 1) -> bytes:
    return json.dumps({"v": version, "type": kind, "id": uuid.uuid4().hex, "sender": sender,
                       "sent_at": time.time(), "body": body}).encode()


def _rejections(hub: HubProcess) -> dict[str, int]:
    answer = hub.healthz()
    assert answer is not None, "the hub stopped answering"
    return dict(answer[1]["rejections"])


def test_bad_input_is_refused_counted_and_logged_and_the_hub_carries_on(
        mosquitto: MosquittoBroker, tmp_path: Path) -> None:
    with running_hub(tmp_path, mosquitto.port) as hub:
        kiosk = RawDevice(mosquitto.host, mosquitto.port, "kiosk-1", branch=B, role=Role.KIOSK)
        console = RawDevice(mosquitto.host, mosquitto.port, "console-1", branch=B,
                            role=Role.CONSOLE)
        raised = new_raise("kiosk-1", time.time())
        kiosk.publish(topics.kiosk_help(B, "kiosk-1"), HelpEventMessage(raised))
        kiosk.wait_for(EventAck, lambda a: raised.id in a.ids)
        kiosk.publish(topics.ticket_request(B, "kiosk-1"),
                      TicketRequest(uuid.uuid4().hex, "cash", False, "en"))
        kiosk.wait_for(TicketReply)
        session = _sign_in(console)
        call = StaffAction(uuid.uuid4().hex, "li-ming", session, CallNext(1))
        call_payload = console.publish(topics.console_action(B, "console-1"), call)
        console.wait_for(ActionResult, lambda r: r.action_id == call.action_id)
        before = _rows(hub)

        request_topic = topics.ticket_request(B, "kiosk-1")
        body = {"request_id": uuid.uuid4().hex, "service_id": "cash", "priority": False,
                "language": "en"}
        intruder_topic = topics.kiosk_help(B, "kiosk-9")
        intruder = Codec(B, "kiosk-9", "hub").prepare(
            intruder_topic, HelpEventMessage(new_raise("kiosk-9", time.time())),
            sent_at=time.time()).payload
        sends: list[tuple[str, bytes, str]] = [
            (request_topic, b'{"v": 1, "type": "ticket.request", ', "malformed_json"),
            (request_topic, b"{" + b" " * 20_000 + b"}", "too_large"),
            (request_topic, _envelope("kiosk-1", "ticket.please", body), "unknown_type"),
            (request_topic, _envelope("kiosk-1", "ticket.request", body, version=7),
             "unsupported_version"),
            (request_topic, _envelope("kiosk-2", "ticket.request", body), "sender_mismatch"),
            (topics.console_action(B, "console-1"), call_payload, "replayed_action"),
            (intruder_topic, intruder, "unknown_device"),
        ]
        for topic, payload, _reason in sends:
            kiosk.publish_raw(topic, payload)
        expected = {reason: 1 for _topic, _payload, reason in sends}
        wait_until(lambda: all(_rejections(hub).get(r, 0) >= n for r, n in expected.items()),
                   timeout_s=10, what=f"rejections {expected} on /healthz")
        log = hub.log()
        for reason in expected:
            assert f": {reason}: " in log, f"no logged reason for {reason}"
        # the replayed action was answered with its stored result, and not done again
        results = console.wait_count(ActionResult, 2)
        assert results[1] == results[0]
        assert _rows(hub) == before
        # the hub still works
        kiosk.publish(request_topic, TicketRequest(uuid.uuid4().hex, "pension", True, "en"))
        kiosk.wait_count(TicketReply, 2)
        status, report = hub.healthz() or (0, {})
        assert status == 200 and report["ok"]
        kiosk.close()
        console.close()


def _sign_in(console: RawDevice) -> str:
    request = PinRequest(uuid.uuid4().hex, "li-ming", STAFF_PINS["li-ming"],
                         PinPurpose.CONSOLE_SIGN_IN)
    console.publish(topics.pin_request(B, Role.CONSOLE, "console-1"), request)
    reply = console.wait_for(PinReply)
    assert reply.session is not None
    return reply.session


def test_a_flood_of_bad_messages_is_counted_exactly_and_logged_in_few_lines(
        mosquitto: MosquittoBroker, tmp_path: Path) -> None:
    """10,000 refused messages in a few seconds: /healthz counts every one, while the log
    holds the first few in full and a sum per second, not one line per message."""
    flood = 10_000
    with running_hub(tmp_path, mosquitto.port, **{"broker.rejection_log_every_s": 1.0}) as hub:
        kiosk = RawDevice(mosquitto.host, mosquitto.port, "kiosk-1", branch=B, role=Role.KIOSK)
        topic = topics.ticket_request(B, "kiosk-1")
        started = time.monotonic()
        for _ in range(flood):
            kiosk.publish_raw(topic, b'{"v":1,"type":', qos=0)
        kiosk.publish_raw(topic, b"{}")  # QoS 1 after the QoS 0 burst: it is all sent
        wait_until(lambda: _rejections(hub).get("malformed_json") == flood,
                   what="the hub counted the flood", timeout_s=60)
        elapsed = time.monotonic() - started
        kiosk.close()

        def logged() -> tuple[list[str], int]:
            """The flood's log lines, and how many refusals they account for."""
            lines = [line for line in hub.log().splitlines() if "malformed_json" in line]
            in_full = sum(f"dropped {topic}: malformed_json" in line for line in lines)
            summed = sum(int(found.group(1)) for line in lines if (found := re.search(
                r"dropped (\d+) more malformed_json from kiosk-1", line)))
            return lines, in_full + summed

        wait_until(lambda: logged()[1] == flood, what="the log accounts for every refusal",
                   timeout_s=10)
        lines, _ = logged()
        assert _rejections(hub)["malformed_json"] == flood
        assert len(lines) <= 4 * (elapsed + 3), f"{len(lines)} lines in {elapsed:.1f} s"
