"""Every message type survives the wire: what one program sends, another reads unchanged."""

from __future__ import annotations

import dataclasses
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_protocol_samples import BRANCH, HUB, STRATEGIES, any_message, help_events, placement

from kiosk.core.help.events import Category, HelpEvent, HelpEventKind, Outcome
from kiosk.core.settings import Role
from kiosk.protocol import (
    CURRENT_VERSION,
    Codec,
    Decoded,
    InvalidMessage,
    Message,
    RejectCode,
    Rejection,
    decode,
    encode,
    prepare,
    topics,
)
from kiosk.protocol.help_messages import NO_RUN, HelpEventMessage, HelpState
from kiosk.protocol.pin_messages import PinPurpose, PinReply, PinRequest
from kiosk.protocol.staff_commands import CallNext
from kiosk.protocol.staff_messages import StaffAction
from kiosk.protocol.ticket_messages import IssuedTicket, TicketReply, TicketRequest

SENT_AT = 1795741200.25


def round_trip(message: Message, version: int = CURRENT_VERSION) -> Decoded:
    topic, sender = placement(message)
    out = prepare(topic, message, sender=sender, sent_at=SENT_AT, hub_id=HUB, version=version)
    result = decode(topic, out.payload, branch=BRANCH, hub_id=HUB)
    assert isinstance(result, Decoded), result
    return result


@pytest.mark.parametrize("type_name", sorted(STRATEGIES))
@settings(max_examples=60)
@given(data=st.data())
def test_every_type_round_trips_unchanged(type_name: str, data: st.DataObject) -> None:
    message = data.draw(STRATEGIES[type_name])
    decoded = round_trip(message)
    assert decoded.message == message
    assert decoded.message.TYPE == type_name
    assert decoded.sent_at == SENT_AT
    assert decoded.version == CURRENT_VERSION


@settings(max_examples=200)
@given(any_message)
def test_the_previous_version_carries_every_message_unchanged(message: Message) -> None:
    """All but the numbers of a help state, which version 1 does not have."""
    expected = (dataclasses.replace(message, run=NO_RUN, seq=0)
                if isinstance(message, HelpState) else message)
    assert round_trip(message, version=CURRENT_VERSION - 1).message == expected


def test_the_envelope_carries_sender_id_and_time() -> None:
    request = TicketRequest("ab" * 16, "deposits", True, "zh_CN")
    payload = encode(request, "kiosk-1", "cd" * 16, sent_at=SENT_AT)
    envelope = json.loads(payload)
    assert envelope == {"v": CURRENT_VERSION, "type": "ticket.request", "id": "cd" * 16,
                        "sender": "kiosk-1", "sent_at": SENT_AT,
                        "body": {"request_id": "ab" * 16, "service_id": "deposits",
                                 "priority": True, "language": "zh_CN"}}
    decoded = decode(topics.ticket_request(BRANCH, "kiosk-1"), payload, branch=BRANCH,
                     hub_id=HUB)
    assert isinstance(decoded, Decoded)
    assert (decoded.sender, decoded.msg_id) == ("kiosk-1", "cd" * 16)
    assert decoded.topic.device_id == "kiosk-1"


def test_each_encode_gets_a_fresh_message_id_unless_one_is_given() -> None:
    request = TicketRequest("ab" * 16, "deposits", False, "en")
    first = json.loads(encode(request, "kiosk-1", sent_at=SENT_AT))["id"]
    second = json.loads(encode(request, "kiosk-1", sent_at=SENT_AT))["id"]
    assert first != second
    resent = encode(request, "kiosk-1", first, sent_at=SENT_AT)
    assert json.loads(resent)["id"] == first


def test_chinese_text_travels_as_utf8_not_escapes() -> None:
    event = HelpEvent(id="ab" * 16, call_id="cd" * 16, kiosk_id="kiosk-1",
                      kind=HelpEventKind.RESOLVED, origin="console-1", at=5.0,
                      staff_id="wang-fang", outcome=Outcome.HELPED, note="已陪同客户办理")
    payload = encode(HelpEventMessage(event), "console-1", sent_at=SENT_AT)
    assert "已陪同客户办理".encode() in payload


def test_a_reply_is_either_a_ticket_or_a_reason() -> None:
    ticket = IssuedTicket("A012", "deposits", True, 3, 300, 900, 5.0)
    assert TicketReply("ab" * 16, ticket=ticket).ok
    with pytest.raises(InvalidMessage) as refused:
        TicketReply("ab" * 16)
    assert refused.value.code is RejectCode.BAD_VALUE


def test_an_invalid_message_cannot_be_built() -> None:
    with pytest.raises(InvalidMessage) as refused:
        TicketRequest("not-hex", "deposits", False, "en")
    assert refused.value.code is RejectCode.BAD_ID
    assert "request_id" in refused.value.reason


