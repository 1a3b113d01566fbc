"""Anti-entropy digests: the hub and a device compare what they hold, hour by hour."""

from __future__ import annotations

from pathlib import Path

from kiosk.core.help.digest import HOUR_S, digest, hours_to_resend
from kiosk.core.help.events import HelpEventKind
from kiosk.protocol.help_messages import HelpDigest
from tests.helpers.hub_harness import HubHarness, console_heartbeat

SINCE = 1_000_000.0


def test_the_same_events_give_the_same_digest_whatever_the_order() -> None:
    events = [("a" * 32, SINCE + 10), ("b" * 32, SINCE + 20), ("c" * 32, SINCE + HOUR_S + 1)]
    assert digest(events, SINCE) == digest(list(reversed(events)) * 2, SINCE)
    hours = digest(events, SINCE)
    assert sorted(hours) == [0, 1] and hours[0].count == 2 and len(hours[0].hash) == 16
    assert digest([("z" * 32, SINCE - 1)], SINCE) == {}  # before the day: not digested


def test_a_device_re_sends_only_the_hours_the_hub_lacks() -> None:
    mine = digest([("a" * 32, SINCE + 10), ("b" * 32, SINCE + HOUR_S * 3)], SINCE)
    hubs = digest([("a" * 32, SINCE + 10)], SINCE)
    assert hours_to_resend(mine, hubs) == [3]
    assert hours_to_resend(mine, mine) == []
    assert hours_to_resend({}, hubs) == []  # nothing of its own to give


def test_the_hub_sends_each_online_device_a_digest_of_its_own_events(tmp_path: Path) -> None:
    harness = HubHarness(tmp_path, **{"help.digest_interval_s": 5.0})
    console_heartbeat(harness, "console-1", "li-ming")
    harness.sign_in("console-1", "li-ming")
    raised = harness.raise_call("kiosk-1")
    coming = harness.console_event("console-1", raised, HelpEventKind.ACKNOWLEDGED,
                                   staff_id="li-ming")
    harness.hub.tick()
    [to_console] = harness.published("hub/digest/console-1", HelpDigest)
    assert harness.published("hub/digest/kiosk-1", HelpDigest) == []  # kiosk-1 is not online
    assert to_console.device_id == "console-1"
    assert {h.hour: h for h in to_console.hours} == digest([(coming.id, coming.at)],
                                                            to_console.since)
    assert to_console.since <= raised.at - HOUR_S  # the day so far, and at least an hour
    harness.clock.advance(1.0)
    harness.hub.tick()
    assert len(harness.published("hub/digest/console-1", HelpDigest)) == 1  # not due yet
    harness.clock.advance(5.0)
    console_heartbeat(harness, "console-1", "li-ming")
    harness.hub.tick()
    assert len(harness.published("hub/digest/console-1", HelpDigest)) == 2
