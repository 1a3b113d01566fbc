"""Questions and answers at the kiosk: topics, questions, the answer in large text, read
aloud, "read again" and "stop", dragged with a finger, and content files that break.

The content is the shipped `assets/faq` files (copied, so a test can break them); the
kiosk is the real window with the fake speaker.
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QPointingDevice
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QScroller
from pytestqt.qtbot import QtBot

from kiosk.core.kiosk_flow import Screen
from kiosk.customer.choice_pages import ChoicePages
from kiosk.customer.screen_voice import READING_CHANNEL
from kiosk.paths import assets_dir
from kiosk.speech.api import Priority
from kiosk.ui.render import settle
from tests.gui.test_kiosk_ticket import TicketKiosk, start_ticket_kiosk
from tests.helpers.fake_speaker import FakeSpeaker
from tests.helpers.kiosk_harness import stop_kiosk, touch

PATIENCE_MS = 5000


@pytest.fixture
def touchscreen(qapp: QApplication) -> QPointingDevice:
    return QTest.createTouchDevice()


@pytest.fixture
def content(tmp_path: Path) -> Path:
    folder = tmp_path / "faq"
    shutil.copytree(assets_dir() / "faq", folder)
    return folder


@pytest.fixture
def kiosk(qtbot: QtBot, tmp_path: Path, content: Path) -> Iterator[TicketKiosk]:
    under_test = start_ticket_kiosk(qtbot, tmp_path, faq_dir=content)
    yield under_test
    stop_kiosk(under_test.kiosk.parts)


def choose(touchscreen: QPointingDevice, pages: ChoicePages, index: int) -> None:
    """Turn the pages until the choice shows, then touch it, as a customer would (who
    sees the screen laid out before touching it)."""
    settle(pages.window())
    for _ in range(pages.page_count):
        if not pages.buttons[index].isHidden():
            break
        touch(touchscreen, pages.next_button)
        settle(pages.window())
    assert not pages.buttons[index].isHidden(), f"choice {index} is on no page"
    touch(touchscreen, pages.buttons[index])


def open_answer(kiosk: TicketKiosk, touchscreen: QPointingDevice, category: str,
                question: int) -> None:
    window = kiosk.window
    settle(window)
    touch(touchscreen, window.home.questions_button)
    book = window.faq.catalogue.book("zh_CN")
    index = [c.id for c in book.categories].index(category)
    choose(touchscreen, window.categories_screen.choices, index)
    choose(touchscreen, window.questions_screen.choices, question)


def longest_english_answer(kiosk: TicketKiosk) -> tuple[str, int]:
    """(category, question index) of the longest English answer: it needs scrolling."""
    book = kiosk.window.faq.catalogue.book("en")
    entry = max(book.entries, key=lambda e: len(e.answer))
    return entry.category, [e.id for e in book.entries_in(entry.category)].index(entry.id)


def test_topics_questions_and_the_answer_come_from_the_content_and_are_read(
        kiosk: TicketKiosk, touchscreen: QPointingDevice) -> None:
    window = kiosk.window
    touch(touchscreen, window.home.questions_button)
    titles = [b.text() for b in window.categories_screen.choices.buttons]
    assert titles[:3] == ["来银行办事", "取号和优先服务", "养老金"] and len(titles) == 7
    assert "防范诈骗" in kiosk.speaker.last.text

    touch(touchscreen, window.categories_screen.choices.buttons[0])
    assert window.flow.screen is Screen.QUESTIONS
    assert window.questions_screen.title.text() == "来银行办事"
    first_question = window.questions_screen.choices.buttons[0].text()
    assert first_question == "来银行办事要带什么？"

    touch(touchscreen, window.questions_screen.choices.buttons[0])
    answer = window.answer_screen
    assert window.flow.screen is Screen.ANSWER
    assert answer.question.text() == first_question
    shown = [p.text() for p in answer.paragraphs if not p.isHidden()]
    assert shown[0].startswith("请带上您本人的身份证。")
    reading = kiosk.speaker.last
    assert reading.text == " ".join([first_question, *shown])
    assert reading.priority is Priority.NORMAL and reading.channel == READING_CHANNEL


def test_read_again_reads_from_the_top_and_stop_silences_only_the_reading(
        qtbot: QtBot, tmp_path: Path, content: Path, touchscreen: QPointingDevice) -> None:
    speaker = FakeSpeaker(auto_finish=False)
    kiosk = start_ticket_kiosk(qtbot, tmp_path, speaker=speaker, faq_dir=content)
    try:
        open_answer(kiosk, touchscreen, "visit", 0)
        news = kiosk.window.voice.announce(["请A042号到1号窗口。"], "called")
        reading = speaker.last_reading = [s for s in speaker.said
                                          if s.channel == READING_CHANNEL][-1]

        touch(touchscreen, kiosk.window.answer_screen.stop_button)
        assert reading.utterance_id not in speaker.open  # the reading stopped
        assert news in speaker.open  # a called number being said goes on

        touch(touchscreen, kiosk.window.answer_screen.read_again_button)
        again = speaker.last
        assert again.channel == READING_CHANNEL and again.text == reading.text
        assert again.utterance_id in speaker.open
    finally:
        stop_kiosk(kiosk.kiosk.parts)


def test_the_answer_follows_a_language_switch(kiosk: TicketKiosk,
                                              touchscreen: QPointingDevice) -> None:
    open_answer(kiosk, touchscreen, "visit", 0)
    session = kiosk.window.session
    session.update(session.settings.with_language("en"))
    answer = kiosk.window.answer_screen
    assert answer.question.text() == "What should I bring to the bank?"
    assert kiosk.speaker.last.language == "en"
    assert "What should I bring to the bank?" in kiosk.speaker.last.text


def _larger_text(kiosk: TicketKiosk) -> None:
    session = kiosk.window.session
    session.update(session.settings.with_language("en").toggled_size())


# Qt's gesture manager says this when the kinetic scroller's gesture, made from the mouse
# events Qt synthesises from a touch, is delivered after its target lookup failed; the drag
# itself works, as asserted below. Ignored here only, not for the whole suite.
@pytest.mark.qt_log_ignore(
    r"^QGestureManager::deliverEvents: could not find the target for gesture$")
def test_a_long_answer_is_dragged_with_a_finger_kinetically(
        kiosk: TicketKiosk, qtbot: QtBot, touchscreen: QPointingDevice) -> None:
    _larger_text(kiosk)
    open_answer(kiosk, touchscreen, *longest_english_answer(kiosk))
    answer = kiosk.window.answer_screen
    qtbot.waitUntil(lambda: answer.overflowing, timeout=PATIENCE_MS)
    viewport = answer.area.viewport()
    assert QScroller.hasScroller(viewport)
    assert answer.drag_hint.isVisible() and answer.more_button.isVisible()
    assert not answer.earlier_button.isVisible()  # at the top: nothing earlier to show

    window = kiosk.window
    start = viewport.mapTo(window, viewport.rect().center() + QPoint(0, viewport.height() // 4))
    QTest.touchEvent(window, touchscreen).press(0, start).commit()
    for step in range(1, 6):  # a finger flicking the text up, at a finger's pace
        qtbot.wait(16)
        QTest.touchEvent(window, touchscreen).move(0, start - QPoint(0, 20 * step)).commit()
    qtbot.wait(16)
    QTest.touchEvent(window, touchscreen).release(0, start - QPoint(0, 100)).commit()
    at_release = answer.scroll_position

    scroller = QScroller.scroller(viewport)
    qtbot.waitUntil(lambda: scroller.state() is QScroller.State.Inactive, timeout=PATIENCE_MS)
    bar = answer.area.verticalScrollBar()
    assert 0 < at_release < bar.maximum()
    assert answer.scroll_position > at_release  # it glides on after the finger lifts
    assert kiosk.window.flow.screen is Screen.ANSWER  # a drag is not a tap on anything


def test_more_text_and_earlier_text_move_a_long_answer_for_a_keypad(
        kiosk: TicketKiosk, qtbot: QtBot, touchscreen: QPointingDevice) -> None:
    _larger_text(kiosk)
    open_answer(kiosk, touchscreen, *longest_english_answer(kiosk))
    answer = kiosk.window.answer_screen
    qtbot.waitUntil(lambda: answer.overflowing, timeout=PATIENCE_MS)

    touch(touchscreen, answer.more_button)
    moved = answer.scroll_position
    assert moved > 0 and answer.earlier_button.isVisible()
    answer.earlier_button.click()
    assert answer.scroll_position < moved


def test_a_broken_content_file_keeps_the_last_good_questions(
        kiosk: TicketKiosk, content: Path, touchscreen: QPointingDevice,
        caplog: pytest.LogCaptureFixture) -> None:
    (content / "zh_CN.toml").write_text('language = "zh_CN"\n[[entries]]\nid = "Bad Id"\n',
                                        encoding="utf-8")
    with caplog.at_level(logging.ERROR):
        kiosk.window.reset_for_next_customer()  # the next customer: the files are read

    assert kiosk.window.questions.last_load is not None
    assert kiosk.window.faq.refusals == 1
    assert any("zh_CN.toml" in record.getMessage() for record in caplog.records)
    open_answer(kiosk, touchscreen, "visit", 0)
    assert kiosk.window.answer_screen.question.text() == "来银行办事要带什么？"


def test_with_no_usable_content_at_all_the_kiosk_says_so_and_goes_on(
        qtbot: QtBot, tmp_path: Path, touchscreen: QPointingDevice) -> None:
    broken = tmp_path / "broken-faq"
    broken.mkdir()
    (broken / "zh_CN.toml").write_text("this is not [ valid toml", encoding="utf-8")
    (broken / "en.toml").write_text("language = 'en'\n", encoding="utf-8")
    kiosk = start_ticket_kiosk(qtbot, tmp_path, faq_dir=broken)
    try:
        touch(touchscreen, kiosk.window.home.questions_button)
        screen = kiosk.window.categories_screen
        assert screen.choices.shown_buttons() == []
        assert screen.intro.text() == "抱歉，常见问题现在打不开。请问大堂的工作人员。"
        assert "请问大堂的工作人员" in kiosk.speaker.last.text
        touch(touchscreen, kiosk.kiosk.nav("nav_help"))
        kiosk.stage.tap_shown()
        assert kiosk.window.flow.screen is Screen.HELP  # the rest of the kiosk works
    finally:
        stop_kiosk(kiosk.kiosk.parts)
