"""Each kind of bad input is refused with its own code and a reason that names the problem."""

from __future__ import annotations

import json
from dataclasses import dataclass

import pytest

from kiosk.core.settings import Role
from kiosk.protocol import RejectCode, Rejection, decode, topics
from kiosk.protocol.rejection import HELD_STATE
from kiosk.protocol.topics import MAX_PAYLOAD_BYTES

R = RejectCode
B = "b001"
HUB = "hub"
KIOSK_HELP = topics.kiosk_help(B, "kiosk-1")
TICKET_REQUEST = topics.ticket_request(B, "kiosk-1")
CALL = "0e1d678c173b4a1da9b63dd756a90d35"
TOKEN = "Zk3v9QpL0aXy7TbN2cRm5w"


def envelope(type_name: str, body: object, sender: str = "kiosk-1", **envelope_fields: object
             ) -> dict[str, object]:
    out: dict[str, object] = {"v": 1, "type": type_name, "id": "ab" * 16, "sender": sender,
                              "sent_at": 1795741200, "body": body}
    out.update(envelope_fields)
    return out


def raise_body(**changes: object) -> dict[str, object]:
    body: dict[str, object] = {"id": CALL, "call_id": CALL, "kiosk_id": "kiosk-1",
                               "kind": "raised", "origin": "kiosk-1", "at": 1795741200,
                               "category": "unspecified"}
    body.update(changes)
    return {k: v for k, v in body.items() if v is not None}


def ticket_body(**changes: object) -> dict[str, object]:
    body: dict[str, object] = {"request_id": "cd" * 16, "service_id": "deposits",
                               "priority": False, "language": "en"}
    body.update(changes)
    return {k: v for k, v in body.items() if v is not None}


def raw(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False).encode()


@dataclass(frozen=True)
class Bad:
    name: str
    topic: str
    payload: bytes
    code: RejectCode
    reason: str  # must appear in the rejection's reason
    retained: bool = False  # the broker's retain flag


