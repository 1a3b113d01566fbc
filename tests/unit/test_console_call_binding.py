"""A console merges a follow-up event only into a call at the kiosk the event names: with the
hub down, the console is what keeps one kiosk from rewriting another kiosk's call."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.core.config import BranchConfig, load_config
from kiosk.core.help.events import Category, HelpEventKind, new_follow_up, new_raise
from kiosk.core.help.state import CallStatus
from kiosk.net.console_client import ConsoleClient, ConsoleHooks
from kiosk.net.local_store import open_local_store
from kiosk.protocol import RejectCode, topics
from kiosk.protocol.help_messages import HelpEventMessage, HelpState
from tests.helpers.recording_transport import RecordingTransport, received

EXAMPLE = Path(__file__).resolve().parents[2] / "deploy" / "example-branch.toml"
T0 = 1_795_741_200.0
K = HelpEventKind


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
    return ConsoleClient(config, "console-1", transport, store, lambda: T0 + 5)


def test_a_kiosk_event_naming_another_kiosks_call_is_refused_and_counted(
        config: BranchConfig, console: ConsoleClient, transport: RecordingTransport) -> None:
    branch = config.branch.id
    raised = new_raise("kiosk-2", T0, category=Category.MEDICAL)
    console.handle(received(branch, "kiosk-2", topics.kiosk_help(branch, "kiosk-2"),
                            HelpEventMessage(raised), T0))
    guidance = new_follow_up(raised.call_id, "kiosk-1", K.CATEGORY_SET, "kiosk-1", T0 + 1,
                             category=Category.GUIDANCE)
    fine = new_follow_up(raised.call_id, "kiosk-1", K.CUSTOMER_FINE, "kiosk-1", T0 + 2)
    for event in (guidance, fine):
        console.handle(received(branch, "kiosk-1", topics.kiosk_help(branch, "kiosk-1"),
                                HelpEventMessage(event), T0 + 2))
    call = console.call(raised.call_id)
    assert call is not None
    assert call.category is Category.MEDICAL and not call.customer_fine
    assert console.rejections[RejectCode.WRONG_CALL] == 2
    # Not "stored" either: the console acknowledges to a kiosk only what it keeps.
    acked = [m for t, m in transport.published
             if t == topics.console_ack(branch, "console-1", "kiosk-1")]
    assert acked == []


def test_a_console_event_addressed_to_another_kiosk_is_refused(
        config: BranchConfig, console: ConsoleClient) -> None:
    branch = config.branch.id
    raised = new_raise("kiosk-2", T0, category=Category.MEDICAL)
    console.handle(received(branch, "kiosk-2", topics.kiosk_help(branch, "kiosk-2"),
                            HelpEventMessage(raised), T0))
    coming = new_follow_up(raised.call_id, "kiosk-1", K.ACKNOWLEDGED, "console-2", T0 + 1,
                           staff_id="li-ming")
    console.handle(received(branch, "console-2",
                            topics.console_help(branch, "console-2", "kiosk-1"),
                            HelpEventMessage(coming), T0 + 1))
    call = console.call(raised.call_id)
    assert call is not None and call.acknowledged_by is None
    assert call.status is CallStatus.NOTIFIED  # this console's own "received" only
    assert console.rejections[RejectCode.WRONG_CALL] == 1


def test_the_hubs_state_is_merged_only_where_events_belong(
        config: BranchConfig, console: ConsoleClient) -> None:
    branch = config.branch.id
    raised = new_raise("kiosk-2", T0, category=Category.MEDICAL)
    forged = new_follow_up(raised.call_id, "kiosk-1", K.CATEGORY_SET, "kiosk-1", T0 + 1,
                           category=Category.GUIDANCE)
    state = HelpState(updated_at=T0 + 2, events=(forged, raised))
    console.handle(received(branch, "hub", topics.help_state(branch), state, T0 + 2))
    call = console.call(raised.call_id)
    assert call is not None and call.category is Category.MEDICAL
    assert call.kiosk_id == "kiosk-2"
    assert console.rejections[RejectCode.WRONG_CALL] == 1


def test_a_hook_set_as_an_attribute_is_refused_not_silently_ignored(
        console: ConsoleClient) -> None:
    with pytest.raises(AttributeError, match="listener"):
        console.on_calls_changed = print
    console.listener = ConsoleHooks(on_calls_changed=print)  # the one way
    with pytest.raises(TypeError):
        ConsoleHooks(on_call_changed=print)  # type: ignore[call-arg]  # misspelt
