"""Called ticket numbers and branch announcements at the kiosk, while a customer is busy.

A called number is said with a chime, twice, one call at a time, at high priority between
the sentences of what is being read, and the customer keeps their place: the screen and the
scroll position stay and the reading is not cut off (the speaker resumes it; the real
speaker's order of sentences is proven in tests/e2e/test_ticket_journey_speech.py). A
branch announcement covers every screen but Help's, is said again after each reading
until cleared, and then gives the customer their screen back as it was.
"""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QPointingDevice
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.core.help.events import HelpEventKind
from kiosk.core.kiosk_flow import Screen
from kiosk.core.settings import LocalText
from kiosk.customer.announcement_overlay import ANNOUNCEMENT_CHANNEL
from kiosk.customer.called_announcer import CALLED_CHANNEL, CHIME
from kiosk.customer.screen_voice import READING_CHANNEL
from kiosk.paths import assets_dir
from kiosk.protocol.staff_messages import Announcement
from kiosk.protocol.ticket_messages import TicketCalled
from kiosk.speech.api import Priority
from tests.gui.test_kiosk_faq import longest_english_answer, open_answer
from tests.gui.test_kiosk_ticket import TicketKiosk, start_ticket_kiosk
from tests.helpers.fake_speaker import FakeSpeaker, Said
from tests.helpers.kiosk_harness import stop_kiosk, touch

PATIENCE_MS = 5000
REPEAT_S = 0.2
NOTICE = LocalText({"zh_CN": "请跟随工作人员到出口。",
                    "en": "Please follow the staff to the exit."})


@pytest.fixture
def touchscreen(qapp: QApplication) -> QPointingDevice:
    return QTest.createTouchDevice()


@pytest.fixture
def speaker() -> FakeSpeaker:
    return FakeSpeaker(auto_finish=False)


@pytest.fixture
def kiosk(qtbot: QtBot, tmp_path: Path, speaker: FakeSpeaker) -> Iterator[TicketKiosk]:
    content = tmp_path / "faq"
    shutil.copytree(assets_dir() / "faq", content)
    under_test = start_ticket_kiosk(qtbot, tmp_path, speaker=speaker, faq_dir=content,
                                    announcement_repeat_s=REPEAT_S)
    yield under_test
    stop_kiosk(under_test.kiosk.parts)


def call(kiosk: TicketKiosk, number: str, counter: int, *, at: float = 1_790_000_000.0,
         recall: bool = False) -> TicketCalled:
    called = TicketCalled(number=number, service_id="cash", counter=counter, recall=recall,
                          at=at)
    kiosk.kiosk.parts.bridge.called.emit(called)
    return called


def announce(kiosk: TicketKiosk, text: LocalText | None) -> None:
    kiosk.kiosk.parts.bridge.announcement.emit(Announcement(
        announcement_id=uuid.uuid4().hex, active=text is not None,
        text=text or LocalText({}), at=1_790_000_000.0))


def on(speaker: FakeSpeaker, channel: str) -> list[Said]:
    return [said for said in speaker.said if said.channel == channel]


def reading_a_long_answer(kiosk: TicketKiosk, touchscreen: QPointingDevice,
                          qtbot: QtBot) -> Said:
    """An English customer at larger text, scrolled into a long answer that is being read."""
    session = kiosk.window.session
    session.update(session.settings.with_language("en").toggled_size())
    open_answer(kiosk, touchscreen, *longest_english_answer(kiosk))
    answer = kiosk.window.answer_screen
    qtbot.waitUntil(lambda: answer.overflowing, timeout=PATIENCE_MS)
    touch(touchscreen, answer.more_button)
    assert answer.scroll_position > 0
    return on(kiosk.speaker, READING_CHANNEL)[-1]


# --- called numbers ------------------------------------------------------------------------


def test_a_called_number_during_an_answer_keeps_the_customers_place(
        kiosk: TicketKiosk, speaker: FakeSpeaker, touchscreen: QPointingDevice,
        qtbot: QtBot) -> None:
    reading = reading_a_long_answer(kiosk, touchscreen, qtbot)
    answer = kiosk.window.answer_screen
    place = answer.scroll_position

    call(kiosk, "A042", 3)

    [said] = on(speaker, CALLED_CHANNEL)
    assert said.priority is Priority.HIGH and not said.interrupt
    assert said.phrase_ids == (CHIME.phrase_id, CHIME.phrase_id)  # a chime before each
    assert said.text.count("Number A042, please go to counter 3.") == 2
    assert said.language == "en"
    assert reading.resumable and reading.utterance_id in speaker.open  # not cut off
    assert kiosk.window.flow.screen is Screen.ANSWER
    assert kiosk.window.current is answer and answer.scroll_position == place


