"""The help-event contract: what every node may send and must refuse."""

from __future__ import annotations

import json
import math
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.core.help.events import (
    NOTE_MAX_CHARS,
    Category,
    HelpEvent,
    HelpEventKind,
    InvalidEvent,
    Outcome,
    new_event_id,
    new_follow_up,
    new_raise,
)

K = HelpEventKind
CALL = "0123456789abcdef0123456789abcdef"
OTHER = "fedcba9876543210fedcba9876543210"


def raised_dict(**changes: Any) -> dict[str, Any]:
    d: dict[str, Any] = {
        "id": CALL,
        "call_id": CALL,
        "kiosk_id": "kiosk-1",
        "kind": "raised",
        "origin": "kiosk-1",
        "at": 1_700_000_000.25,
        "category": "unspecified",
    }
    d.update(changes)
    return d


def follow_up_dict(kind: str, **fields: Any) -> dict[str, Any]:
    d = raised_dict(id=OTHER, kind=kind, origin="console-2")
    del d["category"]
    d.update(fields)
    return d


# --- valid events -------------------------------------------------------------------------

VALID_BY_KIND = {
    K.RAISED: raised_dict(drill=True),
    K.CATEGORY_SET: follow_up_dict("category_set", category="private_talk"),
    K.CUSTOMER_FINE: follow_up_dict("customer_fine"),
    K.RECEIVED: follow_up_dict("received", console_id="console-2"),
    K.ACKNOWLEDGED: follow_up_dict("acknowledged", staff_id="wang-li"),
    K.ARRIVED: follow_up_dict("arrived", staff_id="wang-li"),
    K.RESOLVED: follow_up_dict(
        "resolved", staff_id="wang-li", outcome="helped", note="换了存折\nall fine"
    ),
    K.ESCALATED: follow_up_dict("escalated", level=2),
    K.RESIGNALLED: follow_up_dict("resignalled", level=1),
    K.FEEDBACK: follow_up_dict("feedback", helped=False),
}


def test_every_kind_has_a_valid_example() -> None:
    assert set(VALID_BY_KIND) == set(HelpEventKind)


@pytest.mark.parametrize("kind", list(HelpEventKind))
def test_each_kind_survives_the_wire_unchanged(kind: HelpEventKind) -> None:
    d = VALID_BY_KIND[kind]
    event = HelpEvent.from_dict(json.loads(json.dumps(d)))
    assert event.kind is kind
    assert event.to_dict() == d
    assert HelpEvent.from_dict(event.to_dict()) == event


def test_decoded_fields_become_enums_and_plain_values() -> None:
    event = HelpEvent.from_dict(VALID_BY_KIND[K.RESOLVED])
    assert event.outcome is Outcome.HELPED
    assert event.staff_id == "wang-li"
    assert event.note == "换了存折\nall fine"
    raised = HelpEvent.from_dict(raised_dict(at=12))
    assert raised.category is Category.UNSPECIFIED
    assert isinstance(raised.at, float) and raised.at == 12.0


def test_to_dict_leaves_out_fields_at_their_default() -> None:
    event = HelpEvent.from_dict(raised_dict())
    assert set(event.to_dict()) == {"id", "call_id", "kiosk_id", "kind", "origin", "at", "category"}
    fine = HelpEvent.from_dict(follow_up_dict("customer_fine"))
    assert "note" not in fine.to_dict() and "level" not in fine.to_dict()


def test_feedback_false_is_kept_not_dropped_as_a_default() -> None:
    assert HelpEvent.from_dict(VALID_BY_KIND[K.FEEDBACK]).to_dict()["helped"] is False


def test_new_event_ids_are_fresh_and_well_formed() -> None:
    ids = {new_event_id() for _ in range(200)}
    assert len(ids) == 200
    assert all(len(i) == 32 and set(i) <= set("0123456789abcdef") for i in ids)


def test_new_raise_starts_a_call_named_after_itself() -> None:
    event = new_raise("kiosk-3", 10.0, category=Category.GUIDANCE)
    assert event.call_id == event.id
    assert event.origin == "kiosk-3" and not event.drill
    drill = new_raise("kiosk-3", 10.0, drill=True, origin="console-1")
    assert drill.drill and drill.origin == "console-1" and drill.id != event.id


def test_new_follow_up_checks_its_fields() -> None:
    ack = new_follow_up(CALL, "kiosk-1", K.ACKNOWLEDGED, "console-1", 5.0, staff_id="li")
    assert ack.call_id == CALL and ack.id != CALL
    with pytest.raises(InvalidEvent, match="staff_id"):
        new_follow_up(CALL, "kiosk-1", K.ACKNOWLEDGED, "console-1", 5.0)


