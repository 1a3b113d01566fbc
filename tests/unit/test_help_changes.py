"""Consoles follow the hub's numbered help changes and take the whole state only when they
must; kiosks get their own calls on their own retained topic. The hub side is driven through
``HubHarness`` (real codec, real ledger), the console side through its client with the real
codec and a recording transport."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.core.config import BranchConfig, load_config
from kiosk.core.help.events import HelpEventKind, Outcome, new_follow_up, new_raise
from kiosk.core.help.state import CallStatus
from kiosk.hub.service import HubOptions
from kiosk.net.console_client import ConsoleClient
from kiosk.net.local_store import open_local_store
from kiosk.protocol import Codec, Decoded, InvalidMessage, RejectCode, topics
from kiosk.protocol.help_messages import NO_RUN, HelpChanges, HelpEventMessage, HelpState
from kiosk.protocol.ticket_messages import TicketRequest
from tests.helpers.hub_harness import HubHarness
from tests.helpers.recording_transport import RecordingTransport, received

EXAMPLE = Path(__file__).resolve().parents[2] / "deploy" / "example-branch.toml"
T0 = 1_795_741_200.0
K = HelpEventKind
RUN = "5f" * 16


# --- the hub -------------------------------------------------------------------------------


@pytest.fixture
def harness(tmp_path: Path) -> HubHarness:
    return HubHarness(tmp_path)


def test_each_batch_of_events_goes_out_once_as_the_next_numbered_change(
        harness: HubHarness) -> None:
    raised = harness.raise_call("kiosk-1")
    harness.console_event("console-1", raised, K.RECEIVED, console_id="console-1")
    changes = harness.published("hub/changes/help", HelpChanges)
    assert [c.seq for c in changes] == [1, 2]
    assert [[e.kind for e in c.events] for c in changes] == [[K.RAISED], [K.RECEIVED]]
    assert {c.run for c in changes} == {harness.hub.help.run}
    whole = harness.help_state()
    assert (whole.run, whole.seq) == (harness.hub.help.run, 2)


def test_a_kiosks_calls_go_to_its_own_retained_topic_and_no_other(harness: HubHarness) -> None:
    raised = harness.raise_call("kiosk-1")
    mine = harness.published("hub/state/call/kiosk-1", HelpState)
    assert [e.id for e in mine[-1].events] == [raised.id]
    assert harness.published("hub/state/call/kiosk-2", HelpState) == []
    harness.raise_call("kiosk-2")
    assert [e.kiosk_id for e in harness.published("hub/state/call/kiosk-2",
                                                   HelpState)[-1].events] == ["kiosk-2"]
    assert len(harness.published("hub/state/call/kiosk-1", HelpState)) == 1  # unchanged


def test_a_kiosks_call_state_stays_small_however_many_calls_it_closed(
        harness: HubHarness) -> None:
    """Its open calls and its latest closed one: not every call of the last minutes, which
    for a busy kiosk made it as big as the whole branch's state, on every event."""
    harness.sign_in("console-1", "li-ming")
    closed = []
    for _ in range(5):
        raised = harness.raise_call("kiosk-1")
        harness.clock.advance(1.0)
        harness.console_event("console-1", raised, K.RESOLVED, staff_id="li-ming",
                              outcome=Outcome.HELPED)
        harness.clock.advance(1.0)
        closed.append(raised.call_id)
    open_now = harness.raise_call("kiosk-1")
    state = harness.last("hub/state/call/kiosk-1", HelpState)
    assert {e.call_id for e in state.events} == {closed[-1], open_now.call_id}
    assert len({e.call_id for e in harness.help_state().events}) == 6  # the whole has all


def test_a_kiosks_state_with_another_kiosks_event_is_refused() -> None:
    hub = Codec("b001", "hub", "hub")
    stranger = new_raise("kiosk-2", T0)
    with pytest.raises(InvalidMessage) as refused:
        hub.prepare(topics.call_state("b001", "kiosk-1"), HelpState(T0, (stranger,)),
                    sent_at=T0)
    assert refused.value.code is RejectCode.TOPIC_MISMATCH


def test_on_connecting_the_hub_tells_every_kiosk_its_calls_even_none(
        harness: HubHarness) -> None:
    harness.hub.on_connected()
    for kiosk_id in ("kiosk-1", "kiosk-2"):
        [state] = harness.published(f"hub/state/call/{kiosk_id}", HelpState)
        assert state.events == ()


# --- the console ---------------------------------------------------------------------------


@pytest.fixture
def config() -> BranchConfig:
    return load_config(EXAMPLE)


@pytest.fixture
def transport(config: BranchConfig) -> RecordingTransport:
    return RecordingTransport(config.branch.id, "console-1")


@pytest.fixture
def console(config: BranchConfig, transport: RecordingTransport,
            tmp_path: Path) -> ConsoleClient:
    store = open_local_store(tmp_path / "console-1.sqlite")
    client = ConsoleClient(config, "console-1", transport, store, lambda: T0 + 5)
    client.connection_changed(True)
    return client


def _from_hub(config: BranchConfig, message: HelpChanges | HelpState) -> Decoded:
    branch = config.branch.id
    topic = (topics.help_changes(branch) if isinstance(message, HelpChanges)
             else topics.help_state(branch))
    return received(branch, "hub", topic, message, T0, hub_id="hub")


