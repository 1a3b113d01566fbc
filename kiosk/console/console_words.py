"""The console's words for the product's codes: categories, states, outcomes, refusals.

One table per code, so every panel names a thing the same way and a wording changes in one
place. ``QT_TRANSLATE_NOOP`` marks the texts for the catalogue; the functions translate at
the moment of use, so a language switch shows on the next redraw. Texts with placeholders
are translated first and formatted after.

The discreet category is never called fraud on screen: staff see "special attention:
approach calmly", safe to have on a screen a customer (or whoever came with them) might see.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from kiosk.core.help.events import Category, Outcome
from kiosk.core.settings import Role
from kiosk.protocol.device_messages import Activity, Component
from kiosk.protocol.pin_messages import PinRefusal
from kiosk.protocol.staff_messages import ActionRefusal

CONTEXT = "ConsoleWords"

_CATEGORIES = {
    Category.UNSPECIFIED: QT_TRANSLATE_NOOP("ConsoleWords", "Help (reason not given yet)"),
    Category.MEDICAL: QT_TRANSLATE_NOOP("ConsoleWords", "Medical: feels unwell"),
    Category.PRIVATE_TALK: QT_TRANSLATE_NOOP("ConsoleWords",
                                             "Special attention: approach calmly"),
    Category.GUIDANCE: QT_TRANSLATE_NOOP("ConsoleWords", "Needs someone to guide them"),
    Category.OTHER: QT_TRANSLATE_NOOP("ConsoleWords", "Other help"),
}

_OUTCOMES = {
    Outcome.HELPED: QT_TRANSLATE_NOOP("ConsoleWords", "Helped"),
    Outcome.AMBULANCE_CALLED: QT_TRANSLATE_NOOP("ConsoleWords", "Medical: ambulance called"),
    Outcome.SPECIAL_ATTENTION_HANDLED: QT_TRANSLATE_NOOP("ConsoleWords",
                                                         "Special attention: handled"),
    Outcome.NO_HELP_NEEDED: QT_TRANSLATE_NOOP("ConsoleWords", "No help needed"),
    Outcome.DRILL: QT_TRANSLATE_NOOP("ConsoleWords", "Drill"),
}

_ACTION_REFUSALS = {
    ActionRefusal.NOT_SIGNED_IN: QT_TRANSLATE_NOOP(
        "ConsoleWords", "The hub no longer knows your sign-in. Please sign in again."),
    ActionRefusal.NOT_PERMITTED: QT_TRANSLATE_NOOP(
        "ConsoleWords", "This desk may not do that: a counter calls and closes only its own "
        "tickets."),
    ActionRefusal.STALE: QT_TRANSLATE_NOOP(
        "ConsoleWords", "The hub refused an old or repeated request. Please try again."),
    ActionRefusal.NOBODY_WAITING: QT_TRANSLATE_NOOP(
        "ConsoleWords", "Nobody is waiting for the services of this counter."),
    ActionRefusal.UNKNOWN_TICKET: QT_TRANSLATE_NOOP("ConsoleWords",
                                                    "The hub does not know that ticket."),
    ActionRefusal.WRONG_STATE: QT_TRANSLATE_NOOP(
        "ConsoleWords", "That ticket cannot do that now; it may already be finished."),
    ActionRefusal.UNKNOWN_SERVICE: QT_TRANSLATE_NOOP("ConsoleWords",
                                                     "The hub does not know that service."),
    ActionRefusal.UNKNOWN_COUNTER: QT_TRANSLATE_NOOP("ConsoleWords",
                                                     "No service is served at this counter."),
    ActionRefusal.UNKNOWN_KIOSK: QT_TRANSLATE_NOOP("ConsoleWords",
                                                   "The hub does not know that kiosk."),
    ActionRefusal.KIOSK_BUSY: QT_TRANSLATE_NOOP(
        "ConsoleWords", "That kiosk cannot run a drill now: a customer is using it, it is "
        "offline, or it has an open call."),
    ActionRefusal.UNKNOWN_MESSAGE: QT_TRANSLATE_NOOP(
        "ConsoleWords", "The hub does not know that prepared message."),
    ActionRefusal.QUEUE_FULL: QT_TRANSLATE_NOOP(
        "ConsoleWords", "No more tickets can be issued for that service today."),
}

_PIN_REFUSALS = {
    PinRefusal.WRONG_PIN: QT_TRANSLATE_NOOP("ConsoleWords",
                                            "Wrong PIN, or not a staff member. Try again."),
    #: {seconds} is a whole number of seconds.
    PinRefusal.RATE_LIMITED: QT_TRANSLATE_NOOP(
        "ConsoleWords", "Too many wrong PINs. Try again in {seconds} seconds."),
    PinRefusal.NOT_PERMITTED: QT_TRANSLATE_NOOP("ConsoleWords",
                                                "This person may not sign in here."),
    PinRefusal.UNKNOWN_CALL: QT_TRANSLATE_NOOP("ConsoleWords", "That call is not open."),
}

_COMPONENTS = {
    Component.OK: QT_TRANSLATE_NOOP("ConsoleWords", "OK"),
    Component.DEGRADED: QT_TRANSLATE_NOOP("ConsoleWords", "Partly working"),
    Component.FAILED: QT_TRANSLATE_NOOP("ConsoleWords", "Not working"),
    Component.ABSENT: QT_TRANSLATE_NOOP("ConsoleWords", "None"),
}

_ACTIVITIES = {
    Activity.IDLE: QT_TRANSLATE_NOOP("ConsoleWords", "Free"),
    Activity.IN_USE: QT_TRANSLATE_NOOP("ConsoleWords", "A customer is using it"),
}

_ROLES = {
    Role.KIOSK: QT_TRANSLATE_NOOP("ConsoleWords", "Kiosk"),
    Role.CONSOLE: QT_TRANSLATE_NOOP("ConsoleWords", "Staff desk"),
    Role.DISPLAY: QT_TRANSLATE_NOOP("ConsoleWords", "Wall display"),
    Role.HUB: QT_TRANSLATE_NOOP("ConsoleWords", "Branch hub"),
}


def _tr(text: object) -> str:
    return QCoreApplication.translate(CONTEXT, str(text))


def category_text(category: Category) -> str:
    return _tr(_CATEGORIES[category])


def outcome_text(outcome: Outcome) -> str:
    return _tr(_OUTCOMES[outcome])


def action_refusal_text(reason: ActionRefusal) -> str:
    return _tr(_ACTION_REFUSALS[reason])


def pin_refusal_text(reason: PinRefusal | None, retry_after_s: float | None = None) -> str:
    if reason is None:
        return ""
    return _tr(_PIN_REFUSALS[reason]).format(seconds=round(retry_after_s or 0))


def component_text(component: Component | None) -> str:
    return "" if component is None else _tr(_COMPONENTS[component])


def activity_text(activity: Activity | None) -> str:
    return "" if activity is None else _tr(_ACTIVITIES[activity])


def role_text(role: Role) -> str:
    return _tr(_ROLES[role])


def drill_mark() -> str:
    """The word that marks a drill everywhere it is shown."""
    return _tr(QT_TRANSLATE_NOOP("ConsoleWords", "DRILL"))


def duration_text(seconds: float | None) -> str:
    """``1:05`` for 65 s, ``1:02:03`` past an hour; empty for no value."""
    if seconds is None:
        return ""
    whole = max(0, int(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def time_text(at: float | None, timezone: str, with_date: bool = False) -> str:
    """The local time in the branch's zone: ``09:30:05``, or ``2026-11-27 09:30``."""
    if at is None:
        return ""
    moment = datetime.fromtimestamp(at, ZoneInfo(timezone))
    return moment.strftime("%Y-%m-%d %H:%M") if with_date else moment.strftime("%H:%M:%S")


def ago_text(seconds: float | None) -> str:
    if seconds is None:
        return _tr(QT_TRANSLATE_NOOP("ConsoleWords", "never"))
    #: {duration} is minutes:seconds, e.g. 0:07.
    return _tr(QT_TRANSLATE_NOOP("ConsoleWords", "{duration} ago")).format(
        duration=duration_text(seconds))
