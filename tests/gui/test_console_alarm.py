"""The console's alarm as staff meet it: it rings until someone is coming, repeats, gets
louder, can be silenced without hiding anything, rings when locked, and says so when it
cannot ring at all."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from kiosk.console.staff_session import Phase
from kiosk.core.config import BranchConfig, load_config
from kiosk.core.help.events import Category, HelpEventKind, new_follow_up, new_raise
from kiosk.core.settings import ConsoleSection
from kiosk.protocol.device_messages import Component
from kiosk.speech.players import ChildProcessPlayer, NullPlayer
from tests.helpers.branch import write_branch_config
from tests.helpers.console_desk import ConsoleDesk, make_desk
from tests.helpers.fake_player import FakePlayer

K = HelpEventKind
REPEAT_S = 8.0
ESCALATE_S = 30.0


@pytest.fixture
def config(tmp_path: Path) -> BranchConfig:
    return load_config(write_branch_config(tmp_path / "config", 1883, **{
        "help.alarm_repeat_s": REPEAT_S, "help.escalate_after_s": ESCALATE_S}))


@pytest.fixture
def desk(qtbot, config: BranchConfig, tmp_path: Path) -> Iterator[ConsoleDesk]:  # type: ignore[no-untyped-def]
    desk = make_desk(config, tmp_path / "data")
    yield desk
    desk.parts.stop()


def rung(desk: ConsoleDesk) -> list[str]:
    player = desk.player
    assert isinstance(player, FakePlayer)
    return list(player.played)


def state_cell(desk: ConsoleDesk, row: int = 0) -> str:
    return desk.window.calls.model.cell_text(row, 4)


def test_an_unanswered_call_rings_repeats_escalates_and_silencing_hides_nothing(
        qtbot, desk: ConsoleDesk) -> None:  # type: ignore[no-untyped-def]
    raised = new_raise("kiosk-1", desk.clock(), category=Category.MEDICAL)
    desk.show_events([raised])
    qtbot.waitUntil(lambda: rung(desk) == ["alarm-chime.wav"], timeout=3000)
    assert desk.window.calls.model.rowCount() == 1
    assert desk.window.alarm_strip.isVisibleTo(desk.window)

    desk.tick(REPEAT_S - 0.5)
    desk.tick(0.4)
    assert rung(desk) == ["alarm-chime.wav"]  # not before the interval
    desk.tick(0.1)
    qtbot.waitUntil(lambda: len(rung(desk)) == 2, timeout=3000)

    # Nobody answers within the escalation time, and no hub is heard: the console itself
    # escalates; the row says so in words, and the louder sound plays.
    desk.tick(ESCALATE_S - REPEAT_S)
    qtbot.waitUntil(lambda: rung(desk)[-1] == "alarm-escalation.wav", timeout=3000)
    assert "ESCALATED" in state_cell(desk)
    assert "ESCALATED" in desk.window.alarm_strip.text.text()

    qtbot.mouseClick(desk.window.alarm_strip.silence, Qt.MouseButton.LeftButton)
    count = len(rung(desk))
    for _ in range(3):
        desk.tick(REPEAT_S)
    assert len(rung(desk)) == count  # silenced
    assert desk.window.calls.model.rowCount() == 1  # the call still shows
    assert desk.window.alarm_strip.isVisibleTo(desk.window)
    assert "silenced" in desk.window.alarm_strip.text.text()
    desk.tick(ESCALATE_S - 3 * REPEAT_S)  # one more escalation period: level 2 rings again
    qtbot.waitUntil(lambda: len(rung(desk)) == count + 1, timeout=3000)
    assert "level 2" in state_cell(desk)

    coming = new_follow_up(raised.call_id, "kiosk-1", K.ACKNOWLEDGED, "console-2",
                           desk.clock(), staff_id="zhang-wei")
    desk.show_events([raised, coming])
    assert not desk.window.alarm_strip.isVisibleTo(desk.window)
    assert state_cell(desk) == "Zhang Wei is coming"


def test_a_locked_console_still_shows_and_rings_a_new_call(qtbot,  # type: ignore[no-untyped-def]
                                                           desk: ConsoleDesk) -> None:
    desk.sign_in("li-ming")
    assert desk.parts.desk.phase is Phase.SIGNED_IN
    desk.parts.window.lock_button.click()
    assert desk.parts.desk.phase is Phase.LOCKED
    assert desk.window.work.currentWidget() is desk.window.sign_in
    desk.show_events([new_raise("kiosk-2", desk.clock(), category=Category.PRIVATE_TALK)])
    qtbot.waitUntil(lambda: rung(desk) == ["alarm-soft.wav"], timeout=3000)
    assert desk.window.calls.model.rowCount() == 1
    assert desk.window.alarm_strip.isVisibleTo(desk.window)
    assert not desk.window.calls.coming.isEnabled()  # unlocking comes first
    assert "locked" in desk.window.calls.hint.text()


def test_an_idle_console_locks_itself_after_the_configured_time(qtbot, config: BranchConfig,  # type: ignore[no-untyped-def]
                                                                tmp_path: Path) -> None:
    desk = make_desk(config, tmp_path / "data", section=ConsoleSection(lock_after_s=60))
    try:
        desk.sign_in("wang-fang")
        desk.tick(59)
        assert desk.parts.desk.phase is Phase.SIGNED_IN
        desk.tick(1)
        assert desk.parts.desk.phase is Phase.LOCKED
        assert "Wang Fang" in desk.window.sign_in.heading.text()
    finally:
        desk.parts.stop()


@pytest.mark.parametrize("player", [ChildProcessPlayer(["false"]), NullPlayer("no card")],
                         ids=["player-fails", "no-sound-card"])
def test_a_console_that_cannot_ring_shows_a_red_banner_and_reports_it(
        qtbot, config: BranchConfig, tmp_path: Path, player) -> None:  # type: ignore[no-untyped-def]
    desk = make_desk(config, tmp_path / "data", player=player)
    try:
        desk.show_events([new_raise("kiosk-1", desk.clock())])
        banner = desk.window.sound_banner.own
        qtbot.waitUntil(lambda: banner.isVisibleTo(desk.window), timeout=5000)
        assert "cannot sound the alarm" in banner.text()
        assert desk.parts.health.health().sound is Component.FAILED
    finally:
        desk.parts.stop()


def test_closing_the_last_open_console_asks_first(qtbot, desk: ConsoleDesk) -> None:  # type: ignore[no-untyped-def]
    desk.window.show()
    assert not desk.window.close()  # the question was answered "no"
    assert desk.questions and "only staff console" in desk.questions[0]
    desk.answer_close = True
    assert desk.window.close()


def test_the_banners_follow_the_customers_reason_at_once(
        qtbot, desk: ConsoleDesk) -> None:  # type: ignore[no-untyped-def]
    raised = new_raise("kiosk-1", desk.clock())
    desk.show_events([raised])
    banners = (desk.window.alarm_strip.text, desk.window.floating.text)
    qtbot.waitUntil(lambda: all("reason not given yet" in b.text() for b in banners),
                    timeout=3000)

    # The customer taps "I feel unwell" a second later; no alarm is added or louder.
    unwell = new_follow_up(raised.call_id, "kiosk-1", K.CATEGORY_SET, "kiosk-1",
                           desk.clock() + 1, category=Category.MEDICAL)
    desk.show_events([raised, unwell])
    for banner in banners:
        assert "Medical: feels unwell" in banner.text()
        assert "reason not given yet" not in banner.text()

    # "I'd like to talk privately" turns both banners to the calm special-attention words.
    private = new_follow_up(raised.call_id, "kiosk-1", K.CATEGORY_SET, "kiosk-1",
                            desk.clock() + 2, category=Category.PRIVATE_TALK)
    desk.show_events([raised, unwell, private])
    for banner in banners:
        assert "Special attention: approach calmly" in banner.text()


def test_a_silent_kiosk_alarms_on_time_whatever_the_wall_clock_does(
        qapp, config: BranchConfig) -> None:  # type: ignore[no-untyped-def]
    from kiosk.console.device_monitor import DeviceMonitor
    from kiosk.console.sample_day import sample_health, sample_heartbeat
    from kiosk.console.supervision import DeviceChange, DeviceWatch
    from kiosk.core.settings import Role
    from kiosk.protocol import Decoded, topics
    from kiosk.protocol.topics import parse_topic
    from tests.helpers.fake_clock import FakeClock

    wall, monotonic = FakeClock(), FakeClock(500.0)
    monitor = DeviceMonitor(DeviceWatch(config), wall, monotonic=monotonic)
    topic = topics.heartbeat(config.branch.id, Role.KIOSK, "kiosk-1")
    beat = Decoded(parse_topic(topic), sample_heartbeat(sample_health(kiosk=True)), "kiosk-1",
                   "m" * 32, wall(), 1)
    monitor.liveness(beat)
    monitor.tick()
    assert monitor.watch.online("kiosk-1", monotonic())

    wall.advance(-3600.0)  # the console's clock is set back an hour; the kiosk goes quiet
    monotonic.advance(config.presence.offline_after_s + 1)
    monitor.tick()
    assert [e.change for e in monitor.events] == [DeviceChange.WENT_OFFLINE]
    assert monitor.offline_kiosks() == ["kiosk-1"]
    assert monitor.events[0].at == wall()  # dated on the wall clock, as shown to staff

    wall.advance(7200.0)  # an hour ahead: a kiosk heard just now is not offline
    monitor.liveness(beat)
    monitor.tick()
    assert monitor.offline_kiosks() == []


def test_a_console_started_on_a_damaged_journal_runs_and_says_so(
        qtbot, config: BranchConfig, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    data = tmp_path / "data"
    data.mkdir()
    (data / "console-1-journal.sqlite").write_bytes(b"not a database, a damaged file " * 300)
    desk = make_desk(config, data)
    try:
        assert desk.parts.journal.fault is not None
        assert desk.parts.health.health().store is Component.DEGRADED
        assert len(list(data.glob("console-1-journal.sqlite.damaged-*"))) == 1
    finally:
        desk.parts.stop()
