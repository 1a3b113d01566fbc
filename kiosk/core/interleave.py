"""The elderly-priority interleave of one service, and the promise it lets us make.

The call rule. A service has a regular lane and a priority lane, each first in first out,
and counts `c`, the regular calls since its last priority call, capped at
N = regular_per_priority (N >= 1). Calling the service's next ticket: if the priority lane
is not empty and (c >= N or the regular lane is empty), call the priority head and set
c = 0; otherwise call the regular head and add 1 to c. So an elderly customer waits behind
at most N regular calls at a time, and regular customers still move: never a free-for-all.

The promise. The "people ahead" shown to a customer is the most tickets of the service
that can possibly be called before theirs, whatever arrives later: priority arrivals are
unbounded and regular arrivals join behind existing regulars, but later regulars can fill
the regular slots in front of a priority ticket. With r = N - c regular calls left before
a priority call is due:

- a regular ticket with j regulars ahead is called after those j and at most
  ceil(max(0, j + 1 - r) / N) priority calls: a priority call needs c >= N (the regular
  lane holds this ticket, so it is never empty), the first after r regular calls and each
  later one after N more;
- a priority ticket at index k of the priority lane is called after the k priority
  tickets ahead (later ones join behind it) and at most r + k * N regular calls: at most
  r before the first priority call and at most N before each of the k that follow.

Taking waiting tickets away (a transfer to another service) only removes tickets from
both counts, so the promise made earlier still holds. `waiting_ahead` is the count if
nothing else arrived (the same arithmetic limited to the tickets waiting now): the low end
of the wait range, and the ticket's position in `call_order`.

A ticket transferred here joins the back of the priority lane. That cannot push anyone
already waiting past what they were promised: a regular ticket's promise already assumes
unbounded priority arrivals, and the priority tickets ahead of it stay ahead. The customer
has already waited once, so they should not queue behind every regular again.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field


def _ceil_div(numerator: int, denominator: int) -> int:
    return -(-numerator // denominator)


@dataclass
class ServiceLanes:
    """The two lanes of one service and the interleave counter; holds ticket numbers."""

    regular_per_priority: int
    regular: deque[str] = field(default_factory=deque)
    priority: deque[str] = field(default_factory=deque)
    regular_calls_since_priority: int = 0

    def join(self, number: str, *, priority: bool) -> None:
        (self.priority if priority else self.regular).append(number)

    def leave(self, number: str) -> None:
        """Take a waiting ticket out (it is moving to another service)."""
        lane = self.priority if number in self.priority else self.regular
        lane.remove(number)

    def next_number(self) -> str | None:
        """The ticket the rule calls next, or None when nobody waits."""
        if self._priority_due():
            return self.priority[0]
        return self.regular[0] if self.regular else None

    def take_next(self) -> str:
        """Call the next ticket: remove it from its lane and advance the counter."""
        if self._priority_due():
            self.regular_calls_since_priority = 0
            return self.priority.popleft()
        number = self.regular.popleft()
        self.regular_calls_since_priority = min(
            self.regular_calls_since_priority + 1, self.regular_per_priority
        )
        return number

    def people_ahead(self, number: str) -> int:
        """The most tickets that can be called before `number` (see the module docstring)."""
        if number in self.priority:
            k = self.priority.index(number)
            return k + self._regular_slots_before_priority(k)
        j = self.regular.index(number)
        return j + self._priority_slots_before_regular(j)

    def waiting_ahead(self, number: str) -> int:
        """How many tickets waiting now the rule calls before `number`."""
        if number in self.priority:
            k = self.priority.index(number)
            return k + min(len(self.regular), self._regular_slots_before_priority(k))
        j = self.regular.index(number)
        return j + min(len(self.priority), self._priority_slots_before_regular(j))

    def call_order(self) -> list[str]:
        """The waiting tickets in the order the rule would call them if nobody else came."""
        rehearsal = ServiceLanes(
            self.regular_per_priority,
            deque(self.regular),
            deque(self.priority),
            self.regular_calls_since_priority,
        )
        order: list[str] = []
        while rehearsal.next_number() is not None:
            order.append(rehearsal.take_next())
        return order

    def __contains__(self, number: object) -> bool:
        return number in self.regular or number in self.priority

    def _priority_due(self) -> bool:
        return bool(self.priority) and (
            self.regular_calls_since_priority >= self.regular_per_priority or not self.regular
        )

    def _regular_slots_left(self) -> int:
        return self.regular_per_priority - self.regular_calls_since_priority

    def _priority_slots_before_regular(self, regulars_ahead: int) -> int:
        calls_to_reach = regulars_ahead + 1 - self._regular_slots_left()
        return _ceil_div(max(0, calls_to_reach), self.regular_per_priority)

    def _regular_slots_before_priority(self, priorities_ahead: int) -> int:
        return self._regular_slots_left() + priorities_ahead * self.regular_per_priority
