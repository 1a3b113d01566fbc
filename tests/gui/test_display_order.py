"""The wall display's order of things on its own (no Qt): a fake clock, a voice that
records each round and ends it when the test says."""

from __future__ import annotations

from collections.abc import Callable

from kiosk.display.board_state import BoardNotice, BoardTimes, CallBoard, CalledNumber
from tests.helpers.fake_clock import FakeClock

TIMES = BoardTimes(min_show_s=10.0, announce_times=2, notice_repeat_s=20.0, recent_count=3)


class Voice:
    """Records rounds; ends them only when told (or at once, like a mute display)."""

    def __init__(self, *, instant: bool = False) -> None:
        self.instant = instant
        self.rounds: list[str] = []
        self.pending: list[Callable[[], None]] = []
        self.stops = 0

    def announce_call(self, call: CalledNumber, done: Callable[[], None]) -> None:
        self._round(call.number, done)

    def announce_notice(self, notice: BoardNotice, done: Callable[[], None]) -> None:
        self._round(f"notice {notice.notice_id}", done)

    def _round(self, what: str, done: Callable[[], None]) -> None:
        self.rounds.append(what)
        if self.instant:
            done()
        else:
            self.pending.append(done)

    def stop(self) -> None:
        self.stops += 1
        self.pending.clear()

    def end_round(self) -> None:
        self.pending.pop(0)()


def call(number: str, counter: int = 1, at: float = 0.0) -> CalledNumber:
    return CalledNumber(number, counter, "cash", at)


def board(voice: Voice, clock: FakeClock) -> CallBoard:
    return CallBoard(voice, TIMES, clock)


def test_calls_wait_for_both_readings_and_the_minimum_time() -> None:
    voice, clock = Voice(), FakeClock(1000.0)
    b = board(voice, clock)
    b.called(call("A001"))
    b.called(call("A002"))

    voice.end_round()
    voice.end_round()
    assert voice.rounds == ["A001", "A001"] and b.current == call("A001")
    assert b.wake_at() == 1010.0

    clock.now = 1009.9
    b.tick()
    assert b.current == call("A001")
    clock.now = 1010.0
    b.tick()
    assert b.current == call("A002") and b.recent == (call("A001"),)
    assert voice.rounds[-1] == "A002"


def test_a_mute_voice_never_loops_and_still_keeps_the_minimum_time() -> None:
    voice, clock = Voice(instant=True), FakeClock(1000.0)
    b = board(voice, clock)

    for n in range(1, 4):
        b.called(call(f"A00{n}"))

    assert voice.rounds == ["A001", "A001"]
    clock.now += 10
    b.tick()
    clock.now += 10
    b.tick()
    assert voice.rounds == ["A001", "A001", "A002", "A002", "A003", "A003"]
    assert [c.number for c in b.recent] == ["A002", "A001"]


def test_earlier_numbers_are_capped_and_a_recall_moves_a_number_back_up() -> None:
    voice, clock = Voice(instant=True), FakeClock(1000.0)
    b = board(voice, clock)
    for number in ("A001", "A002", "A003", "A004", "A005", "A002"):
        b.called(call(number))
        clock.now += 10
        b.tick()

    assert b.current == call("A002")
    assert [c.number for c in b.recent] == ["A005", "A004", "A003"]  # no A002 twice


def test_an_announcement_stops_the_reading_and_the_number_is_read_again_after() -> None:
    voice, clock = Voice(), FakeClock(1000.0)
    b = board(voice, clock)
    b.called(call("A001"))
    stopped_round = voice.pending[0]

    b.notice_changed(BoardNotice("n1", {"en": "Please leave."}))
    stopped_round()  # a late report from the stopped reading changes nothing

    assert voice.stops == 1 and voice.rounds == ["A001", "notice n1"]
    voice.end_round()
    assert b.wake_at() == clock.now + 20
    clock.now += 20
    b.tick()
    assert voice.rounds[-1] == "notice n1"

    b.notice_changed(None)
    assert b.notice is None and voice.rounds[-1] == "A001"
    voice.end_round()
    assert voice.rounds[-1] == "A001"  # read twice in full after the announcement


def test_numbers_already_called_are_shown_only_on_an_empty_board() -> None:
    voice, clock = Voice(), FakeClock(1000.0)
    b = board(voice, clock)
    b.seed([call("B001", at=5.0), call("B002", at=9.0)])

    assert b.current == call("B002", at=9.0) and voice.rounds == []
    b.seed([call("C001", at=20.0)])
    assert b.current == call("B002", at=9.0)
    b.called(call("A001"))  # a new call goes up at once: the seeded one was not announced
    assert b.current == call("A001") and voice.rounds == ["A001"]
