"""The wall display as people in the waiting area meet it: numbers shown and announced one
at a time, each long enough to be seen; announcements over everything until cleared.

The window is the real one with the real voice (chime, then a sentence per language) over
the fake speaker, which records what would be said; times are shortened for the tests.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from kiosk.core.settings import DisplaySection, LocalText
from kiosk.display.app import display_theme
from kiosk.display.board_state import BoardTimes
from kiosk.display.board_voice import SpokenBoardVoice
from kiosk.display.board_words import BoardWords
from kiosk.display.chime import SilentChime
from kiosk.display.display_window import DisplayWindow
from kiosk.net.display_client import DisplayLink
from kiosk.protocol.staff_messages import Announcement
from kiosk.protocol.ticket_messages import QueueState, ServingTicket, TicketCalled
from kiosk.speech.api import Priority
from kiosk.speech.qt_adapter import QtSpeechEvents
from kiosk.ui.fonts import load_fonts
from tests.helpers.fake_clock import FakeClock
from tests.helpers.fake_speaker import FakeSpeaker

MIN_SHOW_S = 1.5
TIMES = BoardTimes(min_show_s=MIN_SHOW_S, announce_times=2, notice_repeat_s=0.3,
                   recent_count=4)
CALL_GAP_MS = 1000
PATIENCE_MS = 10_000
LANGUAGES = ("zh_CN", "en")
EVACUATE = LocalText({"zh_CN": "请跟随工作人员离开营业厅。",
                      "en": "Please follow the staff out of the hall."})


def called(number: str, counter: int) -> TicketCalled:
    return TicketCalled(number, "cash", counter, False, time.time())


def announcement(active: bool, ident: str = "a" * 32) -> Announcement:
    return Announcement(ident, active, EVACUATE if active else LocalText({}), time.time())


@dataclass
class Board:
    window: DisplayWindow
    speaker: FakeSpeaker
    chime: SilentChime
    clock: FakeClock
    shown: list[tuple[float, str | None, bool]]
    """(board's clock, newest number, announcement up) at every change of the board."""

    def spoken(self) -> list[tuple[str, str]]:
        return [(said.language, said.text) for said in self.speaker.said]


@pytest.fixture
def family(qapp: QApplication) -> str:
    return load_fonts()


@pytest.fixture
def make_board(qtbot, family: str) -> Iterator[Any]:  # type: ignore[no-untyped-def]
    boards: list[Board] = []

    def make(*, speaker: FakeSpeaker | None = None,
             times: BoardTimes = TIMES) -> Board:
        speaker = speaker or FakeSpeaker()
        chime = SilentChime()
        words = BoardWords(LANGUAGES)
        events = QtSpeechEvents(speaker)
        voice = SpokenBoardVoice(speaker, events, chime, words)
        clock = FakeClock(follow=time.monotonic)
        window = DisplayWindow(words, display_theme(DisplaySection(), family), times, voice,
                               monotonic=clock)
        events.setParent(window)
        voice.setParent(window)
        qtbot.addWidget(window)
        section = DisplaySection()
        window.resize(section.width_px, section.height_px)
        window.show()
        board = Board(window, speaker, chime, clock, [])

        def record() -> None:
            board.shown.append((clock.last, window.calls.newest_number(),
                                window.pages.currentWidget() is window.notice))

        window.boardChanged.connect(record)
        boards.append(board)
        return board

    yield make
    for board in boards:
        board.window.stop()


def test_two_numbers_called_a_second_apart_are_shown_and_announced_in_turn(
        qtbot, make_board) -> None:  # type: ignore[no-untyped-def]
    board = make_board()
    board.window.ticket_called(called("A001", 3))
    QTimer.singleShot(CALL_GAP_MS, lambda: board.window.ticket_called(called("A002", 1)))

    qtbot.waitUntil(lambda: len(board.speaker.said) == 8, timeout=PATIENCE_MS)

    assert board.spoken() == 2 * [("zh_CN", "请A001号到3号窗口。"),
                                  ("en", "Number A001, please go to counter 3.")] \
        + 2 * [("zh_CN", "请A002号到1号窗口。"), ("en", "Number A002, please go to counter 1.")]
    assert all(said.priority is Priority.HIGH for said in board.speaker.said)
    assert board.chime.played == 4  # a chime before each reading
    ups = [(at, number) for at, number, _ in board.shown if number is not None]
    first = next(at for at, number in ups if number == "A001")
    second = next(at for at, number in ups if number == "A002")
    assert second - first >= MIN_SHOW_S
    assert board.window.calls.newest_number() == "A002"
    assert board.window.calls.earlier_numbers() == ["A001"]


def test_the_next_number_waits_until_the_current_one_has_been_said(
        qtbot, make_board) -> None:  # type: ignore[no-untyped-def]
    speaker = FakeSpeaker(auto_finish=False)
    board = make_board(speaker=speaker, times=BoardTimes(0.1, 2, 0.3, 4))
    board.window.ticket_called(called("A001", 3))
    board.window.ticket_called(called("A002", 1))
    qtbot.waitUntil(lambda: len(speaker.open) == 2, timeout=PATIENCE_MS)

    board.clock.advance(1.0)  # well past the minimum time on screen, A001 still being said
    board.window.board.tick()
    assert board.window.calls.newest_number() == "A001"
    assert [s.text for s in speaker.said] == ["请A001号到3号窗口。",
                                              "Number A001, please go to counter 3."]
    for _ in range(2):  # both readings of A001 end
        for utterance in list(speaker.open):
            speaker.finish(utterance)
        qtbot.waitUntil(lambda: len(speaker.open) == 2, timeout=PATIENCE_MS)

    qtbot.waitUntil(lambda: board.window.calls.newest_number() == "A002",
                    timeout=PATIENCE_MS)
    assert [s.text for s in speaker.said][-2:] == ["请A002号到1号窗口。",
                                                   "Number A002, please go to counter 1."]


def test_an_announcement_takes_over_is_repeated_and_clears(
        qtbot, make_board) -> None:  # type: ignore[no-untyped-def]
    board = make_board(speaker=FakeSpeaker(auto_finish=False))
    board.window.ticket_called(called("A001", 3))
    qtbot.waitUntil(lambda: len(board.speaker.open) == 2, timeout=PATIENCE_MS)

    board.window.announcement(announcement(True))
    board.speaker.auto_finish = True

    window = board.window
    assert window.pages.currentWidget() is window.notice
    assert window.notice.caption.text() == "通知  Notice"
    assert [label.text() for label in window.notice.labels] == [EVACUATE["zh_CN"],
                                                                 EVACUATE["en"]]
    assert window.notice.role in ("huge", "heading")
    qtbot.waitUntil(lambda: board.spoken().count(("zh_CN", EVACUATE["zh_CN"])) >= 3,
                    timeout=PATIENCE_MS)
    assert board.speaker.stops == 1  # the number being read was cut short
    assert board.speaker.open == []
    board.window.announcement(announcement(True))  # the retained message again: no change
    said_before = len(board.speaker.said)

    board.window.announcement(announcement(False, "b" * 32))

    assert window.pages.currentWidget() is window.calls
    assert window.calls.newest_number() == "A001"
    qtbot.waitUntil(lambda: board.spoken()[said_before:].count(
        ("zh_CN", "请A001号到3号窗口。")) == 2, timeout=PATIENCE_MS)  # said again in full
    count = board.spoken().count(("en", EVACUATE["en"]))
    board.clock.advance(1.0)  # several repeat intervals: a cleared announcement is not read
    board.window.board.tick()
    assert board.spoken().count(("en", EVACUATE["en"])) == count


def test_numbers_called_before_the_display_started_are_shown_not_announced(
        qtbot, make_board) -> None:  # type: ignore[no-untyped-def]
    board = make_board()
    state = QueueState("2026-11-27", time.time(), serving=(
        ServingTicket("B003", "pension", 2, 100.0), ServingTicket("A007", "cash", 1, 200.0)))

    board.window.queue_state(state)

    assert board.window.calls.newest_number() == "A007"
    assert board.window.calls.earlier_numbers() == ["B003"]
    assert board.speaker.said == []


def test_a_lost_connection_is_said_on_the_board(make_board) -> None:  # type: ignore[no-untyped-def]
    board = make_board()
    status = board.window.status

    board.window.link_changed(DisplayLink(connected=True, hub_online=False))
    assert status.isVisibleTo(board.window)
    assert status.text() == "连接中断，新的叫号可能不会显示  Not connected: new calls may not show"

    board.window.link_changed(DisplayLink(connected=True, hub_online=True))
    assert not status.isVisibleTo(board.window)
