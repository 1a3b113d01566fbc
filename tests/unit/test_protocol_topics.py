"""The topic tree: builders and parser agree, and each device hears exactly what it should."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_protocol_samples import ids

from kiosk.core.settings import Role
from kiosk.protocol import topics
from kiosk.protocol.acl import mosquitto_acl
from kiosk.protocol.subscriptions import cleared_by_hub, publications, subscriptions
from kiosk.protocol.topics import (
    SPECS,
    TOPICS,
    BadTopic,
    Channel,
    Target,
    TopicInfo,
    build_topic,
    parse_topic,
    topic_matches,
)

B = "b001"
ROSTER = {"kiosk-1": Role.KIOSK, "kiosk-2": Role.KIOSK, "console-1": Role.CONSOLE,
          "console-2": Role.CONSOLE, "display-1": Role.DISPLAY, "hub": Role.HUB}


def every_topic(branch: str = B) -> list[TopicInfo]:
    """Every concrete topic the roster above can publish."""
    out = []
    for spec in TOPICS:
        publishers = [None] if spec.role is Role.HUB else [
            d for d, role in ROSTER.items() if role is spec.role]
        targets = [None] if spec.target is Target.NONE else [
            d for d, role in ROSTER.items()
            if spec.target is Target.DEVICE or role is Role.KIOSK]
        out += [TopicInfo(branch, spec.role, p, spec.channel, t)
                for p in publishers for t in targets]
    return out


def heard_by(role: Role, device_id: str | None) -> set[str]:
    filters = subscriptions(role, B, device_id)
    return {info.topic for info in every_topic() if any(topic_matches(f, info.topic)
                                                        for f in filters)}


@given(st.sampled_from(TOPICS), ids, ids, ids)
def test_built_topics_parse_back_to_the_same_parts(spec: topics.TopicSpec, branch: str,
                                                   device: str, target: str) -> None:
    device_id = None if spec.role is Role.HUB else device
    target_id = None if spec.target is Target.NONE else target
    topic = build_topic(branch, spec.role, spec.channel, device_id, target_id)
    assert parse_topic(topic) == TopicInfo(branch, spec.role, device_id, spec.channel,
                                           target_id)


def test_named_builders_agree_with_the_parser() -> None:
    cases = {
        topics.kiosk_help(B, "k1"): (Role.KIOSK, "k1", Channel.HELP, None),
        topics.ticket_request(B, "k1"): (Role.KIOSK, "k1", Channel.TICKET_REQUEST, None),
        topics.visit_feedback(B, "k1"): (Role.KIOSK, "k1", Channel.FEEDBACK, None),
        topics.pin_request(B, Role.KIOSK, "k1"): (Role.KIOSK, "k1", Channel.PIN_REQUEST, None),
        topics.console_help(B, "c1", "k1"): (Role.CONSOLE, "c1", Channel.HELP, "k1"),
        topics.console_ack(B, "c1", "k1"): (Role.CONSOLE, "c1", Channel.ACK, "k1"),
        topics.console_action(B, "c1"): (Role.CONSOLE, "c1", Channel.ACTION, None),
        topics.heartbeat(B, Role.DISPLAY, "d1"): (Role.DISPLAY, "d1", Channel.HEARTBEAT, None),
        topics.presence(B, Role.HUB, None): (Role.HUB, None, Channel.PRESENCE, None),
        topics.queue_state(B): (Role.HUB, None, Channel.QUEUE_STATE, None),
        topics.help_state(B): (Role.HUB, None, Channel.HELP_STATE, None),
        topics.devices_state(B): (Role.HUB, None, Channel.DEVICES_STATE, None),
        topics.hub_help(B, "k1"): (Role.HUB, None, Channel.HELP, "k1"),
        topics.hub_ack(B, "c1"): (Role.HUB, None, Channel.ACK, "c1"),
        topics.hub_reply(B, "k1"): (Role.HUB, None, Channel.REPLY, "k1"),
        topics.ticket_called(B): (Role.HUB, None, Channel.CALLED, None),
        topics.announcement(B): (Role.HUB, None, Channel.ANNOUNCEMENT, None),
        topics.drill(B, "k1"): (Role.HUB, None, Channel.DRILL, "k1"),
    }
    for topic, (role, device, channel, target) in cases.items():
        assert parse_topic(topic) == TopicInfo(B, role, device, channel, target), topic
    assert topics.console_help(B, "c1", "k1") == "bank/b001/console/c1/help/k1"
    assert topics.hub_reply(B, "k1") == "bank/b001/hub/reply/k1"


@pytest.mark.parametrize(("topic", "reason"), [
    ("bank/b001", "is not under"),
    ("bank//kiosk/k1/help", "branch '' is not an id"),
    ("bank/b001/kiosk//help", "kiosk id '' is not an id"),
    ("bank/b001/kiosk/k1/help/k2", "no channel 'help/k2' for a kiosk"),
    ("bank/b001/console/c1/help", "no channel 'help' for a console"),
    ("bank/b001/hub/reply", "no channel 'reply' for a hub"),
    ("bank/b001/hub/reply/#", "device_id '#' is not an id"),
    ("bank/b001/kiosk/k1/help/", "no channel 'help/' for a kiosk"),
    ("bank/b001/display/d1/help", "no channel 'help' for a display"),
    ("bank/b001/kiosk/" + "k" * 200 + "/help", "longer than 200"),
])
def test_topics_outside_the_tree_are_refused_with_a_reason(topic: str, reason: str) -> None:
    with pytest.raises(BadTopic) as refused:
        parse_topic(topic)
    assert reason in refused.value.reason


def test_builders_refuse_what_the_tree_does_not_have() -> None:
    with pytest.raises(BadTopic, match="does not publish"):
        build_topic(B, Role.DISPLAY, Channel.HELP, "d1")
    with pytest.raises(BadTopic, match="no device id"):
        build_topic(B, Role.HUB, Channel.CALLED, "hub")
    with pytest.raises(BadTopic, match="is not an id"):
        topics.kiosk_help(B, "Kiosk 1")
    with pytest.raises(BadTopic, match="is not an id"):
        topics.console_help(B, "c1", "+")


def test_topic_filters_match_like_mqtt() -> None:
    assert topic_matches("bank/b/console/+/help/k1", "bank/b/console/c9/help/k1")
    assert not topic_matches("bank/b/console/+/help/k1", "bank/b/console/c9/help/k2")
    assert topic_matches("bank/b/#", "bank/b/hub/called")
    assert topic_matches("bank/b/#", "bank/b")
    assert not topic_matches("bank/b/+", "bank/b/hub/called")
    assert not topic_matches("bank/b/hub", "bank/b/hub/called")


def test_a_kiosk_hears_what_concerns_it_and_nothing_about_other_kiosks() -> None:
    heard = heard_by(Role.KIOSK, "kiosk-1")
    assert topics.console_help(B, "console-2", "kiosk-1") in heard
    assert topics.console_ack(B, "console-1", "kiosk-1") in heard
    assert topics.hub_ack(B, "kiosk-1") in heard
    assert topics.hub_reply(B, "kiosk-1") in heard
    assert topics.hub_help(B, "kiosk-1") in heard
    assert topics.drill(B, "kiosk-1") in heard
    assert topics.ticket_called(B) in heard
    assert topics.heartbeat(B, Role.CONSOLE, "console-2") in heard
    about_others = {t for t in heard if "kiosk-2" in t}
    assert about_others == set()
    assert not any("/kiosk/" in t for t in heard), "kiosks do not listen to kiosks"


def test_every_console_hears_every_help_event_and_every_devices_liveness() -> None:
    heard = heard_by(Role.CONSOLE, "console-1")
    for info in every_topic():
        if info.channel in (Channel.HELP, Channel.HEARTBEAT, Channel.PRESENCE):
            assert info.topic in heard, info.topic
    assert topics.hub_reply(B, "console-2") not in heard
    assert topics.hub_ack(B, "console-2") not in heard


def test_only_the_hub_hears_pin_requests() -> None:
    pins = {info.topic for info in every_topic() if info.channel is Channel.PIN_REQUEST}
    assert pins <= heard_by(Role.HUB, None)
    for device, role in ROSTER.items():
        if role is not Role.HUB:
            assert not pins & heard_by(role, device), device


def test_replies_reach_only_the_device_they_answer() -> None:
    for device, role in ROSTER.items():
        own = None if role is Role.HUB else device
        replies = {t for t in heard_by(role, own) if "/hub/reply/" in t}
        assert replies <= {topics.hub_reply(B, device)}, device


def test_every_topic_has_a_listener_and_a_publisher() -> None:
    listened = set().union(*(heard_by(role, None if role is Role.HUB else device)
                             for device, role in ROSTER.items()))
    for spec in TOPICS:
        assert any(info.role is spec.role and info.channel is spec.channel
                   and info.topic in listened for info in every_topic()), spec.pattern()


@pytest.mark.parametrize(("device", "role"), sorted(ROSTER.items()))
def test_a_device_may_publish_exactly_its_own_topics(device: str, role: Role) -> None:
    own = None if role is Role.HUB else device
    allowed = publications(role, B, own)
    for info in every_topic():
        mine = info.role is role and info.device_id == own
        assert any(topic_matches(f, info.topic) for f in allowed) == mine, info.topic


def acl_blocks(text: str) -> dict[str, list[str]]:
    """User name -> that user's ``topic`` lines; lines before any ``user`` under ''."""
    blocks: dict[str, list[str]] = {"": []}
    user = ""
    for line in text.splitlines():
        if line.startswith("user "):
            user = line.removeprefix("user ")
            blocks[user] = []
        elif line and not line.startswith("#"):
            blocks[user].append(line)
    return blocks


