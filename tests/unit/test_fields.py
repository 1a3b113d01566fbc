"""One module validates every record: one error type, one set of checks, each caller's words."""

from __future__ import annotations

import math

import pytest

from kiosk.core import fields
from kiosk.core.audit import AuditEvent, InvalidAuditEvent
from kiosk.core.config import ConfigError, parse_config
from kiosk.core.fields import FieldCode, FieldError, Fields, read_object, reported_as
from kiosk.core.help.events import HelpEvent, InvalidEvent
from kiosk.core.queue.events import QueueEvent, QueueEventError
from kiosk.protocol import fields as protocol_fields
from kiosk.protocol import topics
from kiosk.protocol.codec import decode
from kiosk.protocol.rejection import InvalidMessage, RejectCode, Rejection

EVENT_ID = "0" * 32


def test_every_kind_of_field_problem_is_a_protocol_rejection_code() -> None:
    assert {code.value for code in FieldCode} <= {code.value for code in RejectCode}


@pytest.mark.parametrize("error", [InvalidEvent, InvalidAuditEvent, QueueEventError,
                                   InvalidMessage, ConfigError])
def test_every_validation_error_is_the_one_field_error(error: type[Exception]) -> None:
    assert issubclass(error, FieldError) and issubclass(error, ValueError)


@pytest.mark.parametrize(("refuse", "error"), [
    (lambda: HelpEvent.from_dict({"id": 3}), InvalidEvent),
    (lambda: AuditEvent.from_dict({"id": EVENT_ID, "at": "now"}), InvalidAuditEvent),
    (lambda: QueueEvent.from_dict({"kind": "called", "at": math.nan, "number": "A001",
                                   "counter": 1}), QueueEventError),
    (lambda: protocol_fields.require_int("x", "count"), InvalidMessage),
    (lambda: parse_config("[branch]\nid = 3\n"), ConfigError),
])
def test_each_record_is_refused_with_its_own_error_type(refuse: object,
                                                         error: type[FieldError]) -> None:
    with pytest.raises(error) as info:
        refuse()  # type: ignore[operator]
    assert info.value.reason


def test_a_core_check_inside_the_protocol_is_a_counted_rejection_with_its_code() -> None:
    with pytest.raises(InvalidMessage) as info:
        protocol_fields.require_number(math.inf, "sent_at")
    assert info.value.code is RejectCode.NON_FINITE
    assert info.value.as_rejection() == Rejection("field 'sent_at' must be a finite number",
                                                  RejectCode.NON_FINITE)


def test_a_protocol_reader_reports_nested_problems_as_rejections_naming_the_place() -> None:
    def build(f: protocol_fields.Fields) -> int:
        return f.obj("inner", lambda g: g.integer("n"))

    with pytest.raises(InvalidMessage) as info:
        protocol_fields.read_object({"inner": {"n": 1, "extra": 2}}, build, "body")
    assert info.value.code is RejectCode.UNEXPECTED_FIELD
    assert info.value.reason == "in 'body': in 'inner': unexpected field 'extra'"


def test_the_core_reader_refuses_unread_keys_and_null_for_absent() -> None:
    with pytest.raises(FieldError) as info:
        read_object({"a": 1, "b": None}, lambda f: f.opt_number("b"), reader=Fields)
    assert info.value.code is FieldCode.WRONG_TYPE and "'b'" in info.value.reason
    assert read_object({"a": 1}, lambda f: f.integer("a"), reader=Fields) == 1


def test_reported_as_keeps_the_code_and_may_give_the_callers_own_words() -> None:
    with pytest.raises(QueueEventError) as info, reported_as(QueueEventError, "my words"):
        fields.require_int(True, "counter")
    assert (info.value.reason, info.value.code) == ("my words", FieldCode.WRONG_TYPE)


def test_a_help_event_is_refused_the_same_way_on_the_wire_and_in_code() -> None:
    payload = (b'{"v":1,"type":"help.event","id":"' + b"1" * 32 + b'","sender":"kiosk-1",'
               b'"sent_at":1.0,"body":{"id":"' + b"2" * 32 + b'","call_id":"' + b"2" * 32
               + b'","kiosk_id":"kiosk-1","kind":"raised","origin":"kiosk-1","at":-1,'
               b'"category":"medical"}}')
    result = decode(topics.kiosk_help("b1", "kiosk-1"), payload, branch=None, hub_id=None)
    assert result == Rejection("help.event: field 'at' must be at least 0, got -1",
                               RejectCode.BAD_HELP_EVENT)
