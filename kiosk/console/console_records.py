"""The console's journal as the GUI sees it: kept in memory, written on the worker thread.

The window reads tickets, ratings, kiosk events and announcements from here at any moment
without touching SQLite; every change is handed to the device's worker thread to be written
(a write can stall on a busy disk, the screen must not).
"""

from __future__ import annotations

from collections.abc import Callable

from kiosk.console.journal import AnnouncementRecord, Journal, VisitRating
from kiosk.console.queue_watch import QueueWatch, TicketEnd, TicketRecord
from kiosk.console.supervision import DeviceEvent
from kiosk.protocol.help_messages import VisitFeedback
from kiosk.protocol.staff_messages import Announcement
from kiosk.protocol.ticket_messages import QueueState, TicketCalled

Submit = Callable[[Callable[[], None]], None]


class ConsoleRecords:
    def __init__(self, journal: Journal, submit: Submit) -> None:
        self._journal = journal
        self._submit = submit
        self.queue = QueueWatch(journal.tickets())
        self.ratings: list[VisitRating] = journal.ratings()
        self.device_events: list[DeviceEvent] = journal.device_events()
        self._announcements = {a.announcement_id: a for a in journal.announcements()}
        self._senders: dict[str, str] = {}  # announcement id -> staff id, sent from here

    def tickets(self) -> list[TicketRecord]:
        return self.queue.records()

    def announcements(self) -> list[AnnouncementRecord]:
        return sorted(self._announcements.values(), key=lambda a: a.at)

    def _save_tickets(self, changed: list[TicketRecord]) -> bool:
        if changed:
            journal = self._journal
            self._submit(lambda: journal.save_tickets(changed))
        return bool(changed)

    def queue_state(self, state: QueueState) -> bool:
        return self._save_tickets(self.queue.queue_state(state))

    def called(self, called: TicketCalled) -> bool:
        return self._save_tickets(self.queue.called(called))

    def ended_here(self, number: str, how: TicketEnd, at: float) -> bool:
        return self._save_tickets(self.queue.ended_here(number, how, at))

    def rating(self, feedback: VisitFeedback, kiosk_id: str, at: float) -> bool:
        if any(r.feedback_id == feedback.feedback_id for r in self.ratings):
            return False
        rating = VisitRating(feedback.feedback_id, kiosk_id, feedback.rating.value,
                             feedback.language, at)
        self.ratings.append(rating)
        journal = self._journal

        def write() -> None:
            journal.add_rating(rating)

        self._submit(write)
        return True

    def device_event(self, event: DeviceEvent) -> None:
        self.device_events.append(event)
        journal = self._journal
        self._submit(lambda: journal.add_device_event(event))

    def announcement(self, announcement: Announcement) -> bool:
        """An announcement seen on the bus (retained ones come again on every connect)."""
        if announcement.announcement_id in self._announcements:
            return False
        record = AnnouncementRecord(announcement.announcement_id, announcement.at,
                                    announcement.active, dict(announcement.text),
                                    self._senders.get(announcement.announcement_id, ""))
        self._keep(record)
        return True

    def sent_here(self, announcement_id: str, staff_id: str) -> bool:
        """The hub says this desk's action published that announcement."""
        self._senders[announcement_id] = staff_id
        known = self._announcements.get(announcement_id)
        if known is None or known.staff_id == staff_id:
            return False
        self._keep(AnnouncementRecord(known.announcement_id, known.at, known.active,
                                      known.text, staff_id))
        return True

    def _keep(self, record: AnnouncementRecord) -> None:
        self._announcements[record.announcement_id] = record
        journal = self._journal
        self._submit(lambda: journal.add_announcement(record))
