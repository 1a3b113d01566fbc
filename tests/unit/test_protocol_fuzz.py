"""Whatever arrives, ``decode`` answers with a message or a rejection and never raises.

A receiver's event loop must survive a misconfigured or hostile device on the branch LAN:
one exception escaping the codec would stop a console from alarming.
"""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_protocol_samples import BRANCH, HUB, any_message, placement

from kiosk.core.settings import Role
from kiosk.protocol import Decoded, Message, Rejection, decode, encode, parse_topic
from kiosk.protocol.topics import TOPICS, BadTopic, Target, build_topic

ALL_TOPICS = [
    build_topic(BRANCH, spec.role, spec.channel,
                None if spec.role is Role.HUB else "kiosk-1",
                None if spec.target is Target.NONE else "kiosk-1")
    for spec in TOPICS
]
topics_anywhere = st.sampled_from(ALL_TOPICS) | st.text(max_size=80)

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False,
                                                          allow_infinity=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                               max_size=4),
    max_leaves=20,
)


def assert_answers(topic: str, payload: bytes) -> Decoded | Rejection:
    result = decode(topic, payload, branch=BRANCH, hub_id=HUB)
    assert isinstance(result, Decoded | Rejection)
    if isinstance(result, Rejection):
        assert result.reason
    return result


@settings(max_examples=300)
@given(topics_anywhere, st.binary(max_size=2000))
def test_arbitrary_bytes_never_raise(topic: str, payload: bytes) -> None:
    assert_answers(topic, payload)


@settings(max_examples=300)
@given(st.sampled_from(ALL_TOPICS), json_values)
def test_arbitrary_json_never_raises(topic: str, value: object) -> None:
    assert_answers(topic, json.dumps(value).encode())


@settings(max_examples=300)
@given(st.sampled_from(ALL_TOPICS), st.sampled_from(["v", "type", "id", "sender", "sent_at",
                                                     "body"]), json_values, any_message)
def test_an_envelope_with_any_field_replaced_never_raises(
        topic: str, field: str, value: object, message: Message) -> None:
    envelope = json.loads(encode(message, "kiosk-1", sent_at=1.0))
    envelope[field] = value
    assert_answers(topic, json.dumps(envelope).encode())


@st.composite
def body_paths(draw: st.DrawFn, body: object) -> list[str | int]:
    """A path to some value inside a decoded JSON body."""
    path: list[str | int] = []
    while isinstance(body, dict | list) and body and draw(st.booleans()):
        key = draw(st.sampled_from(sorted(body) if isinstance(body, dict)
                                   else range(len(body))))
        path.append(key)
        body = body[key]
    return path


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(any_message, json_values, st.data())
def test_a_valid_message_with_any_inner_value_replaced_never_raises(
        message: Message, value: object, data: st.DataObject) -> None:
    """Mutations deep inside a real body reach every field check, not just the first."""
    topic, sender = placement(message)
    envelope = json.loads(encode(message, sender, sent_at=1.0))
    path = data.draw(body_paths(envelope["body"]))
    if path:
        parent = envelope["body"]
        for key in path[:-1]:
            parent = parent[key]
        parent[path[-1]] = value
    else:
        envelope["body"] = value
    assert_answers(topic, json.dumps(envelope).encode())


@settings(max_examples=200)
@given(any_message, st.sampled_from(["v", "type", "id", "sender", "sent_at", "body"]))
def test_a_valid_message_missing_any_envelope_field_is_refused(message: Message,
                                                               field: str) -> None:
    topic, sender = placement(message)
    envelope = json.loads(encode(message, sender, sent_at=1.0))
    del envelope[field]
    result = assert_answers(topic, json.dumps(envelope).encode())
    assert isinstance(result, Rejection)


@given(st.text(max_size=120))
def test_parse_topic_raises_only_bad_topic(topic: str) -> None:
    try:
        info = parse_topic(topic)
    except BadTopic as problem:
        assert problem.reason
    else:
        assert info.topic == topic
