"""The console's rules without Qt: when it rings, when a kiosk counts as gone, who is signed
in, how long a ticket waited."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.console.alarm_policy import (
    Alarm,
    AlarmKind,
    AlarmPolicy,
    AlarmSound,
    call_alarms,
    escalation_level,
)
from kiosk.console.journal import AnnouncementRecord, Journal, VisitRating
from kiosk.console.queue_watch import QueueWatch, TicketEnd
from kiosk.console.reports import nearest_rank, response_by_category, response_by_day
from kiosk.console.staff_session import Phase, SignInProblem, StaffSession
from kiosk.console.supervision import DeviceChange, DeviceWatch
from kiosk.core.config import BranchConfig, load_config
from kiosk.core.help.events import Category, HelpEvent, HelpEventKind, new_follow_up, new_raise
from kiosk.core.help.state import calls_state
from kiosk.core.help.timers import HelpTiming
from kiosk.protocol.device_messages import Component, Health, Heartbeat
from kiosk.protocol.pin_messages import PinRefusal, PinReply
from kiosk.protocol.ticket_messages import (
    QueueState,
    ServingTicket,
    TicketCalled,
    WaitingTicket,
)

EXAMPLE = Path(__file__).resolve().parents[2] / "deploy" / "example-branch.toml"
T0 = 1_795_741_200.0
K = HelpEventKind


@pytest.fixture(scope="module")
def config() -> BranchConfig:
    return load_config(EXAMPLE)


def help_alarm(key: str = "a", level: int = 0, discreet: bool = False) -> Alarm:
    return Alarm(key, AlarmKind.HELP, "kiosk-1", level, discreet)


# --- when the console rings ----------------------------------------------------------------

def test_a_new_call_rings_at_once_then_again_at_the_repeat_interval_not_before() -> None:
    policy = AlarmPolicy(repeat_s=8)
    assert policy.update([help_alarm()], T0) is AlarmSound.CHIME
    assert policy.update([help_alarm()], T0 + 7.9) is None
    assert policy.update([help_alarm()], T0 + 8) is AlarmSound.CHIME
    assert policy.update([], T0 + 20) is None  # someone is coming: silence


def test_silencing_stops_the_sound_but_a_new_call_or_an_escalation_rings_again() -> None:
    policy = AlarmPolicy(repeat_s=8)
    policy.update([help_alarm("a")], T0)
    assert policy.silence() == 1
    assert policy.silenced and policy.alarms  # still alarming, only quiet
    assert policy.update([help_alarm("a")], T0 + 30) is None
    assert policy.update([help_alarm("a"), help_alarm("b")], T0 + 31) is AlarmSound.CHIME
    policy.silence()
    assert policy.update([help_alarm("a", level=1), help_alarm("b")],
                         T0 + 40) is AlarmSound.ESCALATION


def test_the_discreet_call_rings_softly_and_an_escalation_loudly() -> None:
    assert AlarmPolicy(5).update([help_alarm(discreet=True)], T0) is AlarmSound.SOFT
    assert AlarmPolicy(5).update([help_alarm(discreet=True, level=1)],
                                 T0) is AlarmSound.ESCALATION


def test_a_reminder_for_an_acknowledged_call_rings_once_per_level() -> None:
    policy = AlarmPolicy(repeat_s=1)
    reminder = Alarm("a", AlarmKind.RESIGNAL, "kiosk-1", 1)
    assert policy.update([reminder], T0) is AlarmSound.CHIME
    assert policy.update([reminder], T0 + 5) is None
    assert not policy.sounding
    assert policy.update([Alarm("a", AlarmKind.RESIGNAL, "kiosk-1", 2)],
                         T0 + 6) is AlarmSound.CHIME


def test_with_the_hub_down_the_console_escalates_from_the_raise_time_itself() -> None:
    raised = new_raise("kiosk-1", T0, category=Category.MEDICAL)
    calls = calls_state([raised])
    call = calls[raised.call_id]
    timing = HelpTiming(escalate_after_s=30, escalate_repeat_s=30)
    assert escalation_level(call, T0 + 29, timing, hub_online=False) == 0
    assert escalation_level(call, T0 + 30, timing, hub_online=False) == 1
    assert escalation_level(call, T0 + 61, timing, hub_online=False) == 2
    assert escalation_level(call, T0 + 61, timing, hub_online=True) == 0  # the hub decides
    coming = new_follow_up(raised.call_id, "kiosk-1", K.ACKNOWLEDGED, "console-1", T0 + 62,
                           staff_id="li-ming")
    assert call_alarms(calls_state([raised, coming]), lambda _call: T0 + 70, timing, False) == []


# --- supervision -----------------------------------------------------------------------------

def beat(sound: Component = Component.OK) -> Heartbeat:
    return Heartbeat(seq=1, interval_s=1.0, health=Health(
        Component.OK, Component.OK, sound, 0, "0.1.0", 10.0))


def test_a_kiosk_that_falls_silent_alarms_once_and_its_return_ends_the_alarm(
        config: BranchConfig) -> None:
    watch = DeviceWatch(config, offline_after_s=15)
    assert watch.check(T0) == []  # never seen: offline, but no alarm
    watch.heartbeat("kiosk-1", beat(), T0)
    assert watch.check(T0 + 1) == []
    events = watch.check(T0 + 16)
    assert [(e.device_id, e.change) for e in events] == [("kiosk-1", DeviceChange.WENT_OFFLINE)]
    assert watch.alarming_kiosks() == ["kiosk-1"]
    assert watch.check(T0 + 30) == []  # logged once
    watch.note("kiosk-1")
    assert watch.alarming_kiosks() == []  # staff know; the row still says offline
    watch.heartbeat("kiosk-1", beat(), T0 + 40)
    assert [e.change for e in watch.check(T0 + 40)] == [DeviceChange.CAME_BACK]


def test_an_offline_presence_counts_at_once_and_a_silent_console_is_named(
        config: BranchConfig) -> None:
    watch = DeviceWatch(config, offline_after_s=15)
    watch.heartbeat("kiosk-2", beat(), T0)
    watch.check(T0)
    watch.presence("kiosk-2", False, T0 + 1)
    assert [e.change for e in watch.check(T0 + 1)] == [DeviceChange.WENT_OFFLINE]
    watch.heartbeat("console-2", beat(Component.FAILED), T0 + 1)
    silent = [v.device_id for v in watch.views(T0 + 2) if v.silent_console]
    assert silent == ["console-2"]


# --- the person at the desk --------------------------------------------------------------------

def test_sign_in_accepted_then_idle_lock_then_sign_in_again() -> None:
    session = StaffSession(lock_after_s=900)
    session.begin("a" * 32, "li-ming", T0, timeout_s=5)
    assert session.phase is Phase.CHECKING and not session.present
    result = session.answer(PinReply("a" * 32, staff_id="li-ming", session="t" * 22,
                                     expires_at=T0 + 86400), T0 + 0.1)
    assert result is not None and result.accepted
    assert session.phase is Phase.SIGNED_IN and session.staff_id == "li-ming"
    session.activity(T0 + 800)
    session.tick(T0 + 1699)
    assert session.phase is Phase.SIGNED_IN  # the idle clock restarted at the activity
    session.tick(T0 + 1700)
    assert session.phase is Phase.LOCKED and session.present  # still on duty: calls confirm


def test_a_refused_or_unanswered_pin_leaves_nobody_signed_in() -> None:
    session = StaffSession(lock_after_s=900)
    session.begin("b" * 32, "li-ming", T0, timeout_s=5)
    refused = session.answer(PinReply("b" * 32, reason=PinRefusal.WRONG_PIN), T0 + 1)
    assert refused is not None and refused.refusal is PinRefusal.WRONG_PIN
    assert session.phase is Phase.SIGNED_OUT
    session.begin("c" * 32, "li-ming", T0 + 2, timeout_s=5)
    timed_out = session.tick(T0 + 7)
    assert timed_out is not None and timed_out.problem is SignInProblem.NO_ANSWER
    assert session.phase is Phase.SIGNED_OUT
    assert session.answer(PinReply("c" * 32, staff_id="li-ming", session="t" * 22,
                                   expires_at=T0 + 9), T0 + 8) is None  # too late


# --- tickets -----------------------------------------------------------------------------------

def test_a_ticket_seen_waiting_called_and_gone_has_its_wait_and_service_time() -> None:
    watch = QueueWatch()
    waiting = WaitingTicket("A001", "cash", True, T0)
    watch.queue_state(QueueState("2026-11-27", T0 + 1, (), (waiting,), ()))
    watch.queue_state(QueueState("2026-11-27", T0 + 300, (), (),
                                 (ServingTicket("A001", "cash", 1, T0 + 300),)))
    watch.queue_state(QueueState("2026-11-27", T0 + 720, (), (), ()))
    (record,) = watch.records()
    assert (record.wait_s, record.service_s, record.counter) == (300, 420, 1)
    assert record.priority
    watch.ended_here("A001", TicketEnd.NO_SHOW, T0 + 720)
    assert watch.records()[0].service_s is None  # a no-show was never served


def test_a_called_message_alone_gives_the_call_time_and_a_transfer_starts_over() -> None:
    watch = QueueWatch()
    watch.queue_state(QueueState("2026-11-27", T0, (), (WaitingTicket("B001", "pension",
                                                                       False, T0),), ()))
    watch.called(TicketCalled("B001", "pension", 2, False, T0 + 60))
    assert watch.records()[0].wait_s == 60
    watch.queue_state(QueueState("2026-11-27", T0 + 90, (), (WaitingTicket("B001", "cards",
                                                                            False, T0),), ()))
    record = watch.records()[0]
    assert (record.service_id, record.called_at, record.wait_s) == ("cards", None, None)


def test_the_journal_keeps_what_the_console_saw_across_a_restart(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite"
    journal = Journal(path)
    watch = QueueWatch()
    journal.save_tickets(watch.queue_state(QueueState(
        "2026-11-27", T0, (), (WaitingTicket("A001", "cash", False, T0),), ())))
    assert journal.add_rating(VisitRating("f" * 32, "kiosk-1", "good", "zh_CN", T0))
    assert not journal.add_rating(VisitRating("f" * 32, "kiosk-1", "good", "zh_CN", T0))
    journal.add_announcement(AnnouncementRecord("1" * 32, T0, True, {"en": "Hello"}))
    journal.add_announcement(AnnouncementRecord("1" * 32, T0, True, {"en": "Hello"},
                                                "wang-fang"))
    journal.close()
    again = Journal(path)
    assert [r.number for r in again.tickets()] == ["A001"]
    assert [r.rating for r in again.ratings()] == ["good"]
    assert [(a.text, a.staff_id) for a in again.announcements()] == [({"en": "Hello"},
                                                                     "wang-fang")]
    again.close()



@pytest.mark.parametrize("offset", [0, 4096], ids=["header", "inside"])
def test_a_damaged_journal_is_set_aside_and_a_fresh_one_started(tmp_path: Path,
                                                                offset: int) -> None:
    path = tmp_path / "journal.sqlite"
    journal = Journal(path)
    for n in range(200):  # enough rows for several pages
        journal.add_rating(VisitRating(f"{n:032x}", "kiosk-1", "good", "zh_CN", T0 + n))
    journal.close()
    data = bytearray(path.read_bytes())
    data[offset:offset + 12] = bytes(b ^ 0x5A for b in data[offset:offset + 12])
    path.write_bytes(bytes(data))

    fresh = Journal(path)
    assert fresh.fault is not None and "set aside" in fresh.fault
    assert len(list(tmp_path.glob("journal.sqlite.damaged-*"))) == 1
    assert fresh.add_rating(VisitRating("a" * 32, "kiosk-1", "ok", "zh_CN", T0))
    assert [r.rating for r in fresh.ratings()] == ["ok"]
    fresh.close()


def test_a_journal_with_no_folder_to_live_in_is_kept_in_memory(tmp_path: Path) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    journal = Journal(blocked / "journal.sqlite")
    assert journal.fault is not None and "memory" in journal.fault
    assert journal.add_rating(VisitRating("a" * 32, "kiosk-1", "ok", "zh_CN", T0))
    journal.close()

# --- figures -----------------------------------------------------------------------------------

def test_nearest_rank_figures_are_always_measured_values() -> None:
    values = [30.0, 10.0, 20.0, 40.0]
    assert nearest_rank(values, 0.5) == 20.0  # rank ceil(0.5 * 4) = 2
    assert nearest_rank(values, 0.9) == 40.0  # with few values, the slowest
    assert nearest_rank([7.0], 0.9) == 7.0
    with pytest.raises(ValueError):
        nearest_rank([], 0.5)


def test_response_times_leave_drills_out_and_count_unanswered_calls() -> None:
    def answered(category: Category, after: float, drill: bool = False) -> list[HelpEvent]:
        raised = new_raise("kiosk-1", T0, category=category, drill=drill)
        coming = new_follow_up(raised.call_id, "kiosk-1", K.ACKNOWLEDGED, "console-1",
                               T0 + after, staff_id="li-ming")
        return [raised, coming]

    events = (answered(Category.MEDICAL, 10) + answered(Category.MEDICAL, 30)
              + answered(Category.MEDICAL, 5, drill=True)
              + [new_raise("kiosk-2", T0, category=Category.MEDICAL)])
    (medical,) = response_by_category(calls_state(events).values())
    assert (medical.group, medical.count, medical.untimed) == ("medical", 2, 1)
    assert (medical.median_s, medical.p90_s) == (10.0, 30.0)
    (day,) = response_by_day(calls_state(events).values(), "Asia/Shanghai")
    assert day.count == 2


def test_an_unattended_console_locks_on_time_whatever_the_wall_clock_does() -> None:
    from kiosk.console.staff_session import Phase, StaffSession
    from kiosk.protocol.pin_messages import PinReply

    session = StaffSession(lock_after_s=60.0)
    session.begin("a" * 32, "li-ming", 100.0, 5.0)  # on the monotonic clock
    session.answer(PinReply("a" * 32, staff_id="li-ming", session="test-session-token-0001",
                            expires_at=T0 + 8 * 3600), 101.0)
    assert session.phase is Phase.SIGNED_IN
    session.tick(150.0, T0 - 3600)  # the wall clock was set back an hour
    assert session.phase is Phase.SIGNED_IN
    session.tick(161.0, T0 - 3600 + 60)  # a minute without anyone: locked all the same
    assert session.phase is Phase.LOCKED
    assert session.staff_id == "li-ming"  # locked, not signed out: the hub's session lasts
