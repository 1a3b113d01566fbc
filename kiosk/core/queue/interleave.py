"""The elderly-priority interleave of one service, and the promise it lets us make.

One line. A service keeps its waiting tickets in one line, in the order they will be
called, and counts `c`, the regular calls since its last priority call, capped at
N = regular_per_priority (N >= 1). A call takes the head of the line (a priority call sets
c = 0, a regular one adds 1 to c). Nobody is ever reordered after joining; only where a
ticket joins differs:

- a regular ticket joins the back of the line;
- a priority ticket (an elderly customer's, or one transferred here from another service)
  joins behind the last priority ticket in the line and at most N regular tickets after
  it; with no priority ticket in the line, behind at most r = N - c regular tickets from
  the head. With fewer regulars there, it joins the back.

So an elderly customer waits behind at most N regular calls at a time, and regular
customers still move: never a free-for-all (the same call order as two lanes with the
counter rule, except that nobody who comes later goes first).

The promise (docs/decisions/0017-queue-promise.md). The people ahead a customer is told
are the tickets of the service waiting before theirs now: their place in the line, never
someone who has not arrived.

- A priority ticket's count never goes up: later regulars join behind every priority
  ticket's place, later priority tickets join behind the last priority ticket, and a call
  or a transfer away only takes tickets out of the line.
- A regular ticket's count goes up only when a priority ticket joins in front of it, and at
  most `priority_may_pass` times: one for each N regulars between it and the last priority
  ticket before it (counting r, not N, for the first when there is none), and none when a
  priority ticket already waits behind it. That bound never goes up either, so the most a
  regular customer is told can be called first (`people_ahead + priority_may_pass`, the
  high end of the wait range) only comes down.

A priority ticket that leaves (moved to another service) leaves its place empty rather than
pulling later priority tickets forward, which would push regular tickets back. When it was
the last priority ticket in the line, its empty place is kept (`vacated`): later priority
tickets still join at most N regulars behind that place, not behind an earlier priority
ticket or from the head, so the regular tickets between the two keep the bound they were
told. When the empty place reaches the head it counts as a priority call (c = 0).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class ServiceLanes:
    """The line of one service and the interleave counter; holds ticket numbers."""

    regular_per_priority: int
    line: list[str] = field(default_factory=list)
    priority: set[str] = field(default_factory=set)
    regular_calls_since_priority: int = 0
    vacated: int | None = None
    """The empty place of the last priority ticket that left the line, as the number of
    tickets waiting before it; None when no such place is kept (a priority ticket waits
    behind it, or it reached the head)."""

    def join(self, number: str, *, priority: bool) -> None:
        if not priority:
            self.line.append(number)
            return
        after = self._priority_place_end()
        if after is None:
            place = self._regular_slots_left()
        else:
            place = after + self.regular_per_priority
        self.line.insert(min(place, len(self.line)), number)
        self.priority.add(number)
        self.vacated = None  # it joined behind the empty place, which it now stands for

    def leave(self, number: str) -> None:
        """Take a waiting ticket out (it is moving to another service). The last priority
        ticket's place stays as `vacated` (see the module docstring)."""
        index = self.line.index(number)
        del self.line[index]
        if self.vacated is not None:
            if index < self.vacated:
                self.vacated -= 1
        elif number in self.priority:
            end = self._priority_place_end()  # of the priority tickets still in line
            if end is None or end <= index:
                self.vacated = index  # it was the last priority ticket: keep its place
        self.priority.discard(number)
        self._reach_empty_place()

    def next_number(self) -> str | None:
        """The ticket called next, or None when nobody waits."""
        return self.line[0] if self.line else None

    def take_next(self) -> str:
        """Call the next ticket: take the head of the line and advance the counter."""
        number = self.line.pop(0)
        if number in self.priority:
            self.priority.discard(number)
            self.regular_calls_since_priority = 0
        else:
            self.regular_calls_since_priority = min(
                self.regular_calls_since_priority + 1, self.regular_per_priority
            )
        if self.vacated is not None:
            self.vacated -= 1
            self._reach_empty_place()
        return number

    def people_ahead(self, number: str) -> int:
        """How many tickets waiting now are called before `number`."""
        return self.line.index(number)

    def priority_may_pass(self, number: str) -> int:
        """The most priority tickets that can still join in front of `number` (see the
        module docstring); 0 for a priority ticket, which nobody can pass."""
        if number in self.priority:
            return 0
        index = self.line.index(number)
        after = self._priority_place_end()
        if after is not None and after > index:
            return 0  # new priority tickets join behind that one (or its empty place)
        if after is not None:
            return (index - after) // self.regular_per_priority
        first_slot = self._regular_slots_left()
        if index < first_slot:
            return 0
        return 1 + (index - first_slot) // self.regular_per_priority

    def call_order(self) -> list[str]:
        """The waiting tickets in the order they are called if nobody else comes."""
        return list(self.line)

    def __contains__(self, number: object) -> bool:
        return number in self.line

    def _last_priority_index(self, before: int) -> int | None:
        for index in range(before - 1, -1, -1):
            if self.line[index] in self.priority:
                return index
        return None

    def _priority_place_end(self) -> int | None:
        """Where the regular tickets after the last priority place begin: just behind the
        last priority ticket in the line, or at its kept empty place; None with neither."""
        if self.vacated is not None:
            return self.vacated  # kept only while no priority ticket waits behind it
        last = self._last_priority_index(len(self.line))
        return last + 1 if last is not None else None

    def _reach_empty_place(self) -> None:
        """An empty priority place at the head is passed like a priority call."""
        if self.vacated == 0:
            self.vacated = None
            self.regular_calls_since_priority = 0

    def _regular_slots_left(self) -> int:
        return self.regular_per_priority - self.regular_calls_since_priority
