"""What the lobby hears from the hub: called tickets, the day's queue and the branch
announcement. Kiosks and wall displays both pass them on to their owner unchanged, through
the same three hooks, so both read them here."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from kiosk.protocol.message import Message
from kiosk.protocol.staff_messages import Announcement
from kiosk.protocol.ticket_messages import QueueState, TicketCalled


def ignore(*_: object) -> None:
    """A hook nobody gave: does nothing."""
    return None


@dataclass(slots=True)
class NewsHooks:
    """The hooks of a client that shows the branch's news, on the client's own thread. A
    hook not given does nothing; a misspelt one is an error rather than a new attribute."""

    on_called: Callable[[TicketCalled], None] = ignore
    """A ticket was called to a counter."""
    on_queue: Callable[[QueueState], None] = ignore
    """The day's queue."""
    on_announcement: Callable[[Announcement], None] = ignore
    """The branch announcement, or that it was cleared."""


def pass_on_news(message: Message, hooks: NewsHooks) -> bool:
    """Give ``message`` to its hook when it is news; False when it is something else."""
    if isinstance(message, TicketCalled):
        hooks.on_called(message)
    elif isinstance(message, QueueState):
        hooks.on_queue(message)
    elif isinstance(message, Announcement):
        hooks.on_announcement(message)
    else:
        return False
    return True
