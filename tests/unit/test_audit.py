"""The audit log: who did what when, never personal data, and tampering shows."""

from __future__ import annotations

import dataclasses
import json
import math
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.core.audit import (
    GENESIS_HASH,
    AuditAction,
    AuditEvent,
    DetailValue,
    InvalidAuditEvent,
    chain_hash,
    verify_chain,
)

EVENT_ID = "a" * 32


def called(**changes: Any) -> dict[str, Any]:
    d: dict[str, Any] = {
        "id": EVENT_ID,
        "at": 1_700_000_000.5,
        "actor": "wang-li",
        "device_id": "console-2",
        "action": "ticket_called",
        "subject": "A012",
        "detail": {"counter": 3, "service": "deposit", "priority": True, "wait_s": 412.5},
    }
    d.update(changes)
    return d


def test_an_event_survives_the_wire_unchanged() -> None:
    event = AuditEvent.from_dict(json.loads(json.dumps(called())))
    assert event.action is AuditAction.TICKET_CALLED
    assert event.detail == {"counter": 3, "service": "deposit", "priority": True, "wait_s": 412.5}
    assert event.to_dict() == called()
    assert AuditEvent.from_dict(event.to_dict()) == event


def test_an_event_without_subject_or_detail_leaves_them_out() -> None:
    event = AuditEvent.create(12.0, "hub-1", "hub-1", AuditAction.CONFIG_LOADED)
    assert set(event.to_dict()) == {"id", "at", "actor", "device_id", "action"}
    assert AuditEvent.from_dict(event.to_dict()) == event


def test_created_events_get_fresh_ids() -> None:
    a = AuditEvent.create(1.0, "kiosk-1", "kiosk-1", AuditAction.DEVICE_ONLINE)
    b = AuditEvent.create(1.0, "kiosk-1", "kiosk-1", AuditAction.DEVICE_ONLINE)
    assert a.id != b.id and len(a.id) == 32


def test_a_logged_fact_cannot_be_changed_through_the_callers_dict() -> None:
    detail: dict[str, DetailValue] = {"counter": 3}
    event = AuditEvent.create(
        1.0, "wang-li", "console-2", AuditAction.TICKET_CALLED, "A012", detail
    )
    detail["counter"] = 4
    assert event.detail == {"counter": 3}
    with pytest.raises(TypeError):
        event.detail["counter"] = 5  # type: ignore[index]
    with pytest.raises(dataclasses.FrozenInstanceError):
        event.subject = "A013"  # type: ignore[misc]


@pytest.mark.parametrize(
    "key",
    [
        "name",
        "phone",
        "id_card",
        "account",
        "card_number",
        "pin",
        "password",
        "customer_name",
        "phone_number",
        "account_id",
        "staff_pin",
        "bank_card_number",
    ],
)
def test_detail_keys_that_name_personal_data_are_refused(key: str) -> None:
    with pytest.raises(InvalidAuditEvent, match="personal data"):
        AuditEvent.from_dict(called(detail={key: "x"}))


@pytest.mark.parametrize("key", ["service", "counter", "reason", "pinned", "card_reader_ok"])
def test_detail_keys_that_merely_contain_those_letters_are_fine(key: str) -> None:
    assert AuditEvent.from_dict(called(detail={key: "x"})).detail == {key: "x"}


@pytest.mark.parametrize(
    "value", ["13800138000", "+86 138 0013 8000", "6222 0212 3456 7890", "11010519491231002X"]
)
def test_text_shaped_like_a_phone_card_or_id_number_is_refused(value: str) -> None:
    with pytest.raises(InvalidAuditEvent, match="personal number"):
        AuditEvent.from_dict(called(detail={"reason": value}))
    with pytest.raises(InvalidAuditEvent, match="'subject'"):
        AuditEvent.from_dict(called(subject=value.replace(" ", "").replace("+", "")))


@pytest.mark.parametrize("value", ["A012", "2024-01-15", "1234567", "c" * 32, "v1.2.3", "说明"])
def test_ordinary_text_is_kept(value: str) -> None:
    assert AuditEvent.from_dict(called(detail={"reason": value})).detail["reason"] == value


REJECTED: list[tuple[str, dict[str, Any], str]] = [
    ("unknown field", called(name="x"), "'name'"),
    ("missing action", {k: v for k, v in called().items() if k != "action"}, "'action'"),
    ("missing time", {k: v for k, v in called().items() if k != "at"}, "'at'"),
    ("unknown action", called(action="ticket_eaten"), "'action'"),
    ("action not text", called(action=1), "'action'"),
    ("bad id", called(id="xyz"), "'id'"),
    ("id not text", called(id=5), "'id'"),
    ("time NaN", called(at=math.nan), "'at'"),
    ("time infinite", called(at=math.inf), "'at'"),
    ("time negative", called(at=-5), "'at'"),
    ("time as text", called(at="now"), "'at'"),
    ("time as boolean", called(at=False), "'at'"),
    ("actor upper case", called(actor="Wang"), "'actor'"),
    ("actor missing", {k: v for k, v in called().items() if k != "actor"}, "'actor'"),
    ("device id with space", called(device_id="console 2"), "'device_id'"),
    ("subject with space", called(subject="A 012"), "'subject'"),
    ("subject too long", called(subject="A" * 65), "'subject'"),
    ("subject not text", called(subject=12), "'subject'"),
    ("detail not an object", called(detail=["counter", 3]), "'detail'"),
    ("detail key upper case", called(detail={"Counter": 3}), "'Counter'"),
    ("detail key not text", called(detail={3: 3}), "3"),
    ("detail value a list", called(detail={"counters": [1, 2]}), "'counters'"),
    ("detail value null", called(detail={"counter": None}), "'counter'"),
    ("detail value NaN", called(detail={"wait_s": math.nan}), "'wait_s'"),
    ("detail value too long", called(detail={"reason": "x" * 201}), "'reason'"),
    ("detail too big", called(detail={f"k{i}": i for i in range(17)}), "'detail'"),
]