def test_secrets_stay_out_of_reprs() -> None:
    pin = PinRequest("ab" * 16, "wang-fang", "246813", PinPurpose.CONSOLE_SIGN_IN)
    token = "Zk3v9QpL0aXy7TbN2cRm5w"
    action = StaffAction("ab" * 16, "wang-fang", token, CallNext(3))
    reply = PinReply("ab" * 16, staff_id="wang-fang", session=token, expires_at=9.0)
    assert "246813" not in repr(pin)
    assert token not in repr(action)
    assert token not in repr(reply)


def test_prepare_gives_the_topics_qos_and_retain() -> None:
    codec = Codec(BRANCH, HUB, HUB)
    state = codec.prepare(topics.help_state(BRANCH), HelpState(1.0), sent_at=SENT_AT)
    assert (state.qos, state.retain) == (1, True)
    kiosk = Codec(BRANCH, "kiosk-1", HUB)
    from kiosk.protocol.device_messages import Presence

    will = kiosk.prepare(topics.presence(BRANCH, Role.KIOSK, "kiosk-1"), Presence(False),
                         sent_at=SENT_AT)
    assert (will.qos, will.retain) == (1, True)
    assert isinstance(kiosk.decode(will.topic, will.payload), Decoded)


def test_prepare_refuses_what_receivers_would_refuse() -> None:
    kiosk = Codec(BRANCH, "kiosk-1", HUB)
    raised = HelpEvent(id="ab" * 16, call_id="ab" * 16, kiosk_id="kiosk-2",
                       kind=HelpEventKind.RAISED, origin="kiosk-1", at=5.0,
                       category=Category.MEDICAL)
    with pytest.raises(InvalidMessage) as refused:
        kiosk.prepare(topics.kiosk_help(BRANCH, "kiosk-1"), HelpEventMessage(raised),
                      sent_at=SENT_AT)
    assert refused.value.code is RejectCode.TOPIC_MISMATCH
    with pytest.raises(InvalidMessage) as wrong_topic:
        kiosk.prepare(topics.kiosk_help(BRANCH, "kiosk-2"),
                      TicketRequest("ab" * 16, "deposits", False, "en"), sent_at=SENT_AT)
    assert wrong_topic.value.code is RejectCode.TYPE_NOT_ALLOWED


@settings(max_examples=30)
@given(st.lists(help_events(), min_size=1, max_size=3))
def test_a_codec_decodes_only_its_own_branch(events: list[HelpEvent]) -> None:
    state = HelpState(1.0, tuple(events))
    payload = encode(state, HUB, sent_at=SENT_AT)
    other = Codec("b002", "console-1", HUB).decode(topics.help_state(BRANCH), payload)
    assert isinstance(other, Rejection) and other.code is RejectCode.WRONG_BRANCH
    mine = Codec(BRANCH, "console-1", HUB).decode(topics.help_state(BRANCH), payload)
    assert isinstance(mine, Decoded) and mine.message == state


def test_a_state_too_large_for_its_topic_is_refused_before_it_is_sent() -> None:
    note = "已陪同客户到柜台办理业务" * 40  # 480 characters, 1,440 bytes of UTF-8
    events = tuple(
        HelpEvent(id=f"{i:032x}", call_id="f" * 32, kiosk_id="kiosk-1",
                  kind=HelpEventKind.RESOLVED, origin="console-1", at=5.0,
                  staff_id="wang-fang", outcome=Outcome.HELPED, note=note)
        for i in range(1, 400))
    with pytest.raises(InvalidMessage) as refused:
        encode(HelpState(1.0, events), HUB, sent_at=SENT_AT)
    assert refused.value.code is RejectCode.TOO_LARGE
    assert "the limit is 262144" in refused.value.reason


def test_text_that_is_not_valid_unicode_is_refused_before_it_is_sent() -> None:
    """The help-event contract allows any note characters but control ones; a lone
    surrogate (possible from a buggy input method) cannot be written as UTF-8."""
    event = HelpEvent(id="ab" * 16, call_id="cd" * 16, kiosk_id="kiosk-1",
                      kind=HelpEventKind.RESOLVED, origin="console-1", at=5.0,
                      staff_id="wang-fang", outcome=Outcome.HELPED, note="ok\ud800")
    with pytest.raises(InvalidMessage) as refused:
        encode(HelpEventMessage(event), "console-1", sent_at=SENT_AT)
    assert refused.value.code is RejectCode.NOT_UTF8


def test_payloads_may_arrive_as_any_bytes_like_object() -> None:
    request = TicketRequest("ab" * 16, "deposits", False, "en")
    payload = encode(request, "kiosk-1", sent_at=SENT_AT)
    topic = topics.ticket_request(BRANCH, "kiosk-1")
    for form in (bytearray(payload), memoryview(payload)):
        result = decode(topic, form, branch=BRANCH, hub_id=HUB)
        assert isinstance(result, Decoded) and result.message == request
