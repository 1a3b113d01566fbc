"""What the queue needs to know about one service, as plain data.

The queue takes these rather than the branch configuration so that it can be built and
tested without a config file, and so that the config's shape (names per language, colours,
kiosk button order) can change without touching the queue's rules.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from kiosk.core.queue.events import SERVICE_ID_PATTERN, QueueError, check_counter
from kiosk.core.queue.ticket_numbers import PREFIX_PATTERN


@dataclass(frozen=True)
class ServiceRule:
    """A service customers queue for.

    `prefix` starts every ticket number of the service (one or two capital letters);
    `counters` are the counters that call it (a counter may serve several services);
    `default_service_s` is the time one customer takes at a counter, used for the wait
    estimate until a few real service times of the day are known.
    """

    id: str
    prefix: str
    counters: frozenset[int]
    default_service_s: float = 300.0

    def __post_init__(self) -> None:
        if not isinstance(self.id, str) or SERVICE_ID_PATTERN.fullmatch(self.id) is None:
            raise QueueError(
                f"service id {self.id!r} must be 1-32 of a-z, 0-9 and '-', not starting with '-'"
            )
        if not isinstance(self.prefix, str) or PREFIX_PATTERN.fullmatch(self.prefix) is None:
            raise QueueError(
                f"service {self.id}: prefix {self.prefix!r} must be one or two capital letters"
            )
        if not isinstance(self.counters, frozenset) or not self.counters:
            raise QueueError(f"service {self.id}: counters must be a non-empty frozenset")
        for counter in self.counters:
            try:
                check_counter(counter)
            except QueueError as error:
                raise QueueError(f"service {self.id}: {error.reason}") from None
        service_s = self.default_service_s
        if (
            isinstance(service_s, bool)
            or not isinstance(service_s, int | float)
            or not math.isfinite(service_s)
            or service_s <= 0
        ):
            raise QueueError(
                f"service {self.id}: default_service_s must be a positive number of seconds"
            )