CASES = [
    # where it came from
    Bad("outside the tree", "home/b001/kiosk/kiosk-1/help", b"{}", R.BAD_TOPIC,
        "is not under 'bank/<branch>/'"),
    Bad("unknown channel", "bank/b001/kiosk/kiosk-1/help/x/y", b"{}", R.BAD_TOPIC,
        "no channel 'help/x/y' for a kiosk"),
    Bad("wildcard in a level", "bank/b001/kiosk/+/help", b"{}", R.BAD_TOPIC, "is not an id"),
    Bad("unknown role", "bank/b001/teller/t1/help", b"{}", R.BAD_TOPIC, "unknown role"),
    Bad("another branch", "bank/b002/kiosk/kiosk-1/help", b"{}", R.WRONG_BRANCH,
        "topic is for branch 'b002', this is 'b001'"),
    # the bytes
    Bad("empty payload", KIOSK_HELP, b"", R.EMPTY, "cleared retained message"),
    Bad("retained on an event topic", KIOSK_HELP, raw(envelope("help.event", raise_body())),
        R.RETAINED, "a retained copy on bank/<branch>/kiosk/<kiosk_id>/help", retained=True),
    Bad("over the size limit", KIOSK_HELP, b"{" + b" " * MAX_PAYLOAD_BYTES + b"}",
        R.TOO_LARGE, "the limit on this topic is 16384"),
    Bad("not UTF-8", KIOSK_HELP, b'{"v": "\xff\xfe"}', R.NOT_UTF8, "not UTF-8 at byte 7"),
    Bad("unpaired surrogate", KIOSK_HELP, b'{"v": "\\ud800"}', R.NOT_UTF8,
        "unpaired surrogate"),
    Bad("malformed JSON", KIOSK_HELP, b'{"v": 1,,}', R.MALFORMED_JSON, "not JSON:"),
    Bad("trailing garbage", KIOSK_HELP, b'{"v": 1} x', R.MALFORMED_JSON, "Extra data"),
    Bad("duplicate key", KIOSK_HELP, b'{"v": 1, "v": 1}', R.DUPLICATE_KEY,
        "key 'v' appears twice"),
    Bad("NaN", KIOSK_HELP, b'{"v": NaN}', R.NON_FINITE, "NaN is not a JSON number"),
    Bad("-Infinity", KIOSK_HELP, b'{"v": -Infinity}', R.NON_FINITE, "-Infinity"),
    Bad("overflow to infinity", KIOSK_HELP, b'{"v": 1e999}', R.NON_FINITE,
        "'1e999' is not finite"),
    Bad("huge integer", KIOSK_HELP, b'{"v": ' + b"9" * 5000 + b"}", R.BAD_VALUE,
        "beyond +-2**53"),
    Bad("nested too deep", KIOSK_HELP, b'{"v": ' + b"[" * 20 + b"]" * 20 + b"}",
        R.TOO_DEEP, "nested deeper than 10 levels"),
    Bad("nested beyond the parser", KIOSK_HELP, b"[" * 15000, R.TOO_DEEP,
        "nested too deeply to parse"),
    Bad("an array", KIOSK_HELP, b"[1, 2]", R.NOT_AN_OBJECT, "a JSON object"),
    Bad("a string", KIOSK_HELP, b'"hello"', R.NOT_AN_OBJECT, "a JSON object"),
    # the envelope
    Bad("no version", KIOSK_HELP, raw({"type": "help.event"}), R.MISSING_FIELD,
        "missing field 'v'"),
    Bad("version as text", KIOSK_HELP, raw(envelope("help.event", raise_body(), v="1")),
        R.WRONG_TYPE, "field 'v' must be an integer, not string"),
    Bad("future version", KIOSK_HELP, raw(envelope("help.event", raise_body(), v=7)),
        R.UNSUPPORTED_VERSION, "version 7 is not supported (this program reads 1, 2)"),
    Bad("unknown type", KIOSK_HELP, raw(envelope("help.raise", raise_body())),
        R.UNKNOWN_TYPE, "unknown message type 'help.raise'"),
    Bad("type on the wrong topic", KIOSK_HELP, raw(envelope("ticket.request", ticket_body())),
        R.TYPE_NOT_ALLOWED,
        "ticket.request is not allowed on bank/<branch>/kiosk/<kiosk_id>/help"),
    Bad("reply published by a kiosk", topics.hub_reply(B, "kiosk-1"),
        raw(envelope("ticket.reply", {"request_id": "cd" * 16, "ok": False,
                                      "reason": "queue_full"}, sender="kiosk-1")),
        R.SENDER_MISMATCH, "sender 'kiosk-1' may not publish on a topic of hub 'hub'"),
    Bad("another kiosk's topic", KIOSK_HELP,
        raw(envelope("help.event", raise_body(), sender="kiosk-2")), R.SENDER_MISMATCH,
        "sender 'kiosk-2' may not publish on a topic of kiosk 'kiosk-1'"),
    Bad("origin is not the sender", KIOSK_HELP,
        raw(envelope("help.event", raise_body(origin="kiosk-2"))), R.SENDER_MISMATCH,
        "event origin 'kiosk-2' is not the sender 'kiosk-1'"),
    Bad("bad message id", KIOSK_HELP, raw(envelope("help.event", raise_body(), id="AB" * 16)),
        R.BAD_ID, "field 'id' must be 32 lowercase hex characters"),
    Bad("bad sender id", KIOSK_HELP, raw(envelope("help.event", raise_body(), sender="Kiosk 1")),
        R.BAD_ID, "field 'sender' must be 1..32 characters"),
    Bad("extra envelope field", KIOSK_HELP,
        raw(envelope("help.event", raise_body(), colour="red")), R.UNEXPECTED_FIELD,
        "unexpected field 'colour'"),
    Bad("time as text", KIOSK_HELP, raw(envelope("help.event", raise_body(),
                                                 sent_at="1795741200")),
        R.WRONG_TYPE, "field 'sent_at' must be a number, not string"),
    Bad("negative time", KIOSK_HELP, raw(envelope("help.event", raise_body(), sent_at=-1)),
        R.BAD_VALUE, "field 'sent_at' must be between 0"),
    Bad("body not an object", KIOSK_HELP, raw(envelope("help.event", [1])), R.WRONG_TYPE,
        "field 'body' must be an object, not array"),
    # the body
    Bad("missing body field", TICKET_REQUEST,
        raw(envelope("ticket.request", ticket_body(service_id=None))), R.MISSING_FIELD,
        "ticket.request: missing field 'service_id'"),
    Bad("extra body field", TICKET_REQUEST,
        raw(envelope("ticket.request", ticket_body(colour="red"))), R.UNEXPECTED_FIELD,
        "ticket.request: unexpected field 'colour'"),
    Bad("null for a value", TICKET_REQUEST,
        raw(envelope("ticket.request", {**ticket_body(), "priority": None})), R.WRONG_TYPE,
        "field 'priority' must be true or false, not null"),
    Bad("number as boolean", TICKET_REQUEST,
        raw(envelope("ticket.request", ticket_body(priority=1))), R.WRONG_TYPE,
        "field 'priority' must be true or false, not number"),
    Bad("bad request id", TICKET_REQUEST,
        raw(envelope("ticket.request", ticket_body(request_id="12"))), R.BAD_ID,
        "ticket.request: field 'request_id' must be 32 lowercase hex characters"),
    Bad("bad language", TICKET_REQUEST,
        raw(envelope("ticket.request", ticket_body(language="Chinese"))), R.BAD_VALUE,
        "field 'language' must be a language such as zh_CN or en"),
    Bad("float where an integer belongs", topics.console_action(B, "console-1"),
        raw(envelope("staff.action", {"action_id": "cd" * 16, "staff_id": "wang-fang",
                                      "session": TOKEN, "kind": "call_next",
                                      "args": {"counter": 3.0}}, sender="console-1")),
        R.WRONG_TYPE, "staff.action: in 'args': field 'counter' must be an integer"),
    Bad("unknown action", topics.console_action(B, "console-1"),
        raw(envelope("staff.action", {"action_id": "cd" * 16, "staff_id": "wang-fang",
                                      "session": TOKEN, "kind": "open_vault", "args": {}},
                     sender="console-1")),
        R.BAD_VALUE, "field 'kind' has unknown value 'open_vault'"),
    Bad("overlong text", topics.announcement(B),
        raw(envelope("announcement", {"announcement_id": "cd" * 16, "active": True,
                                      "text": {"en": "x" * 301}, "at": 1}, sender=HUB)),
        R.TOO_LONG, "announcement: field 'text.en' is longer than 300 characters"),
    Bad("control character in text", topics.announcement(B),
        raw(envelope("announcement", {"announcement_id": "cd" * 16, "active": True,
                                      "text": {"en": "bell\u0007"}, "at": 1}, sender=HUB)),
        R.BAD_VALUE, "field 'text.en' holds a control character"),
    Bad("too many ids", topics.hub_ack(B, "kiosk-1"),
        raw(envelope("event.ack", {"ids": ["cd" * 16] * 101}, sender=HUB)),
        R.TOO_MANY_ITEMS, "event.ack: field 'ids' has 101 items; at most 100 are allowed"),
    Bad("no ids", topics.hub_ack(B, "kiosk-1"),
        raw(envelope("event.ack", {"ids": []}, sender=HUB)), R.BAD_VALUE,
        "needs at least 1 item"),
    Bad("wait range upside down", topics.hub_reply(B, "kiosk-1"),
        raw(envelope("ticket.reply", {"request_id": "cd" * 16, "ok": True, "ticket": {
            "number": "A012", "service_id": "deposits", "priority": False,
            "people_ahead": 3, "wait_low_s": 900, "wait_high_s": 300, "issued_at": 1}},
            sender=HUB)),
        R.BAD_VALUE, "ticket.reply: in 'ticket': field 'wait_low_s' exceeds 'wait_high_s'"),
    Bad("reason on a granted ticket", topics.hub_reply(B, "kiosk-1"),
        raw(envelope("ticket.reply", {"request_id": "cd" * 16, "ok": True,
                                      "reason": "queue_full"}, sender=HUB)),
        R.UNEXPECTED_FIELD, "field 'reason' is not allowed when 'ok' is true"),
    Bad("unknown enum value", topics.hub_reply(B, "kiosk-1"),
        raw(envelope("ticket.reply", {"request_id": "cd" * 16, "ok": False,
                                      "reason": "too_busy"}, sender=HUB)),
        R.BAD_VALUE, "field 'reason' has unknown value 'too_busy' (allowed: unknown_service"),
    Bad("not a real date", topics.queue_state(B),
        raw(envelope("queue.state", {"day": "2026-02-30", "updated_at": 1, "services": [],
                                     "waiting": [], "serving": []}, sender=HUB)),
        R.BAD_VALUE, "field 'day' is not a real date"),
    Bad("help event the contract refuses", KIOSK_HELP,
        raw(envelope("help.event", raise_body(category=None))), R.BAD_HELP_EVENT,
        "help.event: missing field 'category' for a raised event"),
    Bad("help event in a state list", topics.help_state(B),
        raw(envelope("help.state", {"updated_at": 1, "events": [raise_body(kind="shouted")]},
                     sender=HUB)),
        R.BAD_HELP_EVENT, "help.state: in 'events[0]': field 'kind' has unknown value"),
    # the body against the topic
    Bad("event about another kiosk", KIOSK_HELP,
        raw(envelope("help.event", raise_body(kiosk_id="kiosk-2"))), R.TOPIC_MISMATCH,
        "help.event: event about kiosk 'kiosk-2' on the topic of kiosk 'kiosk-1'"),
    Bad("console event for another kiosk's topic", topics.console_help(B, "console-1", "kiosk-2"),
        raw(envelope("help.event", {"id": "ef" * 16, "call_id": CALL, "kiosk_id": "kiosk-1",
                                    "kind": "acknowledged", "origin": "console-1", "at": 1,
                                    "staff_id": "wang-fang"}, sender="console-1")),
        R.TOPIC_MISMATCH, "event about kiosk 'kiosk-1' on the topic of kiosk 'kiosk-2'"),
    Bad("received naming another console", topics.console_help(B, "console-1", "kiosk-1"),
        raw(envelope("help.event", {"id": "ef" * 16, "call_id": CALL, "kiosk_id": "kiosk-1",
                                    "kind": "received", "origin": "console-1", "at": 1,
                                    "console_id": "console-2"}, sender="console-1")),
        R.TOPIC_MISMATCH, "'received' names console 'console-2'"),
    Bad("drill for another kiosk", topics.drill(B, "kiosk-1"),
        raw(envelope("drill", {"kiosk_id": "kiosk-2", "call_id": CALL,
                               "staff_id": "wang-fang"}, sender=HUB)),
        R.TOPIC_MISMATCH, "drill for kiosk 'kiosk-2' on the topic of kiosk 'kiosk-1'"),
    Bad("a kiosk acknowledging its own call", KIOSK_HELP,
        raw(envelope("help.event", {"id": "ef" * 16, "call_id": CALL, "kiosk_id": "kiosk-1",
                                    "kind": "acknowledged", "origin": "kiosk-1", "at": 1,
                                    "staff_id": "wang-fang"})),
        R.ROLE_NOT_ALLOWED, "a kiosk may not originate 'acknowledged' events"),
    Bad("a console raising a call", topics.console_help(B, "console-1", "kiosk-1"),
        raw(envelope("help.event", raise_body(origin="console-1"), sender="console-1")),
        R.ROLE_NOT_ALLOWED, "a console may not originate 'raised' events"),
    Bad("a kiosk signing in staff", topics.pin_request(B, Role.KIOSK, "kiosk-1"),
        raw(envelope("pin.request", {"request_id": "cd" * 16, "staff_id": "wang-fang",
                                     "pin": "2468", "purpose": "console_sign_in"})),
        R.ROLE_NOT_ALLOWED, "a kiosk may not ask for a PIN check for 'console_sign_in'"),
]


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_bad_input_is_refused_with_its_code_and_reason(case: Bad) -> None:
    result = decode(case.topic, case.payload, branch=B, hub_id=HUB, retained=case.retained)
    assert isinstance(result, Rejection)
    assert result.code is case.code, result
    assert case.reason in result.reason, result