def test_invalid_event_is_a_value_error_with_a_reason() -> None:
    with pytest.raises(ValueError) as info:
        HelpEvent.from_dict(raised_dict(kind="exploded"))
    assert isinstance(info.value, InvalidEvent)
    assert "kind" in info.value.reason and str(info.value) == info.value.reason


def test_building_a_bad_event_in_code_fails_like_decoding_one() -> None:
    with pytest.raises(InvalidEvent, match="'at'"):
        HelpEvent(CALL, CALL, "kiosk-1", K.RAISED, "kiosk-1", math.nan, Category.OTHER)
    with pytest.raises(InvalidEvent, match="'outcome'"):
        HelpEvent(OTHER, CALL, "kiosk-1", K.RESOLVED, "console-1", 1.0, staff_id="li")


# --- invalid input ------------------------------------------------------------------------

REJECTED: list[tuple[str, dict[str, Any], str]] = [
    ("unknown field", raised_dict(colour="red"), "colour"),
    ("missing time", {k: v for k, v in raised_dict().items() if k != "at"}, "'at'"),
    ("missing kind", {k: v for k, v in raised_dict().items() if k != "kind"}, "'kind'"),
    ("id not a string", raised_dict(id=12), "'id'"),
    ("id upper case", raised_dict(id=CALL.upper(), call_id=CALL.upper()), "'id'"),
    ("id too short", raised_dict(id=CALL[:-1], call_id=CALL[:-1]), "'id'"),
    ("call id not hex", follow_up_dict("customer_fine", call_id="z" * 32), "'call_id'"),
    ("raise not its own call", raised_dict(call_id=OTHER), "'call_id'"),
    ("follow-up reusing call id", follow_up_dict("customer_fine", id=CALL), "'id'"),
    ("kiosk id upper case", raised_dict(kiosk_id="Kiosk-1"), "'kiosk_id'"),
    ("kiosk id leading dash", raised_dict(kiosk_id="-kiosk"), "'kiosk_id'"),
    ("kiosk id too long", raised_dict(kiosk_id="k" * 33), "'kiosk_id'"),
    ("origin empty", raised_dict(origin=""), "'origin'"),
    ("origin with space", raised_dict(origin="kiosk 1"), "'origin'"),
    ("unknown kind", raised_dict(kind="exploded"), "'kind'"),
    ("kind not a string", raised_dict(kind=3), "'kind'"),
    ("unknown category", raised_dict(category="scary"), "'category'"),
    (
        "raise without category",
        {k: v for k, v in raised_dict().items() if k != "category"},
        "'category'",
    ),
    ("category null on raise", raised_dict(category=None), "'category'"),
    ("unknown outcome", follow_up_dict("resolved", staff_id="li", outcome="vanished"), "'outcome'"),
    ("time is NaN", raised_dict(at=math.nan), "'at'"),
    ("time is infinite", raised_dict(at=math.inf), "'at'"),
    ("time is minus infinity", raised_dict(at=-math.inf), "'at'"),
    ("time negative", raised_dict(at=-1.0), "'at'"),
    ("time as text", raised_dict(at="12"), "'at'"),
    ("time as boolean", raised_dict(at=True), "'at'"),
    (
        "note too long",
        follow_up_dict(
            "resolved", staff_id="li", outcome="helped", note="x" * (NOTE_MAX_CHARS + 1)
        ),
        "'note'",
    ),
    (
        "note with control char",
        follow_up_dict("resolved", staff_id="li", outcome="helped", note="a\x00b"),
        "'note'",
    ),
    (
        "note not text",
        follow_up_dict("resolved", staff_id="li", outcome="helped", note=5),
        "'note'",
    ),
    ("resolve without outcome", follow_up_dict("resolved", staff_id="li"), "'outcome'"),
    ("resolve without staff", follow_up_dict("resolved", outcome="helped"), "'staff_id'"),
    ("ack without staff", follow_up_dict("acknowledged"), "'staff_id'"),
    ("ack with bad staff id", follow_up_dict("acknowledged", staff_id="Wang Li"), "'staff_id'"),
    ("received without console", follow_up_dict("received"), "'console_id'"),
    ("escalated without level", follow_up_dict("escalated"), "'level'"),
    ("escalated at level 0", follow_up_dict("escalated", level=0), "'level'"),
    ("level as boolean", follow_up_dict("escalated", level=True), "'level'"),
    ("level as float", follow_up_dict("resignalled", level=1.0), "'level'"),
    ("level absurd", follow_up_dict("resignalled", level=10**6), "'level'"),
    ("feedback without answer", follow_up_dict("feedback"), "'helped'"),
    ("feedback answer as text", follow_up_dict("feedback", helped="yes"), "'helped'"),
    ("staff on a raise", raised_dict(staff_id="li"), "'staff_id'"),
    ("note on an ack", follow_up_dict("acknowledged", staff_id="li", note="hi"), "'note'"),
    ("drill on an ack", follow_up_dict("acknowledged", staff_id="li", drill=True), "'drill'"),
    ("drill as text", raised_dict(drill="true"), "'drill'"),
    ("level on a raise", raised_dict(level=1), "'level'"),
    (
        "category on feedback",
        follow_up_dict("feedback", helped=True, category="other"),
        "'category'",
    ),
    (
        "outcome on an arrival",
        follow_up_dict("arrived", staff_id="li", outcome="helped"),
        "'outcome'",
    ),
]