def test_calls_are_announced_one_at_a_time_in_order_and_once(
        kiosk: TicketKiosk, speaker: FakeSpeaker) -> None:
    first = call(kiosk, "A042", 3)
    call(kiosk, "B007", 1, at=first.at + 1)
    call(kiosk, "A042", 3)  # the same message again (MQTT delivers at least once)

    [said] = on(speaker, CALLED_CHANNEL)
    assert "请A042号到3号窗口。" in said.text  # in the screen's language
    assert [c.number for c in kiosk.window.announcer.waiting] == ["B007"]

    speaker.finish(said.utterance_id)
    QApplication.processEvents()
    second = on(speaker, CALLED_CHANNEL)[-1]
    assert "请B007号到1号窗口。" in second.text
    speaker.finish(second.utterance_id)
    QApplication.processEvents()
    assert len(on(speaker, CALLED_CHANNEL)) == 2 and kiosk.window.announcer.current is None

    call(kiosk, "A042", 3, at=first.at + 30, recall=True)  # called again: said again
    assert "请A042号到3号窗口。" in on(speaker, CALLED_CHANNEL)[-1].text


def test_a_customer_who_turned_speech_off_hears_no_calls(
        kiosk: TicketKiosk, speaker: FakeSpeaker) -> None:
    session = kiosk.window.session
    session.update(session.settings.toggled_speech())
    call(kiosk, "A042", 3)
    assert on(speaker, CALLED_CHANNEL) == []

    session.update(session.settings.toggled_speech())
    call(kiosk, "A043", 2, at=1_790_000_010.0)
    assert "A043" in on(speaker, CALLED_CHANNEL)[-1].text


# --- branch announcements ------------------------------------------------------------------


def test_an_announcement_covers_the_answer_and_is_said_again_until_cleared(
        kiosk: TicketKiosk, speaker: FakeSpeaker, touchscreen: QPointingDevice,
        qtbot: QtBot) -> None:
    reading = reading_a_long_answer(kiosk, touchscreen, qtbot)

    announce(kiosk, NOTICE)

    window = kiosk.window
    assert window.current is window.announcement_screen
    assert window.announcement_screen.message.text() == "Please follow the staff to the exit."
    assert reading.utterance_id not in speaker.open  # the covered screen is not read on
    [first] = on(speaker, ANNOUNCEMENT_CHANNEL)
    assert "Please follow the staff to the exit." in first.text
    assert first.priority is Priority.HIGH

    speaker.finish(first.utterance_id)  # said again a while after each reading ends
    qtbot.waitUntil(lambda: len(on(speaker, ANNOUNCEMENT_CHANNEL)) == 2,
                    timeout=PATIENCE_MS)

    touch(touchscreen, kiosk.kiosk.nav("nav_home"))
    assert window.current is window.announcement_screen  # it stays over every screen
    assert window.flow.screen is Screen.ANNOUNCEMENT
    assert window.flow.beneath is Screen.HOME  # where the customer asked to go

    announce(kiosk, None)
    assert window.current is window.home


def test_the_announcement_is_cleared_back_to_the_screen_the_customer_was_on(
        kiosk: TicketKiosk, touchscreen: QPointingDevice, qtbot: QtBot) -> None:
    reading_a_long_answer(kiosk, touchscreen, qtbot)
    answer = kiosk.window.answer_screen
    place = answer.scroll_position

    announce(kiosk, NOTICE)
    announce(kiosk, None)

    assert kiosk.window.current is answer and answer.scroll_position == place
    assert kiosk.window.takeover.active is False


def test_help_stays_usable_during_an_announcement(
        kiosk: TicketKiosk, touchscreen: QPointingDevice, qtbot: QtBot) -> None:
    window = kiosk.window
    announce(kiosk, NOTICE)
    assert window.current is window.announcement_screen
    assert window.announcement_screen.message.text() == "请跟随工作人员到出口。"

    touch(touchscreen, kiosk.kiosk.nav("nav_help"))
    kiosk.stage.tap_shown()
    assert window.current is window.help_screen and window.help.call_open
    qtbot.waitUntil(lambda: HelpEventKind.RAISED in kiosk.kiosk.kinds(), timeout=PATIENCE_MS)

    touch(touchscreen, kiosk.kiosk.nav("nav_back"))
    assert window.current is window.announcement_screen


def test_the_idle_warning_does_not_cover_an_announcement(kiosk: TicketKiosk) -> None:
    window = kiosk.window
    announce(kiosk, NOTICE)
    window.idle.warn.emit()
    assert window.current is window.announcement_screen