def test_a_console_leaves_the_whole_state_once_it_holds_it(
        config: BranchConfig, console: ConsoleClient, transport: RecordingTransport) -> None:
    raised = new_raise("kiosk-1", T0)
    console.handle(_from_hub(config, HelpState(T0, (raised,), run=RUN, seq=4)))
    whole = topics.help_state(config.branch.id)
    assert transport.subscribed == [f"-{whole}"]
    assert console.call(raised.call_id) is not None
    assert not console.changes.syncing


def test_a_console_that_misses_a_change_takes_the_whole_state_again(
        config: BranchConfig, console: ConsoleClient, transport: RecordingTransport) -> None:
    whole = topics.help_state(config.branch.id)
    raised = new_raise("kiosk-1", T0)
    console.handle(_from_hub(config, HelpState(T0, (raised,), run=RUN, seq=1)))
    received_ = new_follow_up(raised.call_id, "kiosk-1", K.RECEIVED, "console-2", T0 + 1,
                              console_id="console-2")
    coming = new_follow_up(raised.call_id, "kiosk-1", K.ACKNOWLEDGED, "console-2", T0 + 2,
                           staff_id="wang-fang")
    console.handle(_from_hub(config, HelpChanges(RUN, 2, (received_,))))
    assert transport.subscribed == [f"-{whole}"]  # in step: nothing to do
    # Change 3 (the "I'm coming") is lost on the way; change 4 shows the gap.
    resolved = new_follow_up(raised.call_id, "kiosk-1", K.ARRIVED, "console-2", T0 + 3,
                             staff_id="wang-fang")
    console.handle(_from_hub(config, HelpChanges(RUN, 4, (resolved,))))
    assert transport.subscribed == [f"-{whole}", whole]
    assert console.changes.resyncs == 1 and console.changes.syncing
    # A whole from before the gap does not end the resync; the next one does.
    console.handle(_from_hub(config, HelpState(T0, (raised, received_), run=RUN, seq=2)))
    assert console.changes.syncing
    console.handle(_from_hub(config, HelpState(
        T0, (raised, received_, coming, resolved), run=RUN, seq=4)))
    assert transport.subscribed == [f"-{whole}", whole, f"-{whole}"]
    call = console.call(raised.call_id)
    assert call is not None and call.acknowledged_by == "wang-fang"
    assert call.status is CallStatus.ARRIVED


def test_a_restarted_hub_sends_the_console_back_to_the_whole_state(
        config: BranchConfig, console: ConsoleClient, transport: RecordingTransport) -> None:
    console.handle(_from_hub(config, HelpState(T0, (), run=RUN, seq=9)))
    raised = new_raise("kiosk-1", T0)
    console.handle(_from_hub(config, HelpChanges("6a" * 16, 1, (raised,))))
    assert console.changes.resyncs == 1 and console.changes.syncing
    assert console.call(raised.call_id) is not None  # applied all the same


def test_a_console_keeps_the_whole_state_from_a_hub_that_numbers_nothing(
        config: BranchConfig, console: ConsoleClient, transport: RecordingTransport) -> None:
    console.handle(_from_hub(config, HelpState(T0, (), run=NO_RUN, seq=0)))
    assert transport.subscribed == [] and console.changes.syncing


def test_a_change_delivered_twice_is_no_gap(
        config: BranchConfig, console: ConsoleClient, transport: RecordingTransport) -> None:
    console.handle(_from_hub(config, HelpState(T0, (), run=RUN, seq=1)))
    change = HelpChanges(RUN, 2, (new_raise("kiosk-1", T0),))
    console.handle(_from_hub(config, change))
    console.handle(_from_hub(config, change))
    assert console.changes.resyncs == 0 and len(transport.subscribed) == 1



def test_a_help_event_goes_out_before_the_rest_of_its_batch_is_handled(
        harness: HubHarness) -> None:
    """Nothing that can wait stands between storing a call and publishing it: the change
    leaves before the next message of the same batch (here a ticket request) is handled."""
    branch = harness.branch
    raised = new_raise("kiosk-1", harness.clock())
    help_topic = topics.kiosk_help(branch, "kiosk-1")
    ticket_topic = topics.ticket_request(branch, "kiosk-2")
    harness.hub.handle_many([
        (help_topic, harness.payload("kiosk-1", help_topic, HelpEventMessage(raised)), False),
        (ticket_topic, harness.payload("kiosk-2", ticket_topic, TicketRequest(
            "7" * 32, "cash", False, "en")), False),
    ])
    order = [d.topic.topic for d in harness.decoded()]
    changes = order.index(topics.help_changes(branch))
    assert order.index(topics.hub_ack(branch, "kiosk-1")) < changes
    assert changes < order.index(topics.hub_reply(branch, "kiosk-2"))


def test_a_kiosks_call_state_goes_out_at_the_pace_of_the_other_states(
        tmp_path: Path) -> None:
    """Only a kiosk that restarts reads it: a burst of events must not re-encode it each
    time, while every change still goes out at once."""
    harness = HubHarness(tmp_path, options=HubOptions(state_interval_s=0.5))
    raised = harness.raise_call("kiosk-1")
    harness.clock.advance(0.1)
    harness.send("kiosk-1", topics.kiosk_help(harness.branch, "kiosk-1"), HelpEventMessage(
        new_follow_up(raised.call_id, "kiosk-1", K.CUSTOMER_FINE, "kiosk-1", harness.clock())))
    assert [c.seq for c in harness.published("hub/changes/help", HelpChanges)] == [1, 2]
    assert len(harness.published("hub/state/call/kiosk-1", HelpState)) == 1
    harness.clock.advance(0.5)
    harness.hub.tick()
    states = harness.published("hub/state/call/kiosk-1", HelpState)
    assert len(states) == 2 and len(states[-1].events) == 2
