"""Which sentence tells a customer their place and their wait, decided once.

The kiosk screen, the printed ticket, the speech (all three from
`kiosk.printing.ticket_words`) and the phone's status page (`kiosk.hub.status_page`) word a
ticket the same way; each holds the words of every sentence in its languages, and a test
checks the status page's words against the kiosk's translations. Here is only the choice:

- people ahead: "Nobody is waiting before you." for 0, a sentence for one person, and
  "{count} people are waiting before you." otherwise: the number waiting before the ticket
  now (`kiosk.core.queue.interleave`), never an upper bound;
- the wait, a range of whole minutes: "under 1 minute" when nobody can be called first,
  "up to {high} minutes" when the low end is 0, "about {low} minutes" when both ends meet,
  otherwise "{low} to {high} minutes". Never "0 to 0".
"""

from __future__ import annotations

from enum import StrEnum


class AheadWording(StrEnum):
    NOBODY = "nobody"
    ONE = "one"
    MANY = "many"  # {count}


class WaitWording(StrEnum):
    UNDER_A_MINUTE = "under_a_minute"
    UP_TO = "up_to"  # {high}
    ABOUT = "about"  # {low} (low == high)
    RANGE = "range"  # {low} and {high}


def ahead_wording(people_ahead: int) -> AheadWording:
    if people_ahead <= 0:
        return AheadWording.NOBODY
    return AheadWording.ONE if people_ahead == 1 else AheadWording.MANY


def wait_minutes(low_s: int, high_s: int) -> tuple[int, int]:
    """The hub's range in seconds as whole minutes: the low end rounded down, the high end
    rounded up (the hub sends whole minutes already; this keeps any other value honest)."""
    low = max(0, low_s // 60)
    high = max(low, -(-high_s // 60))
    return low, high


def wait_wording(low_min: int, high_min: int) -> WaitWording:
    if high_min <= 0:
        return WaitWording.UNDER_A_MINUTE
    if low_min <= 0:
        return WaitWording.UP_TO
    if low_min >= high_min:
        return WaitWording.ABOUT
    return WaitWording.RANGE
