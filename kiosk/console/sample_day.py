"""A made-up week in a branch, to draw the console's screens with something on them.

``render-console`` needs open calls, a week of past calls and drills, a queue, tickets,
ratings, heartbeats and announcements that look like a real branch's, built from the
branch configuration (its kiosks, staff, services and counters) so the pictures show real
names. Everything is made of the product's own types (help events, queue states), passed
through the same code a live console runs; nothing here is used when a console runs.
Seeded, so the pictures come out the same every time.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

from kiosk.console.journal import AnnouncementRecord, VisitRating
from kiosk.console.prepared_announcements import PREPARED
from kiosk.console.queue_watch import TicketEnd, TicketRecord
from kiosk.core.config import BranchConfig
from kiosk.core.help.events import Category, HelpEvent, HelpEventKind, Outcome
from kiosk.core.settings import Role, StaffRole
from kiosk.protocol.device_messages import Activity, Component, Health, Heartbeat
from kiosk.protocol.ticket_messages import QueueState, ServingTicket, WaitingTicket

K = HelpEventKind
OUTCOME_FOR = {Category.MEDICAL: Outcome.AMBULANCE_CALLED,
               Category.PRIVATE_TALK: Outcome.SPECIAL_ATTENTION_HANDLED}


def sample_now(config: BranchConfig) -> float:
    """Half past ten on a Friday morning in the branch (a whole second: rows flash "on")."""
    return datetime(2026, 11, 27, 10, 30, tzinfo=ZoneInfo(config.branch.timezone)).timestamp()


@dataclass
class _Maker:
    rng: random.Random
    events: list[HelpEvent] = field(default_factory=list)

    def new_id(self) -> str:
        return f"{self.rng.getrandbits(128):032x}"

    def raise_call(self, kiosk: str, at: float, category: Category,
                   drill: bool = False) -> str:
        call_id = self.new_id()
        self.events.append(HelpEvent(call_id, call_id, kiosk, K.RAISED, kiosk, at,
                                     category=category, drill=drill))
        return call_id

    def follow(self, call_id: str, kiosk: str, kind: HelpEventKind, origin: str, at: float,
               **fields: object) -> None:
        self.events.append(HelpEvent(self.new_id(), call_id, kiosk, kind, origin, at,
                                     **fields))  # type: ignore[arg-type]


@dataclass(frozen=True)
class SampleDay:
    now: float
    past_events: list[HelpEvent]
    open_events: list[HelpEvent]
    drill_events: list[HelpEvent]  # one drill running now
    queue: QueueState
    tickets: list[TicketRecord]
    ratings: list[VisitRating]
    announcements: list[AnnouncementRecord]


def _ids(config: BranchConfig, role: Role) -> list[str]:
    return [d.id for d in config.devices_with_role(role)]


def sample_day(config: BranchConfig, console_id: str) -> SampleDay:
    rng = random.Random(20261127)
    now = sample_now(config)
    kiosks = _ids(config, Role.KIOSK) or ["kiosk"]
    consoles = _ids(config, Role.CONSOLE)
    staff = [s.id for s in config.staff]
    managers = [s.id for s in config.staff if s.role is StaffRole.MANAGER] or staff
    past = _Maker(rng)
    categories = [Category.UNSPECIFIED, Category.MEDICAL, Category.PRIVATE_TALK,
                  Category.GUIDANCE, Category.OTHER]
    for days_ago in range(7, 0, -1):
        for number in range(rng.randint(2, 4)):
            start = now - days_ago * 86400 - rng.uniform(0, 6 * 3600)
            category = categories[(days_ago + number) % len(categories)]
            _past_call(past, rng.choice(kiosks), start, category, consoles, staff,
                       drill=False)
    for days_ago in (5, 2):
        _past_call(past, kiosks[0], now - days_ago * 86400 - 7200, Category.OTHER, consoles,
                   managers, drill=True)
    current = _Maker(rng)
    medical = current.raise_call(kiosks[0], now - 47, Category.UNSPECIFIED)
    current.follow(medical, kiosks[0], K.CATEGORY_SET, kiosks[0], now - 44,
                   category=Category.MEDICAL)
    for console in consoles:
        current.follow(medical, kiosks[0], K.RECEIVED, console, now - 46.8,
                       console_id=console)
    current.follow(medical, kiosks[0], K.ESCALATED, "hub", now - 47 + config.help.escalate_after_s,
                   level=1)
    if len(kiosks) > 1:
        private = current.raise_call(kiosks[1], now - 130, Category.PRIVATE_TALK)
        for console in consoles:
            current.follow(private, kiosks[1], K.RECEIVED, console, now - 129.7,
                           console_id=console)
        current.follow(private, kiosks[1], K.ACKNOWLEDGED, consoles[0], now - 118.2,
                       staff_id=managers[0])
        others = [s for s in staff if s != managers[0]]
        if others:
            current.follow(private, kiosks[1], K.ACKNOWLEDGED, console_id, now - 117.9,
                           staff_id=others[0])
    drill = _Maker(rng)
    drill_id = drill.raise_call(kiosks[-1], now - 21, Category.OTHER, drill=True)
    for console in consoles:
        drill.follow(drill_id, kiosks[-1], K.RECEIVED, console, now - 20.7, console_id=console)
    return SampleDay(now, past.events, current.events, drill.events,
                     _queue(config, rng, now), _tickets(config, rng, now),
                     _ratings(kiosks, rng, now), _announcements(config, staff, now))


def _past_call(maker: _Maker, kiosk: str, start: float, category: Category,
               consoles: list[str], staff: list[str], *, drill: bool) -> None:
    rng = maker.rng
    call = maker.raise_call(kiosk, start, category, drill=drill)
    for console in consoles:
        maker.follow(call, kiosk, K.RECEIVED, console, start + rng.uniform(0.1, 0.6),
                     console_id=console)
    response = rng.uniform(8, 75) if category is not Category.MEDICAL else rng.uniform(5, 35)
    if response > 30:
        maker.follow(call, kiosk, K.ESCALATED, "hub", start + 30, level=1)
    who = rng.choice(staff)
    origin = rng.choice(consoles) if consoles else "hub"
    maker.follow(call, kiosk, K.ACKNOWLEDGED, origin, start + response, staff_id=who)
    arrived = start + response + rng.uniform(20, 90)
    maker.follow(call, kiosk, K.ARRIVED, origin, arrived, staff_id=who)
    outcome = Outcome.DRILL if drill else OUTCOME_FOR.get(category, rng.choice(
        [Outcome.HELPED, Outcome.HELPED, Outcome.NO_HELP_NEEDED]))
    maker.follow(call, kiosk, K.RESOLVED, origin, arrived + rng.uniform(60, 420),
                 staff_id=who, outcome=outcome)
    if not drill and rng.random() < 0.7:
        maker.follow(call, kiosk, K.FEEDBACK, kiosk, arrived + 430, helped=rng.random() < 0.9)


def _queue(config: BranchConfig, rng: random.Random, now: float) -> QueueState:
    day = datetime.fromtimestamp(now, ZoneInfo(config.branch.timezone)).strftime("%Y-%m-%d")
    waiting = []
    for service in config.services:
        issued = now - rng.uniform(900, 1500)
        for number in range(rng.randint(1, 4)):
            priority = rng.random() < 0.35
            issued += rng.uniform(60, 240)
            waiting.append(WaitingTicket(f"{service.prefix}{number + 12:03d}", service.id,
                                         priority, issued))
    serving = [ServingTicket(f"{config.services[0].prefix}{9 + counter:03d}",
                             config.services[0].id, counter, now - rng.uniform(60, 400))
               for counter in sorted({c for s in config.services for c in s.counters})[:4]]
    return QueueState(day, now, (), tuple(waiting), tuple(serving))


def _tickets(config: BranchConfig, rng: random.Random, now: float) -> list[TicketRecord]:
    zone = ZoneInfo(config.branch.timezone)
    records = []
    for days_ago in range(6, -1, -1):
        opening = now - days_ago * 86400 - 1.5 * 3600
        day = datetime.fromtimestamp(opening, zone).strftime("%Y-%m-%d")
        for number in range(rng.randint(14, 24)):
            service = rng.choice(config.services)
            issued = opening + number * rng.uniform(200, 500)
            if issued > now - 600:
                break
            called = issued + rng.uniform(90, 1200)
            no_show = rng.random() < 0.06
            ended = called + (rng.uniform(40, 90) if no_show else rng.uniform(180, 720))
            records.append(TicketRecord(day, f"{service.prefix}{number + 1:03d}", service.id,
                                        rng.random() < 0.3, issued, called,
                                        rng.choice(service.counters), ended,
                                        TicketEnd.NO_SHOW if no_show else TicketEnd.FINISHED))
    return records


def _ratings(kiosks: list[str], rng: random.Random, now: float) -> list[VisitRating]:
    ratings = []
    for days_ago in range(6, -1, -1):
        for _ in range(rng.randint(3, 9)):
            ratings.append(VisitRating(f"{rng.getrandbits(128):032x}", rng.choice(kiosks),
                                       rng.choices(["good", "ok", "bad"], [7, 2, 1])[0],
                                       "zh_CN", now - days_ago * 86400 - rng.uniform(0, 5000)))
    return ratings


def _announcements(config: BranchConfig, staff: list[str],
                   now: float) -> list[AnnouncementRecord]:
    languages = config.branch.languages
    records = []
    for number, (prepared, ago) in enumerate(zip(PREPARED[:3], (7200, 3600, 900),
                                                 strict=True)):
        text = {code: prepared.text[code] for code in languages if code in prepared.text}
        records.append(AnnouncementRecord(f"{number + 1:032x}", now - ago, True, text,
                                          staff[number % len(staff)] if number != 1 else ""))
        if number < 2:
            records.append(AnnouncementRecord(f"{number + 11:032x}", now - ago + 600, False,
                                              {}, staff[0]))
    return records


def sample_heartbeat(health: Health, activity: Activity | None = None,
                     staff_id: str | None = None) -> Heartbeat:
    return Heartbeat(seq=100, interval_s=3.0, health=health, activity=activity,
                     staff_id=staff_id)


def sample_health(sound: Component = Component.OK, *, kiosk: bool, outbox: int = 0) -> Health:
    return Health(speech=Component.OK if kiosk else Component.ABSENT,
                  printer=Component.OK if kiosk else Component.ABSENT, sound=sound,
                  outbox=outbox, version="0.1.0", uptime_s=5400.0)
