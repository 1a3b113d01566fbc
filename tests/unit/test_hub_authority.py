"""Who may do what at the hub: a follow-up event only from its call's own kiosk or a console
addressing that kiosk, a staff step only in the name of whoever signed in at the sending
console, and PIN lockouts that a kiosk cannot turn against staff."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from kiosk.core.help.events import Category, HelpEventKind, Outcome, new_follow_up, new_raise
from kiosk.core.help.state import CallStatus, calls_state
from kiosk.hub.rejections import HubReject
from kiosk.protocol import RejectCode, topics
from kiosk.protocol.help_messages import HelpEventMessage
from kiosk.protocol.pin_messages import PinPurpose, PinRefusal
from tests.helpers.branch import STAFF_PINS
from tests.helpers.hub_harness import HubHarness

K = HelpEventKind


@pytest.fixture
def harness(tmp_path: Path) -> HubHarness:
    # 3 wrong PINs lock for 0.5 s, doubling (tests/helpers/branch.py FAST_TIMINGS)
    return HubHarness(tmp_path)


def _medical_call_at_kiosk_2(harness: HubHarness) -> str:
    raised = new_raise("kiosk-2", harness.clock(), category=Category.MEDICAL)
    harness.send("kiosk-2", topics.kiosk_help(harness.branch, "kiosk-2"),
                 HelpEventMessage(raised))
    return raised.call_id


# --- follow-up events bound to their call ---------------------------------------------------


def test_a_kiosk_cannot_rewrite_another_kiosks_call(harness: HubHarness) -> None:
    call_id = _medical_call_at_kiosk_2(harness)
    own_topic = topics.kiosk_help(harness.branch, "kiosk-1")
    guidance = new_follow_up(call_id, "kiosk-1", K.CATEGORY_SET, "kiosk-1", harness.clock(),
                             category=Category.GUIDANCE)
    fine = new_follow_up(call_id, "kiosk-1", K.CUSTOMER_FINE, "kiosk-1", harness.clock())
    harness.send("kiosk-1", own_topic, HelpEventMessage(guidance))
    harness.send("kiosk-1", own_topic, HelpEventMessage(fine))

    assert harness.hub.refusals.counter[RejectCode.WRONG_CALL] == 2
    assert harness.ledger.help_event(guidance.id) is None
    assert harness.ledger.help_event(fine.id) is None
    assert harness.acks("kiosk-1") == []
    call = calls_state(harness.help_state().events)[call_id]
    assert call.category is Category.MEDICAL and not call.customer_fine
    # The call's own kiosk still may.
    own = new_follow_up(call_id, "kiosk-2", K.CUSTOMER_FINE, "kiosk-2", harness.clock())
    harness.send("kiosk-2", topics.kiosk_help(harness.branch, "kiosk-2"),
                 HelpEventMessage(own))
    assert own.id in harness.acks("kiosk-2")


def test_a_console_acts_on_a_call_only_through_its_own_kiosk(harness: HubHarness) -> None:
    call_id = _medical_call_at_kiosk_2(harness)
    harness.sign_in("console-1", "li-ming")
    wrong = new_follow_up(call_id, "kiosk-1", K.RESOLVED, "console-1", harness.clock(),
                          staff_id="li-ming", outcome=Outcome.HELPED)
    harness.send("console-1", topics.console_help(harness.branch, "console-1", "kiosk-1"),
                 HelpEventMessage(wrong))
    assert harness.hub.refusals.counter[RejectCode.WRONG_CALL] == 1
    assert harness.ledger.help_event(wrong.id) is None
    assert harness.hub.open_calls == 1


# --- staff steps bound to the signed-in session ---------------------------------------------


def test_a_console_cannot_act_in_the_name_of_someone_not_signed_in_there(
        harness: HubHarness) -> None:
    call_id = _medical_call_at_kiosk_2(harness)
    topic = topics.console_help(harness.branch, "console-1", "kiosk-2")
    harness.sign_in("console-1", "wang-fang")
    harness.sign_in("console-2", "li-ming")  # signed in, but elsewhere
    as_li_ming = new_follow_up(call_id, "kiosk-2", K.ACKNOWLEDGED, "console-1",
                               harness.clock(), staff_id="li-ming")
    as_nobody = new_follow_up(call_id, "kiosk-2", K.ARRIVED, "console-1", harness.clock(),
                              staff_id="zhang-wei")
    harness.send("console-1", topic, HelpEventMessage(as_li_ming))
    harness.send("console-1", topic, HelpEventMessage(as_nobody))
    assert harness.hub.refusals.counter[HubReject.STAFF_NOT_SIGNED_IN] == 2
    assert harness.ledger.help_event(as_li_ming.id) is None
    assert harness.ledger.help_event(as_nobody.id) is None
    assert calls_state(harness.help_state().events)[call_id].status is CallStatus.RAISED

    as_wang_fang = new_follow_up(call_id, "kiosk-2", K.ACKNOWLEDGED, "console-1",
                                 harness.clock(), staff_id="wang-fang")
    harness.send("console-1", topic, HelpEventMessage(as_wang_fang))
    assert as_wang_fang.id in harness.acks("console-1")
    assert calls_state(harness.help_state().events)[call_id].acknowledged_by == "wang-fang"


def test_staff_steps_stop_when_the_staff_member_signs_out_or_is_replaced(
        harness: HubHarness) -> None:
    call_id = _medical_call_at_kiosk_2(harness)
    topic = topics.console_help(harness.branch, "console-1", "kiosk-2")
    harness.sign_in("console-1", "li-ming")
    harness.sign_in("console-1", "zhang-wei")  # ends li-ming's session there
    coming = new_follow_up(call_id, "kiosk-2", K.ACKNOWLEDGED, "console-1", harness.clock(),
                           staff_id="li-ming")
    harness.send("console-1", topic, HelpEventMessage(coming))
    assert harness.hub.refusals.counter[HubReject.STAFF_NOT_SIGNED_IN] == 1


def test_a_hub_without_staff_pins_refuses_staff_steps_and_says_so(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="kiosk.hub"):
        harness = HubHarness(tmp_path, pins={})
    assert any(r.levelno == logging.ERROR and "no staff PINs" in r.getMessage()
               for r in caplog.records)
    report = harness.hub.health_report()["staff_actions"]
    assert report["accepted"] is False
    assert report["staff_without_pin"] == sorted(STAFF_PINS)
    assert harness.pin("console-1", "li-ming", STAFF_PINS["li-ming"]).reason \
        is PinRefusal.WRONG_PIN
    call_id = _medical_call_at_kiosk_2(harness)
    for staff_id in STAFF_PINS:
        coming = new_follow_up(call_id, "kiosk-2", K.ACKNOWLEDGED, "console-1",
                               harness.clock(), staff_id=staff_id)
        harness.send("console-1", topics.console_help(harness.branch, "console-1", "kiosk-2"),
                     HelpEventMessage(coming))
    assert harness.hub.refusals.counter[HubReject.STAFF_NOT_SIGNED_IN] == len(STAFF_PINS)
    assert harness.hub.open_calls == 1


def test_a_hub_with_every_pin_reports_staff_actions_accepted(harness: HubHarness) -> None:
    report = harness.hub.health_report()["staff_actions"]
    assert report == {"accepted": True, "staff_without_pin": []}


# --- PIN lockout ----------------------------------------------------------------------------


def test_a_kiosk_guessing_pins_cannot_lock_staff_out_of_their_console(
        harness: HubHarness) -> None:
    for _ in range(6):
        harness.pin("kiosk-1", "li-ming", "0000", PinPurpose.KIOSK_EXIT)
    locked_here = harness.pin("kiosk-1", "li-ming", STAFF_PINS["li-ming"],
                              PinPurpose.KIOSK_EXIT)
    assert locked_here.reason is PinRefusal.RATE_LIMITED  # the guesser is slowed down
    assert harness.hub.refusals.counter[HubReject.PIN_LOCKED] >= 1
    signed_in = harness.pin("console-1", "li-ming", STAFF_PINS["li-ming"])
    assert signed_in.ok and signed_in.session is not None
