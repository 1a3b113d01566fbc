"""The help screen as a customer meets it: one tap calls at once, the screen and voice
follow the call, the choices refine it, and nothing is ever claimed that is not known.

Call states arrive the way the network delivers them (the client's `call_changed` signal
carrying a state made from real help events); taps go through the kiosk's own thread and
its SQLite store, which the tests read back.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QPointingDevice
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.core.help.events import Category, HelpEvent, HelpEventKind, Outcome, new_follow_up
from kiosk.core.help.view import HelpPhase, HelpView
from kiosk.core.kiosk_flow import Screen
from kiosk.core.settings import KioskSection
from kiosk.customer.help_follower import HelpFollower
from kiosk.protocol import Codec, Decoded, topics
from kiosk.protocol.help_messages import HelpEventMessage
from kiosk.speech.api import Priority
from kiosk.ui.physical import size_rules
from kiosk.ui.widgets import NAV_HELP
from tests.helpers.event_probes import EventCount
from tests.helpers.kiosk_harness import FAST_KIOSK, KioskUnderTest, start_kiosk, touch

K = HelpEventKind
PRONOUNCED_STAFF = [
    {"id": "li-ming", "role": "staff", "name": {"zh_CN": "李明", "en": "Li Ming"},
     "pronunciation": {"en": "Lee Ming"}},
    {"id": "wang-fang", "role": "manager", "name": {"zh_CN": "王芳", "en": "Wang Fang"}},
]


@pytest.fixture
def kiosk(qtbot: QtBot, tmp_path: Path) -> Iterator[KioskUnderTest]:
    """A kiosk whose network thread runs, unconnected: taps are stored as on a real kiosk."""
    under_test = start_kiosk(qtbot, tmp_path)
    yield under_test
    under_test.stop()


@pytest.fixture
def staged(qtbot: QtBot, tmp_path: Path) -> Iterator[KioskUnderTest]:
    """A kiosk whose call states and reachability come only from the test, as the network
    would deliver them (its network thread is not running)."""
    faster: dict[str, Any] = {"help.reassure_every_s": 0.3}
    under_test = start_kiosk(qtbot, tmp_path, worker=False, staff=PRONOUNCED_STAFF, **faster)
    under_test.stage.reachable(True)
    yield under_test
    under_test.stop()


def deliver(kiosk: KioskUnderTest, kind: HelpEventKind, **fields: object) -> None:
    """A console's event about the kiosk's call, through the kiosk client's own handling
    of the bytes a console would publish."""
    call = kiosk.events()[0]
    console = "console-lobby"
    event = new_follow_up(call.call_id, call.kiosk_id, kind, console, time.time(),
                          **fields)  # type: ignore[arg-type]
    branch = kiosk.config.branch.id
    out = Codec(branch, console, "hub").prepare(
        topics.console_help(branch, console, call.kiosk_id), HelpEventMessage(event),
        sent_at=time.time())
    device = kiosk.parts.device
    decoded = device.link.codec.decode(out.topic, out.payload)
    assert isinstance(decoded, Decoded), decoded
    device.call(lambda: device.client.handle(decoded))


@pytest.fixture
def touchscreen(qapp: QApplication) -> QPointingDevice:
    return QTest.createTouchDevice()


def heading(kiosk: KioskUnderTest) -> str:
    return str(kiosk.window.help_screen.heading.text())


def shown(kiosk: KioskUnderTest) -> str:
    screen = kiosk.window.help_screen
    return " ".join(label.text() for label in (screen.heading, *screen.lines)
                    if not label.isHidden())


# --- the tap --------------------------------------------------------------------------------


def test_a_tap_says_staff_are_being_called_before_the_network_answers(
        qtbot: QtBot, tmp_path: Path, touchscreen: QPointingDevice) -> None:
    # The kiosk's network thread is not even running: nothing can answer.
    kiosk = start_kiosk(qtbot, tmp_path, worker=False)
    try:
        kiosk.stage.reachable(True)
        touch(touchscreen, kiosk.nav(NAV_HELP))
        assert kiosk.window.help.call_open  # the idle rule stands still at once
        kiosk.stage.tap_shown()  # when no device thread reports the call back, after a wait

        assert kiosk.window.flow.screen is Screen.HELP
        assert heading(kiosk) == "正在呼叫工作人员"
        assert kiosk.speaker.last.language == "zh_CN"
        assert "正在呼叫工作人员" in kiosk.speaker.last.text
        assert kiosk.window.help.call_open
    finally:
        kiosk.stop()


def test_the_call_is_stored_and_sent_then_the_help_screen_is_painted_then_spoken(
        kiosk: KioskUnderTest, touchscreen: QPointingDevice,
        monkeypatch: pytest.MonkeyPatch) -> None:
    order: list[str] = []
    probe = EventCount(QEvent.Type.Paint, kiosk.window.help_screen, order=order,
                       label="painted")
    bridge = kiosk.parts.bridge
    hand_over = bridge.raise_help
    sender = kiosk.parts.device.client.sender
    send = sender.send

    def handed(category: Category = Category.UNSPECIFIED) -> None:
        order.append("handed")
        hand_over(category)

    def stored_and_sent(event: HelpEvent, topic: str) -> None:
        send(event, topic)  # on the device thread, before it reports the call back
        order.append("stored and sent")

    monkeypatch.setattr(bridge, "raise_help", handed)
    monkeypatch.setattr(sender, "send", stored_and_sent)
    kiosk.speaker.on_say = lambda said: order.append("spoken")
    kiosk.stage.reachable(True)
    try:
        touch(touchscreen, kiosk.nav(NAV_HELP))
        kiosk.stage.tap_shown()
        # The kiosk's screen waits the few milliseconds the device thread takes to store
        # and send the call, so the consoles' alarm does not share the interpreter with
        # the kiosk's paint; the screen is on the glass before anything is said.
        assert order[:3] == ["handed", "stored and sent", "painted"], order
        assert "spoken" in order and order.index("spoken") > order.index("painted"), order
        assert heading(kiosk) == "正在呼叫工作人员"
    finally:
        probe.remove()
        kiosk.speaker.on_say = None


def test_a_screen_not_shown_keeps_its_help_words_until_it_is_shown(
        qtbot: QtBot, tmp_path: Path, touchscreen: QPointingDevice) -> None:
    # No network thread: staff are reachable from the test's word alone (a running one,
    # unconnected, says a moment later that nobody can be reached).
    kiosk = start_kiosk(qtbot, tmp_path, worker=False)
    try:
        settings = kiosk.window.settings_screen
        kiosk.stage.reachable(True)
        before = settings.nav.help_button.text()
        touch(touchscreen, kiosk.nav(NAV_HELP))
        kiosk.stage.tap_shown()

        assert kiosk.nav(NAV_HELP).text() == "正在呼叫工作人员"
        assert settings.nav.help_button.text() == before  # nothing hidden was laid out again
        kiosk.window.go_home()
        kiosk.window.home.settings_button.click()
        assert kiosk.window.current is settings
        assert kiosk.nav(NAV_HELP).text() == "正在呼叫工作人员"
    finally:
        kiosk.stop()


def test_three_taps_within_300_ms_raise_one_call(kiosk: KioskUnderTest, qtbot: QtBot,
                                                 touchscreen: QPointingDevice) -> None:
    help_button = kiosk.nav(NAV_HELP)
    for _ in range(3):
        touch(touchscreen, help_button)

    qtbot.waitUntil(lambda: K.RAISED in kiosk.kinds())
    kiosk.parts.device.call(lambda: None)  # every tap's work has run on the kiosk thread
    assert kiosk.kinds().count(K.RAISED) == 1


def test_a_tap_released_4_mm_outside_help_still_calls(kiosk: KioskUnderTest, qtbot: QtBot,
                                                      touchscreen: QPointingDevice) -> None:
    help_button = kiosk.nav(NAV_HELP)
    window = help_button.window()
    rules = size_rules(kiosk.config.screen)
    start = help_button.mapTo(window, help_button.rect().center())
    end = help_button.mapTo(window, QPoint(help_button.width() // 2,
                                           -round(rules.mm(4))))  # 4 mm above its top edge
    QTest.touchEvent(window, touchscreen).press(0, start).commit()
    QTest.touchEvent(window, touchscreen).move(0, end).commit()
    QTest.touchEvent(window, touchscreen).release(0, end).commit()
    kiosk.stage.tap_shown()

    assert kiosk.window.flow.screen is Screen.HELP
    qtbot.waitUntil(lambda: K.RAISED in kiosk.kinds())


def test_a_long_press_on_help_calls(kiosk: KioskUnderTest, qtbot: QtBot,
                                    touchscreen: QPointingDevice) -> None:
    help_button = kiosk.nav(NAV_HELP)
    window = help_button.window()
    centre = help_button.mapTo(window, help_button.rect().center())
    QTest.touchEvent(window, touchscreen).press(0, centre).commit()
    qtbot.wait(1500)  # the press itself lasts this long
    QTest.touchEvent(window, touchscreen).release(0, centre).commit()
    kiosk.stage.tap_shown()

    assert kiosk.window.flow.screen is Screen.HELP
    qtbot.waitUntil(lambda: K.RAISED in kiosk.kinds())


# --- the choices ----------------------------------------------------------------------------


@pytest.mark.parametrize("category", [Category.MEDICAL, Category.PRIVATE_TALK, Category.OTHER])
def test_each_choice_tells_staff_without_delaying_the_call(kiosk: KioskUnderTest,
                                                          qtbot: QtBot,
                                                          touchscreen: QPointingDevice,
                                                          category: Category) -> None:
    touch(touchscreen, kiosk.nav(NAV_HELP))
    kiosk.stage.tap_shown()
    choice = kiosk.window.help_screen.choices[category]
    touch(touchscreen, choice)

    qtbot.waitUntil(lambda: K.CATEGORY_SET in kiosk.kinds())
    assert kiosk.kinds()[0] is K.RAISED  # the call went first, unrefined
    assert kiosk.events()[-1].category is category
    assert kiosk.window.help_screen.question.text() == f"您告诉工作人员：{choice.text()}"
    # What is said is the line that now shows the choice, and the reading of the choices
    # (no longer what the screen asks) is stopped.
    assert kiosk.speaker.last.text == f"您告诉工作人员：{choice.text()}"
    assert kiosk.speaker.said[-2].channel == "screen" and kiosk.speaker.said[-2].text == ""


def test_a_choice_made_before_the_call_has_its_id_is_kept(kiosk: KioskUnderTest) -> None:
    """The customer may choose while the call is still being raised (no id yet); the id
    arriving must not erase the choice, only a different call may."""
    screen = kiosk.window.help_screen

    def view(call_id: str) -> HelpView:
        return HelpView(phase=HelpPhase.CALLING, call_id=call_id, category=Category.UNSPECIFIED,
                        staff_id=None, drill=False, customer_fine=False, feedback_given=False)

    screen.show_view(view(""), None)
    screen.choices[Category.MEDICAL].click()
    screen.show_view(view("a" * 32), None)
    assert screen.chosen is Category.MEDICAL
    assert screen.question.text().startswith("您告诉工作人员：")
    screen.show_view(view("b" * 32), None)  # the next customer's call
    assert screen.chosen is None


def test_the_private_path_never_names_fraud_in_either_language(staged: KioskUnderTest,
                                                              qtbot: QtBot) -> None:
    window = staged.window
    staged.stage.raise_call(Category.PRIVATE_TALK)
    staged.stage.coming()
    window.session.update(window.session.settings.with_language("en"))
    everything = " ".join([*staged.speaker.texts, *window.help_screen.spoken()]).lower()
    assert "privately" in everything
    for word in ("fraud", "scam", "诈骗", "骗"):
        assert word not in everything


# --- following the call ---------------------------------------------------------------------


def test_the_screen_follows_the_call_and_names_who_is_coming(staged: KioskUnderTest) -> None:
    stage = staged.stage
    window = staged.window
    window.session.update(window.session.settings.with_language("en"))
    stage.raise_call()
    assert window.flow.screen is Screen.HELP  # a call shows its screen wherever one was
    assert heading(staged) == "Calling staff"

    stage.notified()
    assert heading(staged) == "Staff have been told"
    assert "Staff have been told" in staged.speaker.last.text

    stage.follow(K.ACKNOWLEDGED, staff_id="li-ming")
    assert "Li Ming is coming to help you." in shown(staged)
    spoken = staged.speaker.last
    assert "Lee Ming is coming to help you." in spoken.text  # the pronunciation, spoken
    assert spoken.language == "en" and spoken.priority is Priority.HIGH

    stage.follow(K.ARRIVED, staff_id="li-ming")
    assert heading(staged) == "Staff are here"
    assert not window.help_screen.choices[Category.MEDICAL].isVisible()


def test_an_escalated_call_tells_the_customer_what_to_do_meanwhile(
        staged: KioskUnderTest) -> None:
    staged.stage.raise_call(Category.MEDICAL)
    staged.stage.notified()
    staged.stage.follow(K.ESCALATED, level=1)
    assert heading(staged) == "我们还在呼叫"
    assert "能坐的话请先坐下" in shown(staged)
    assert "马上告诉身边的人" in staged.speaker.last.text


def test_nobody_reachable_sends_the_customer_to_the_counter(staged: KioskUnderTest) -> None:
    staged.stage.reachable(False)
    staged.stage.raise_call()
    assert heading(staged) == "暂时联系不上工作人员"
    assert "请到柜台找工作人员" in shown(staged)
    assert "我们会继续呼叫" in staged.speaker.last.text


def test_no_confirmation_within_the_grace_time_sends_the_customer_to_the_counter(
        qtbot: QtBot, tmp_path: Path) -> None:
    kiosk = start_kiosk(qtbot, tmp_path, worker=False,
                        kiosk=KioskSection(confirm_grace_s=0.5, staff_exit_hold_s=1.0))
    try:
        kiosk.stage.reachable(True)
        kiosk.stage.raise_call(ago_s=0.0)
        assert heading(kiosk) == "正在呼叫工作人员"
        qtbot.waitUntil(lambda: heading(kiosk) == "暂时联系不上工作人员", timeout=3000)
        assert "请到柜台" in kiosk.speaker.last.text
    finally:
        kiosk.stop()


def test_the_waiting_customer_is_reassured_again_and_again(staged: KioskUnderTest,
                                                          qtbot: QtBot) -> None:
    staged.stage.raise_call()
    staged.stage.coming()

    def times_told() -> int:
        return sum("李明马上过来帮您" in text for text in staged.speaker.texts)

    qtbot.waitUntil(lambda: times_told() >= 3, timeout=5000)


def test_a_drill_is_marked_as_practice(staged: KioskUnderTest) -> None:
    staged.stage.raise_call(Category.OTHER, drill=True)
    screen = staged.window.help_screen
    assert screen.drill.isVisible()
    assert screen.drill.text().startswith("演练")
    assert "这不是真的求助" in " ".join(screen.spoken())


def test_im_fine_is_recorded_but_the_call_stays_open(kiosk: KioskUnderTest, qtbot: QtBot,
                                                     touchscreen: QPointingDevice) -> None:
    touch(touchscreen, kiosk.nav(NAV_HELP))
    qtbot.waitUntil(lambda: kiosk.window.help_screen.fine_button.isVisible())
    touch(touchscreen, kiosk.window.help_screen.fine_button)

    qtbot.waitUntil(lambda: K.CUSTOMER_FINE in kiosk.kinds())
    qtbot.waitUntil(lambda: not kiosk.window.help_screen.fine_button.isVisible())
    assert "工作人员还是会过来看看您" in shown(kiosk)
    assert kiosk.window.help.call_open


def test_after_staff_close_the_customer_is_asked_were_you_helped(
        kiosk: KioskUnderTest, qtbot: QtBot, touchscreen: QPointingDevice) -> None:
    touch(touchscreen, kiosk.nav(NAV_HELP))
    qtbot.waitUntil(lambda: K.RAISED in kiosk.kinds())
    deliver(kiosk, K.RECEIVED, console_id="console-lobby")
    deliver(kiosk, K.ACKNOWLEDGED, staff_id="li-ming")
    deliver(kiosk, K.RESOLVED, staff_id="li-ming", outcome=Outcome.HELPED)
    qtbot.waitUntil(lambda: heading(kiosk) == "工作人员帮到您了吗？")
    screen = kiosk.window.help_screen
    touch(touchscreen, screen.yes_button)

    qtbot.waitUntil(lambda: K.FEEDBACK in kiosk.kinds())
    assert kiosk.events()[-1].helped is True
    qtbot.waitUntil(lambda: heading(kiosk) == "谢谢您")
    assert not kiosk.window.help.call_open

    kiosk.window.go_home()  # leaving the answered call's screen: it is not shown any more
    qtbot.waitUntil(lambda: kiosk.window.help.follower.view is None)


def test_staff_closing_here_without_the_hub_are_told_it_cannot_be_checked(
        kiosk: KioskUnderTest, qtbot: QtBot) -> None:
    kiosk.stage.raise_call()
    kiosk.stage.coming()
    screen = kiosk.window.help_screen
    screen.close_button.click()
    screen.staff_close.choose_outcome(Outcome.HELPED)
    screen.staff_close.pin.choose("li-ming")
    screen.staff_close.pin.type_digits("1357")
    screen.staff_close.pin.pad.keys["ok"].click()

    qtbot.waitUntil(lambda: "支行服务器没有回应" in screen.staff_close.pin.status.text())
    assert kiosk.window.help.follower.view.phase is HelpPhase.COMING  # still open


def test_a_restarted_kiosk_comes_back_to_its_open_call(qtbot: QtBot, tmp_path: Path,
                                                      touchscreen: QPointingDevice) -> None:
    first = start_kiosk(qtbot, tmp_path)
    touch(touchscreen, first.nav(NAV_HELP))
    first.stage.tap_shown()
    touch(touchscreen, first.window.help_screen.choices[Category.MEDICAL])
    qtbot.waitUntil(lambda: K.CATEGORY_SET in first.kinds())
    call_id = first.events()[0].call_id
    first.stop()

    again = start_kiosk(qtbot, tmp_path, kiosk=FAST_KIOSK)  # same data folder
    try:
        qtbot.waitUntil(lambda: again.window.flow.screen is Screen.HELP)
        view = again.window.help.follower.view
        assert view is not None and view.call_id == call_id
        assert view.category is Category.MEDICAL
        assert "能坐的话请先坐下" in shown(again)
    finally:
        again.stop()


def test_a_tap_during_a_drill_is_a_real_call_shown_as_one(staged: KioskUnderTest) -> None:
    staged.stage.raise_call(Category.OTHER, drill=True)
    staged.stage.coming()
    assert staged.window.help_screen.drill.isVisible()

    staged.window.help_tapped()
    staged.stage.tap_shown()

    assert heading(staged) == "正在呼叫工作人员"
    assert not staged.window.help_screen.drill.isVisible()


def phase(follower: HelpFollower) -> HelpPhase | None:
    """What the follower tells the customer now (read again after each step)."""
    return follower.view.phase if follower.view is not None else None


def test_a_kiosk_clock_set_back_still_sends_the_customer_to_the_counter_on_time(
        qapp: QApplication) -> None:
    from kiosk.net.kiosk_client import Reachability
    from tests.helpers.fake_clock import FakeClock

    wall, monotonic = FakeClock(), FakeClock(100.0)
    follower = HelpFollower(wall, confirm_grace_s=5.0, reassure_every_s=20.0,
                            monotonic=monotonic)
    reach = Reachability(connected=True, consoles_online=frozenset({"console-1"}),
                         hub_online=True)
    follower.reachability_changed(reach)
    follower.tapped(Category.UNSPECIFIED)  # the call is on its way; no console confirms it
    assert phase(follower) is HelpPhase.CALLING
    wall.advance(-3600.0)  # the kiosk's clock is set back an hour
    monotonic.advance(5.0)
    follower.reachability_changed(reach)
    assert phase(follower) is HelpPhase.NO_STAFF
    follower.stop()
