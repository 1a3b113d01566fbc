"""A program reads the previous protocol version too, so a branch can upgrade one machine at
a time; and it can write the previous version while older machines remain."""

from __future__ import annotations

import json

import pytest

from kiosk.core.help.events import new_raise
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
from kiosk.protocol.help_messages import NO_RUN, HelpState
from kiosk.protocol.ticket_messages import TicketRequest
from kiosk.protocol.versions import CHANGES

B = "b001"
STATE_TOPIC = topics.help_state(B)
REQUEST = "cd" * 16
AT = 1795741200.5
EVENT = new_raise("kiosk-1", AT)

V1_STATE = {
    "v": 1, "type": "help.state", "id": "ab" * 16, "sender": "hub", "sent_at": AT,
    "body": {"updated_at": AT, "events": [EVENT.to_dict()]},
}


def decode_state(envelope: dict[str, object]) -> Decoded | Rejection:
    return decode(STATE_TOPIC, json.dumps(envelope).encode(), branch=B, hub_id="hub")


def test_the_current_and_the_previous_version_are_read() -> None:
    assert CURRENT_VERSION == 2
    assert SUPPORTED_VERSIONS == (CURRENT_VERSION - 1, CURRENT_VERSION)


def test_a_version_1_state_from_an_old_hub_reads_as_one_that_numbers_no_changes() -> None:
    result = decode_state(V1_STATE)
    assert isinstance(result, Decoded), result
    assert result.version == 1
    assert result.message == HelpState(AT, (EVENT,), run=NO_RUN, seq=0)


def test_version_1_is_written_in_the_old_shape_for_old_machines() -> None:
    payload = encode(HelpState(AT, (EVENT,), run="ef" * 16, seq=7), "hub", "ab" * 16,
                     sent_at=AT, version=1)
    assert json.loads(payload) == V1_STATE


def test_version_0_is_no_longer_read() -> None:
    result = decode_state({**V1_STATE, "v": 0})
    assert isinstance(result, Rejection) and result.code is RejectCode.UNSUPPORTED_VERSION


@pytest.mark.parametrize("field", ["run", "seq"])
def test_a_version_1_state_with_a_version_2_field_is_refused(field: str) -> None:
    envelope = json.loads(json.dumps(V1_STATE))
    envelope["body"][field] = "ef" * 16 if field == "run" else 3
    result = decode_state(envelope)
    assert isinstance(result, Rejection)
    assert result.code is RejectCode.UNEXPECTED_FIELD
    assert f"field {field!r} is not part of version 1" in result.reason


def test_a_version_2_state_without_its_numbers_is_refused() -> None:
    result = decode_state({**V1_STATE, "v": 2})
    assert isinstance(result, Rejection) and result.code is RejectCode.MISSING_FIELD


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