def test_the_acl_gives_each_device_its_publications_and_subscriptions() -> None:
    blocks = acl_blocks(mosquitto_acl(B, ROSTER.items()))
    assert blocks.pop("") == [], "no line may apply to every user"
    assert set(blocks) == set(ROSTER)
    for device, role in ROSTER.items():
        own = None if role is Role.HUB else device
        clears = [f"topic write {t}" for t in cleared_by_hub(B)] if role is Role.HUB else []
        assert blocks[device] == ([f"topic write {t}" for t in publications(role, B, own)]
                                  + clears
                                  + [f"topic read {t}" for t in subscriptions(role, B, own)])


def test_the_hub_may_clear_exactly_the_device_topics_it_reads_that_are_never_retained(
        ) -> None:
    cleared = set(cleared_by_hub(B))
    assert f"bank/{B}/kiosk/+/help" in cleared and f"bank/{B}/console/+/action" in cleared
    assert cleared <= set(subscriptions(Role.HUB, B, None))
    assert not any(t.endswith("/presence") or "/hub/" in t for t in cleared)


def test_the_acl_refuses_a_roster_it_cannot_secure() -> None:
    with pytest.raises(ValueError, match="appears twice"):
        mosquitto_acl(B, [("k1", Role.KIOSK), ("k1", Role.CONSOLE), ("hub", Role.HUB)])
    with pytest.raises(ValueError, match="exactly one hub"):
        mosquitto_acl(B, [("k1", Role.KIOSK)])
    with pytest.raises(ValueError, match="is not an id"):
        mosquitto_acl(B, [("k 1", Role.KIOSK), ("hub", Role.HUB)])


def test_state_topics_are_retained_and_may_be_larger() -> None:
    for channel in (Channel.QUEUE_STATE, Channel.HELP_STATE, Channel.DEVICES_STATE):
        spec = SPECS[(Role.HUB, channel)]
        assert spec.retain and spec.max_bytes > topics.MAX_PAYLOAD_BYTES
    assert all(not spec.retain for spec in TOPICS
               if spec.channel in (Channel.HELP, Channel.CALLED, Channel.REPLY))
