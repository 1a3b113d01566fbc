"""Which sentence words a ticket's place and wait (kiosk.core.queue.ticket_sentences): one choice
for the kiosk screen, the paper, the voice and the status page."""

from __future__ import annotations

import pytest

from kiosk.core.queue.ticket_sentences import (
    AheadWording,
    WaitWording,
    ahead_wording,
    wait_minutes,
    wait_wording,
)


@pytest.mark.parametrize(("count", "wording"), [
    (0, AheadWording.NOBODY), (1, AheadWording.ONE), (2, AheadWording.MANY),
    (40, AheadWording.MANY)])
def test_people_ahead(count: int, wording: AheadWording) -> None:
    assert ahead_wording(count) is wording


@pytest.mark.parametrize(("low", "high", "wording"), [
    (0, 0, WaitWording.UNDER_A_MINUTE),  # never "0 to 0 minutes"
    (0, 3, WaitWording.UP_TO),
    (2, 2, WaitWording.ABOUT),
    (10, 25, WaitWording.RANGE)])
def test_the_wait(low: int, high: int, wording: WaitWording) -> None:
    assert wait_wording(low, high) is wording


def test_seconds_become_minutes_rounded_outwards_and_never_backwards() -> None:
    assert wait_minutes(0, 0) == (0, 0)
    assert wait_minutes(600, 1150) == (10, 20)
    assert wait_minutes(659, 661) == (10, 12)
    assert wait_minutes(900, 300) == (15, 15)
