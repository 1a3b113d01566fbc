"""A program reads the previous protocol version too, so a branch can upgrade one machine at
a time; and it can write the previous version while older machines remain."""

from __future__ import annotations

import json

import pytest

from kiosk.protocol import (
    CURRENT_VERSION,
    SUPPORTED_VERSIONS,
    Decoded,
    InvalidMessage,
    RejectCode,
    Rejection,
    decode,
    encode,
    topics,
)
from kiosk.protocol.ticket_messages import IssuedTicket, TicketReply, TicketRequest
from kiosk.protocol.versions import CHANGES

B = "b001"
REPLY_TOPIC = topics.hub_reply(B, "kiosk-1")
REQUEST = "cd" * 16

V0_REPLY = {
    "v": 0, "type": "ticket.reply", "id": "ab" * 16, "sender": "hub", "ts": 1795741200.5,
    "body": {"request_id": REQUEST, "ok": True, "ticket": {
        "number": "A012", "service_id": "deposits", "priority": True, "people_ahead": 3,
        "wait_s": [300, 900], "issued_at": 1795741200.5}},
}
TICKET = IssuedTicket("A012", "deposits", True, 3, 300, 900, 1795741200.5)


def decode_reply(envelope: dict[str, object]) -> Decoded | Rejection:
    return decode(REPLY_TOPIC, json.dumps(envelope).encode(), branch=B, hub_id="hub")


def test_the_current_and_the_previous_version_are_read() -> None:
    assert CURRENT_VERSION == 1
    assert SUPPORTED_VERSIONS == (CURRENT_VERSION - 1, CURRENT_VERSION)


def test_a_version_0_reply_from_an_old_hub_gives_the_same_ticket() -> None:
    result = decode_reply(V0_REPLY)
    assert isinstance(result, Decoded), result
    assert result.version == 0
    assert result.sent_at == 1795741200.5
    assert result.message == TicketReply(REQUEST, ticket=TICKET)


def test_version_0_is_written_in_the_old_shape_for_old_machines() -> None:
    payload = encode(TicketReply(REQUEST, ticket=TICKET), "hub", "ab" * 16,
                     sent_at=1795741200.5, version=0)
    assert json.loads(payload) == V0_REPLY


def test_a_version_1_message_in_version_0_shape_is_refused() -> None:
    mixed = {**V0_REPLY, "v": 1}
    result = decode_reply(mixed)
    assert isinstance(result, Rejection)
    assert result.code is RejectCode.MISSING_FIELD and "'sent_at'" in result.reason


@pytest.mark.parametrize(("change", "code", "reason"), [
    (lambda e: e.pop("ts"), RejectCode.MISSING_FIELD, "missing field 'ts'"),
    (lambda e: e.update(sent_at=1.0), RejectCode.UNEXPECTED_FIELD,
     "field 'sent_at' is not part of version 0"),
    (lambda e: e["body"]["ticket"].update(wait_s=300), RejectCode.WRONG_TYPE,
     "field 'wait_s' must be an array of two numbers"),
    (lambda e: e["body"]["ticket"].pop("wait_s"), RejectCode.MISSING_FIELD,
     "missing field 'wait_s'"),
    (lambda e: e["body"]["ticket"].update(wait_low_s=1), RejectCode.UNEXPECTED_FIELD,
     "field 'wait_low_s' is not part of version 0"),
    (lambda e: e["body"]["ticket"].update(wait_s=[900, 300]), RejectCode.BAD_VALUE,
     "'wait_low_s' exceeds 'wait_high_s'"),
])
def test_a_broken_version_0_message_is_refused_with_a_reason(change: object, code: RejectCode,
                                                             reason: str) -> None:
    envelope = json.loads(json.dumps(V0_REPLY))
    change(envelope)  # type: ignore[operator]
    result = decode_reply(envelope)
    assert isinstance(result, Rejection)
    assert result.code is code and reason in result.reason, result


def test_types_without_changes_read_the_same_in_both_versions() -> None:
    request = TicketRequest(REQUEST, "deposits", False, "en")
    for version in SUPPORTED_VERSIONS:
        payload = encode(request, "kiosk-1", sent_at=5.0, version=version)
        result = decode(topics.ticket_request(B, "kiosk-1"), payload, branch=B, hub_id="hub")
        assert isinstance(result, Decoded) and result.message == request
        assert result.version == version


def test_an_unsupported_version_cannot_be_written() -> None:
    with pytest.raises(InvalidMessage) as refused:
        encode(TicketRequest(REQUEST, "deposits", False, "en"), "kiosk-1", sent_at=5.0,
               version=CURRENT_VERSION + 1)
    assert refused.value.code is RejectCode.UNSUPPORTED_VERSION


def test_every_change_names_a_supported_version_and_is_described() -> None:
    for change in CHANGES:
        assert change.version in SUPPORTED_VERSIONS and change.version > 0
        assert change.summary