@pytest.mark.parametrize(
    ("bad", "field"), [(b, f) for _, b, f in REJECTED], ids=[name for name, _, _ in REJECTED]
)
def test_bad_input_is_refused_with_a_reason_naming_the_field(
    bad: dict[str, Any], field: str
) -> None:
    with pytest.raises(InvalidEvent) as info:
        HelpEvent.from_dict(bad)
    assert field in info.value.reason


@pytest.mark.parametrize("not_an_object", [None, [], "raised", 7, [("id", CALL)]])
def test_input_that_is_not_an_object_is_refused(not_an_object: Any) -> None:
    with pytest.raises(InvalidEvent, match="object"):
        HelpEvent.from_dict(not_an_object)


# --- properties ---------------------------------------------------------------------------

hex_ids = st.text("0123456789abcdef", min_size=32, max_size=32)
_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789"
device_ids = st.builds(
    str.__add__, st.text(_ALNUM, min_size=1, max_size=1), st.text(_ALNUM + "-", max_size=31)
)
times = st.floats(min_value=0, max_value=4e9, allow_nan=False, allow_infinity=False)
notes = st.text(
    st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters=""), max_size=60
) | st.just("line one\nline two\t.")


@st.composite
def help_events(draw: st.DrawFn) -> HelpEvent:
    kind = draw(st.sampled_from(HelpEventKind))
    call_id = draw(hex_ids)
    event_id = call_id if kind is K.RAISED else draw(hex_ids.filter(lambda i: i != call_id))
    fields: dict[str, Any] = {}
    if kind in (K.RAISED, K.CATEGORY_SET):
        fields["category"] = draw(st.sampled_from(Category))
    if kind is K.RAISED:
        fields["drill"] = draw(st.booleans())
    if kind in (K.ACKNOWLEDGED, K.ARRIVED, K.RESOLVED):
        fields["staff_id"] = draw(device_ids)
    if kind is K.RESOLVED:
        fields["outcome"] = draw(st.sampled_from(Outcome))
        fields["note"] = draw(notes)
    if kind is K.RECEIVED:
        fields["console_id"] = draw(device_ids)
    if kind in (K.ESCALATED, K.RESIGNALLED):
        fields["level"] = draw(st.integers(1, 1000))
    if kind is K.FEEDBACK:
        fields["helped"] = draw(st.booleans())
    return HelpEvent(
        id=event_id,
        call_id=call_id,
        kiosk_id=draw(device_ids),
        kind=kind,
        origin=draw(device_ids),
        at=draw(times),
        **fields,
    )


@given(help_events())
def test_any_valid_event_round_trips_through_json(event: HelpEvent) -> None:
    wire = json.dumps(event.to_dict(), allow_nan=False, ensure_ascii=False)
    assert HelpEvent.from_dict(json.loads(wire)) == event


_scalars = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=40)
json_values = (
    _scalars
    | st.lists(_scalars, max_size=3)
    | st.dictionaries(st.text(max_size=5), _scalars, max_size=3)
)


@given(
    help_events(),
    st.sampled_from(
        [
            "id",
            "call_id",
            "kiosk_id",
            "kind",
            "origin",
            "at",
            "category",
            "staff_id",
            "outcome",
            "note",
            "helped",
            "drill",
            "console_id",
            "level",
            "extra",
        ]
    ),
    json_values,
)
def test_tampering_with_any_field_gives_a_valid_event_or_a_clear_refusal(
    event: HelpEvent, field: str, value: object
) -> None:
    d = event.to_dict()
    d[field] = value
    try:
        decoded = HelpEvent.from_dict(d)
    except InvalidEvent as refusal:
        # A new kind changes which other fields belong, so the reason may name one of those.
        if field != "kind":
            assert f"'{field}'" in refusal.reason
    else:
        assert HelpEvent.from_dict(decoded.to_dict()) == decoded


@given(st.dictionaries(st.text(max_size=12), json_values, max_size=8))
def test_arbitrary_objects_are_refused_without_crashing(d: dict[str, object]) -> None:
    with pytest.raises(InvalidEvent):
        HelpEvent.from_dict(d)
