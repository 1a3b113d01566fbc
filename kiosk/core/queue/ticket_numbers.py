"""Ticket numbers and the business day they belong to.

A number is the service's prefix (one or two capital letters) and the ticket's place in
that service's sequence for the day, at least three digits: A001, A002 ... A999, then
A1000, A1001. The sequence only grows within a day, so a number is never reused and never
issued twice in a day; it widens past 999 instead of wrapping, because a wrapped A001
would be a second customer answering to the same call. Services have distinct prefixes
(checked when the queue is built), so numbers are unique across the branch for the day.

The business day is the calendar date of an event's time in the branch's time zone; the
hub injects that time, so nothing here reads a clock.
"""

from __future__ import annotations

import re
from datetime import date, datetime, tzinfo

PREFIX_PATTERN = re.compile(r"[A-Z]{1,2}")
"""A service prefix: short enough to read out and to print large."""

NUMBER_PATTERN = re.compile(r"[A-Z]{1,2}(?:[0-9]{3}|[1-9][0-9]{3,8})")
"""Any number `ticket_number` can produce (A001, A999, A1000), and nothing else."""


def ticket_number(prefix: str, sequence: int) -> str:
    """The `sequence`-th ticket of the day for the service with `prefix` (1 -> A001)."""
    if sequence < 1:
        raise ValueError(f"ticket sequences start at 1, not {sequence}")
    return f"{prefix}{sequence:03d}"


def business_day(at: float, tz: tzinfo) -> date:
    """The branch's calendar date at unix time `at`."""
    return datetime.fromtimestamp(at, tz).date()