def test_every_code_has_a_bad_example() -> None:
    """Codes that need what a receiver holds have their examples where it is held
    (tests/unit/test_hub_authority.py, tests/unit/test_console_call_binding.py)."""
    assert {case.code for case in CASES} == set(RejectCode) - HELD_STATE


def test_a_bad_pin_is_refused_without_echoing_it() -> None:
    topic = topics.pin_request(B, Role.CONSOLE, "console-1")
    payload = raw(envelope("pin.request", {"request_id": "cd" * 16, "staff_id": "wang-fang",
                                           "pin": "24a8x1", "purpose": "console_sign_in"},
                           sender="console-1"))
    result = decode(topic, payload, branch=B, hub_id=HUB)
    assert isinstance(result, Rejection) and result.code is RejectCode.BAD_VALUE
    assert "pin" in result.reason and "24a8x1" not in result.reason


def test_a_bad_session_token_is_refused_without_echoing_it() -> None:
    secret = "short-token!"
    payload = raw(envelope("staff.action", {"action_id": "cd" * 16, "staff_id": "wang-fang",
                                            "session": secret, "kind": "sign_out",
                                            "args": {}}, sender="console-1"))
    result = decode(topics.console_action(B, "console-1"), payload, branch=B, hub_id=HUB)
    assert isinstance(result, Rejection) and result.code is RejectCode.BAD_VALUE
    assert "session" in result.reason and secret not in result.reason


def test_reasons_are_ascii_and_short_whatever_was_sent() -> None:
    hostile = "\u202e" + "语" * 5000
    payload = raw(envelope(hostile, raise_body()))
    result = decode(KIOSK_HELP, payload, branch=B, hub_id=HUB)
    assert isinstance(result, Rejection) and result.code is RejectCode.UNKNOWN_TYPE
    assert result.reason.isascii() and len(result.reason) < 120


def test_any_branch_and_any_hub_when_asked() -> None:
    payload = raw(envelope("presence", {"online": True}, sender="hub-2"))
    result = decode(topics.presence("b002", Role.HUB, None), payload, branch=None,
                    hub_id=None)
    assert not isinstance(result, Rejection), result


def test_a_retained_copy_is_read_where_the_topic_is_retained() -> None:
    topic = topics.presence(B, Role.KIOSK, "kiosk-1")
    payload = raw(envelope("presence", {"online": True}))
    assert not isinstance(decode(topic, payload, branch=B, hub_id=HUB, retained=True),
                          Rejection)