@pytest.mark.parametrize(
    ("bad", "field"), [(b, f) for _, b, f in REJECTED], ids=[n for n, _, _ in REJECTED]
)
def test_bad_input_is_refused_with_a_reason_naming_the_field(
    bad: dict[str, Any], field: str
) -> None:
    with pytest.raises(InvalidAuditEvent) as info:
        AuditEvent.from_dict(bad)
    assert field in info.value.reason and isinstance(info.value, ValueError)


def test_input_that_is_not_an_object_is_refused() -> None:
    with pytest.raises(InvalidAuditEvent, match="object"):
        AuditEvent.from_dict([])  # type: ignore[arg-type]


# --- the hash chain -----------------------------------------------------------------------


def log_of(n: int) -> list[AuditEvent]:
    return [
        AuditEvent.create(
            float(i), "wang-li", "console-1", AuditAction.TICKET_CALLED, f"A{i:03}", {"counter": i}
        )
        for i in range(n)
    ]


def chained(events: list[AuditEvent], start: str = GENESIS_HASH) -> list[tuple[AuditEvent, str]]:
    rows, prev = [], start
    for event in events:
        prev = chain_hash(prev, event)
        rows.append((event, prev))
    return rows


def test_an_untouched_chain_verifies() -> None:
    assert verify_chain(chained(log_of(5))) is None
    assert verify_chain([]) is None


def test_the_hash_is_sha256_hex_and_depends_on_the_previous_row() -> None:
    event = log_of(1)[0]
    h = chain_hash(GENESIS_HASH, event)
    assert len(h) == 64 and set(h) <= set("0123456789abcdef")
    assert chain_hash(GENESIS_HASH, event) == h
    assert chain_hash("1" * 64, event) != h


def test_the_hash_does_not_depend_on_detail_order_or_how_the_event_was_decoded() -> None:
    one = AuditEvent(
        EVENT_ID, 1.0, "hub-1", "hub-1", AuditAction.DEVICE_OFFLINE, "kiosk-2", {"a": 1, "b": "x"}
    )
    two = AuditEvent(
        EVENT_ID, 1, "hub-1", "hub-1", AuditAction.DEVICE_OFFLINE, "kiosk-2", {"b": "x", "a": 1}
    )
    assert chain_hash(GENESIS_HASH, one) == chain_hash(GENESIS_HASH, two)
    decoded = AuditEvent.from_dict(json.loads(json.dumps(one.to_dict())))
    assert chain_hash(GENESIS_HASH, decoded) == chain_hash(GENESIS_HASH, one)


def test_an_edited_row_is_found() -> None:
    rows = chained(log_of(5))
    event, stored = rows[2]
    rows[2] = (dataclasses.replace(event, actor="zhao"), stored)
    assert verify_chain(rows) == 2


def test_a_deleted_row_is_found_where_it_was() -> None:
    rows = chained(log_of(5))
    del rows[2]
    assert verify_chain(rows) == 2


def test_swapped_rows_are_found() -> None:
    rows = chained(log_of(5))
    rows[1], rows[3] = rows[3], rows[1]
    assert verify_chain(rows) == 1


def test_a_rewritten_hash_is_found() -> None:
    rows = chained(log_of(3))
    rows[0] = (rows[0][0], "f" * 64)
    assert verify_chain(rows) == 0


def test_a_segment_of_the_log_verifies_from_the_hash_before_it() -> None:
    rows = chained(log_of(6))
    assert verify_chain(rows[3:], start_hash=rows[2][1]) is None
    assert verify_chain(rows[3:]) == 0


# --- properties ---------------------------------------------------------------------------

safe_keys = st.sampled_from(["counter", "service", "reason", "wait_s", "priority", "attempts"])
detail_values = (
    st.booleans()
    | st.integers(-(10**12), 10**12)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(st.characters(whitelist_categories=("L", "P", "Zs")), max_size=40)
)
audit_events = st.builds(
    AuditEvent,
    id=st.text("0123456789abcdef", min_size=32, max_size=32),
    at=st.floats(0, 4e9),
    actor=st.sampled_from(["wang-li", "zhao", "hub", "kiosk-1", "0"]),
    device_id=st.sampled_from(["kiosk-1", "console-2", "hub"]),
    action=st.sampled_from(AuditAction),
    subject=st.sampled_from(["", "A012", "c" * 32, "kiosk-1"]),
    detail=st.dictionaries(safe_keys, detail_values, max_size=6),
)


@given(audit_events)
def test_any_valid_event_round_trips_through_json(event: AuditEvent) -> None:
    wire = json.dumps(event.to_dict(), allow_nan=False, ensure_ascii=False)
    assert AuditEvent.from_dict(json.loads(wire)) == event


@given(st.lists(audit_events, min_size=1, max_size=6), st.data())
def test_any_single_edit_is_found_at_its_row(events: list[AuditEvent], data: st.DataObject) -> None:
    rows = chained(events)
    index = data.draw(st.integers(0, len(rows) - 1))
    event, stored = rows[index]
    edited = dataclasses.replace(event, at=event.at + 1)
    rows[index] = (edited, stored)
    assert verify_chain(rows) == index


json_values = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20)


@given(st.dictionaries(st.text(max_size=10), json_values | st.dictionaries(st.text(), json_values)))
def test_arbitrary_objects_are_refused_without_crashing(d: dict[str, object]) -> None:
    with pytest.raises(InvalidAuditEvent):
        AuditEvent.from_dict(d)
