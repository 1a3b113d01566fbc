"""Every branch setting, declared once: type, default, bounds and a one-line description.

Each field of the section and entry dataclasses below carries its declaration in the field's
metadata (made by :func:`option`). The loader in :mod:`kiosk.core.config` reads values and
checks them against these declarations, and the configuration reference is generated from
them, so a setting is described in exactly one place.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import MISSING, dataclass, field
from enum import StrEnum
from typing import Any

ID_PATTERN = r"[a-z0-9][a-z0-9-]{0,31}"
DEFAULT_LANGUAGES = ("zh_CN", "en")
"""Device, staff and service ids: also MQTT topic levels and broker user names."""


class LocalText(Mapping[str, str]):
    """A text in every configured language, e.g. ``{zh_CN = "大堂", en = "Lobby"}``."""

    def __init__(self, texts: Mapping[str, str]) -> None:
        self._texts = dict(texts)

    def __getitem__(self, language: str) -> str:
        return self._texts[language]

    def __iter__(self) -> Iterator[str]:
        return iter(self._texts)

    def __len__(self) -> int:
        return len(self._texts)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Mapping) and dict(self.items()) == dict(other.items())

    def __hash__(self) -> int:
        return hash(tuple(sorted(self._texts.items())))

    def __repr__(self) -> str:
        return f"LocalText({self._texts!r})"

    def text(self, language: str, fallback: str = "zh_CN") -> str:
        """The text in ``language``, else in ``fallback``, else any."""
        if language in self._texts:
            return self._texts[language]
        if fallback in self._texts:
            return self._texts[fallback]
        return next(iter(self._texts.values()), "")


class Role(StrEnum):
    KIOSK = "kiosk"
    CONSOLE = "console"
    DISPLAY = "display"
    HUB = "hub"


class StaffRole(StrEnum):
    STAFF = "staff"
    MANAGER = "manager"


@dataclass(frozen=True)
class Declaration:
    """What a setting may hold; used for checking and for the generated reference."""

    description: str
    minimum: float | None = None
    maximum: float | None = None
    pattern: str | None = None
    max_length: int | None = None
    max_items: int | None = None
    every_language: bool = True


def option(
    default: Any = MISSING,
    description: str = "",
    *,
    minimum: float | None = None,
    maximum: float | None = None,
    pattern: str | None = None,
    max_length: int | None = None,
    max_items: int | None = None,
    every_language: bool = True,
) -> Any:
    """Declare a setting as a dataclass field. No default means the setting is required."""
    declaration = Declaration(description, minimum, maximum, pattern, max_length, max_items,
                              every_language)
    metadata = {"declaration": declaration}
    if isinstance(default, (list, dict, LocalText)):
        frozen = default
        return field(default_factory=lambda: frozen, metadata=metadata)
    return field(default=default, metadata=metadata)


# --- sections: [branch], [broker], ... ---------------------------------------------------


@dataclass(frozen=True)
class BranchSection:
    id: str = option(description="Branch id: the MQTT topic prefix is bank/<id>/.",
                     pattern=ID_PATTERN)
    name: LocalText = option(description="The branch's name as shown to customers and staff.",
                             max_length=60)
    timezone: str = option("Asia/Shanghai", "IANA time zone; ticket numbers restart each day "
                           "at midnight in this zone.", max_length=64)
    languages: tuple[str, ...] = option(DEFAULT_LANGUAGES, "Languages offered, in order; every "
                                        "text in this file must be given in each of them.",
                                        pattern=r"[a-z]{2}(_[A-Z]{2})?", max_items=8)
    default_language: str = option("zh_CN", "Language a kiosk starts in and returns to after "
                                   "each customer.", pattern=r"[a-z]{2}(_[A-Z]{2})?")


@dataclass(frozen=True)
class BrokerSection:
    url: str = option("mqtt://127.0.0.1:1883", "MQTT broker of the branch: mqtt://host:port, "
                      "or mqtts://host:port for TLS (required off loopback).", max_length=200)
    ca_file: str = option("", "CA certificate for mqtts:// (empty: the system store).",
                          max_length=400)
    reconnect_max_s: float = option(3.0, "Longest wait between reconnect attempts, seconds.",
                                    minimum=0.5, maximum=30)
    rejection_log_every_s: float = option(60.0, "Messages the hub or a device refuses: the "
                                          "first few of each reason and sender are logged in "
                                          "full, the rest summed up in one line at most this "
                                          "often, seconds.", minimum=0.5, maximum=3600)


@dataclass(frozen=True)
class QueueSection:
    regular_per_priority: int = option(2, "Priority (elderly) tickets are interleaved: one "
                                       "priority ticket after at most this many regular ones.",
                                       minimum=1, maximum=20)
    reply_timeout_s: float = option(5.0, "A kiosk waits this long for its ticket, then sends "
                                    "the customer to the counter.", minimum=0.5, maximum=30)
    priority_wait_alert_min: float = option(20.0, "An elderly priority ticket waiting longer "
                                            "than this many minutes alerts the lobby console "
                                            "once; 0 switches the alert off.",
                                            minimum=0, maximum=240)


@dataclass(frozen=True)
class HelpSection:
    escalate_after_s: float = option(30.0, "An unacknowledged help call escalates (managers, "
                                     "louder alarm) after this many seconds.",
                                     minimum=0.1, maximum=600)
    resignal_after_s: float = option(180.0, "An acknowledged call still open signals again "
                                     "after this many seconds.", minimum=0.1, maximum=3600)
    alarm_repeat_s: float = option(8.0, "Consoles repeat the alarm sound at least this often "
                                   "until someone acknowledges.", minimum=0.1, maximum=10)
    reassure_every_s: float = option(20.0, "While a customer waits for staff, the kiosk "
                                     "reassures them this often.", minimum=0.1, maximum=120)
    resend_after_s: float = option(2.0, "A help event no one has acknowledged is sent again "
                                   "this often (seconds, on the device's monotonic clock).",
                                   minimum=0.1, maximum=60)
    held_resend_after_s: float = option(10.0, "A help event a console holds but the hub has "
                                        "not acknowledged is sent again this often.",
                                        minimum=0.1, maximum=600)
    digest_interval_s: float = option(30.0, "The hub tells each device what it holds of "
                                      "that device's help events of the day this often; a "
                                      "device re-sends what the hub lacks.",
                                      minimum=0.2, maximum=3600)


@dataclass(frozen=True)
class PresenceSection:
    heartbeat_interval_s: float = option(3.0, "Every device sends a heartbeat this often, "
                                         "seconds.", minimum=0.05, maximum=60)
    offline_after_s: float = option(15.0, "A device silent this long is shown offline and "
                                    "alarms. Must exceed the heartbeat interval.",
                                    minimum=0.2, maximum=600)


@dataclass(frozen=True)
class IdleSection:
    warn_after_s: float = option(100.0, "Seconds without a touch (counted from the end of "
                                 "speech) before the kiosk asks if the customer needs more "
                                 "time.", minimum=0.1, maximum=3600)
    reset_after_warn_s: float = option(30.0, "Seconds after that warning before the kiosk "
                                       "resets for the next customer.", minimum=0.1,
                                       maximum=600)


@dataclass(frozen=True)
class LostSection:
    back_home_count: int = option(3, "Back or Home presses within back_home_window_s that "
                                  "make the kiosk ask if the customer would like staff to "
                                  "come (0: never).", minimum=0, maximum=20)
    back_home_window_s: float = option(60.0, "Window for back_home_count, in seconds.",
                                       minimum=5, maximum=600)
    stray_taps: int = option(4, "Touches outside any control within stray_window_s that "
                             "make the kiosk offer staff (0: never).", minimum=0, maximum=50)
    stray_window_s: float = option(20.0, "Window for stray_taps, in seconds.", minimum=2,
                                   maximum=600)
    stuck_after_s: float = option(120.0, "Seconds on one screen (not home), still touching "
                                  "it without moving on, before the kiosk offers staff "
                                  "(0: never).", minimum=0, maximum=3600)


@dataclass(frozen=True)
class MagnifierSection:
    zoom: float = option(2.5, "How much the kiosk's magnifier (for a customer without their "
                         "reading glasses) enlarges what is under the finger.", minimum=2,
                         maximum=3)
    off_after_s: float = option(30.0, "Seconds without a touch after which the magnifier "
                                "turns itself off (it is also off for each new customer).",
                                minimum=3, maximum=600)


@dataclass(frozen=True)
class ScreenSection:
    diagonal_inches: float = option(21.5, "Kiosk screen diagonal; physical sizes (text, "
                                    "buttons) are computed from it.", minimum=7, maximum=100)
    width_px: int = option(1920, "Kiosk screen width in pixels.", minimum=640, maximum=7680)
    height_px: int = option(1080, "Kiosk screen height in pixels.", minimum=480, maximum=4320)
    viewing_distance_mm: float = option(600.0, "Customer's eye to screen distance; text must "
                                        "be at least 0.7 degrees of view from here.",
                                        minimum=250, maximum=3000)


@dataclass(frozen=True)
class StatusPageSection:
    enabled: bool = option(True, "Print a QR code that opens the ticket's status page.")
    listen: str = option("127.0.0.1:8080", "host:port the hub's status page listens on (may "
                         "face the guest network; it has no path to MQTT).", max_length=100)
    public_url: str = option("http://127.0.0.1:8080", "Address customers' phones reach the "
                             "status page at; the QR code holds this plus a ticket token.",
                             max_length=200)
    idle_timeout_s: float = option(10.0, "A phone's connection that sends no complete request "
                                   "within this many seconds is closed.", minimum=0.5,
                                   maximum=120)
    max_connections: int = option(100, "Connections served at once; more wait for a free "
                                  "place (the hub itself is never held up by them).",
                                  minimum=1, maximum=10_000)


@dataclass(frozen=True)
class HubSection:
    health_listen: str = option("127.0.0.1:8081", "host:port of /healthz for the bank's "
                                "monitoring (keep it off the guest network).", max_length=100)
    pin_attempts: int = option(5, "Wrong PINs allowed per staff member before a wait.",
                               minimum=1, maximum=20)
    pin_lockout_s: float = option(60.0, "Wait after too many wrong PINs, seconds; doubles each "
                                  "time.", minimum=0.1, maximum=3600)
    retention_days: int = option(400, "Closed help calls, tickets and audit rows older than "
                                 "this many days leave the ledger (0: keep everything).",
                                 minimum=0, maximum=3650)
    retained_check_s: float = option(60.0, "How often the hub asks the broker again for "
                                     "retained copies left on event topics, to delete them, "
                                     "seconds.", minimum=1, maximum=3600)


KEY_NAME_PATTERN = r"[A-Za-z0-9+*/.,-]{0,20}"
"""A key as Qt names it (F1, F13, Plus, Asterisk, 5, +); empty: no key. The kiosk checks at
start-up that Qt knows the name and that no two functions share a key."""


@dataclass(frozen=True)
class KioskSection:
    confirm_grace_s: float = option(5.0, "A help call that no staff console has confirmed "
                                    "within this many seconds sends the customer to the "
                                    "counter (the call keeps being sent).", minimum=0.5,
                                    maximum=120)
    pin_reply_timeout_s: float = option(5.0, "A kiosk waits this long for the hub to check a "
                                        "staff PIN, then says it cannot be checked now.",
                                        minimum=0.5, maximum=60)
    staff_exit_hold_s: float = option(5.0, "Staff hold the top-left corner of the screen this "
                                      "long to open the PIN pad that leaves full-screen.",
                                      minimum=1, maximum=30)
    help_key: str = option("F1", "Keypad key that calls staff, as Qt names it (e.g. F1, "
                           "Asterisk); empty: none.", pattern=KEY_NAME_PATTERN)
    repeat_key: str = option("F2", "Keypad key that says the screen again.",
                             pattern=KEY_NAME_PATTERN)
    volume_down_key: str = option("F3", "Keypad key that makes speech quieter.",
                                  pattern=KEY_NAME_PATTERN)
    volume_up_key: str = option("F4", "Keypad key that makes speech louder.",
                                pattern=KEY_NAME_PATTERN)
    help_button_key: str = option("", "Key sent by an optional physical help button beside "
                                  "the screen (e.g. F13); empty: no such button.",
                                  pattern=KEY_NAME_PATTERN)


@dataclass(frozen=True)
class ConsoleSection:
    lock_after_s: float = option(900.0, "A staff console nobody has touched for this long "
                                 "locks (signing in again unlocks it); help calls still show "
                                 "and sound while it is locked.", minimum=10, maximum=28800)
    reply_timeout_s: float = option(5.0, "A console waits this long for the hub to answer a "
                                    "sign-in or a queue action, then says it had no answer.",
                                    minimum=0.5, maximum=60)


class PrinterMode(StrEnum):
    CUPS = "cups"
    """Tickets are printed through a CUPS queue."""
    NONE = "none"
    """The kiosk has no printer: the ticket is shown and spoken only."""


@dataclass(frozen=True)
class PrinterSection:
    mode: PrinterMode = option(PrinterMode.CUPS, "cups: print tickets through the CUPS queue "
                               "below; none: the kiosks have no ticket printer.")
    queue: str = option("tickets", "CUPS queue of the kiosk's ticket printer; it must print "
                        "nothing else (the kiosk cancels what is left in it when it starts).",
                        pattern=r"[A-Za-z0-9_.-]{1,127}")
    print_timeout_s: float = option(8.0, "A ticket not printed within this many seconds is "
                                    "cancelled, so it never prints later, and the customer is "
                                    "told.", minimum=1, maximum=120)
    paper_width_mm: float = option(80.0, "Width of the ticket paper roll.", minimum=40,
                                   maximum=120)


@dataclass(frozen=True)
class DisplaySection:
    min_show_s: float = option(10.0, "A called number stays the newest on the wall display "
                               "at least this long before the next one takes its place.",
                               minimum=0.1, maximum=120)
    announce_times: int = option(2, "How often each called number is announced (a chime, "
                                 "then speech in each language).", minimum=1, maximum=5)
    recent_count: int = option(4, "How many earlier called numbers the display lists beside "
                               "the newest.", minimum=0, maximum=6)
    announcement_repeat_s: float = option(20.0, "A branch announcement is spoken again this "
                                          "many seconds after it ends, until it is cleared.",
                                          minimum=0.1, maximum=600)
    diagonal_inches: float = option(55.0, "Wall display diagonal; its text sizes are computed "
                                    "from it.", minimum=10, maximum=200)
    width_px: int = option(1920, "Wall display width in pixels.", minimum=640, maximum=7680)
    height_px: int = option(1080, "Wall display height in pixels.", minimum=480, maximum=4320)
    viewing_distance_mm: float = option(3000.0, "Distance from the farthest seat to the wall "
                                        "display; text must be at least 0.7 degrees of view "
                                        "from there.", minimum=500, maximum=20000)


# --- entries: [[devices]], [[staff]], [[services]] ---------------------------------------


@dataclass(frozen=True)
class Device:
    id: str = option(description="Device id; also its broker user name.", pattern=ID_PATTERN)
    role: Role = option(description="What the device is.")
    name: LocalText = option(description="Name shown to staff, e.g. 'Kiosk 1'.", max_length=40)
    place: LocalText = option(LocalText({}), "Where it stands, e.g. 'by the entrance'; "
                              "consoles show it on help calls.", max_length=60)
    counter: int = option(0, "For consoles: the counter this console serves (0: none).",
                          minimum=0, maximum=99)


@dataclass(frozen=True)
class Staff:
    id: str = option(description="Staff login id.", pattern=ID_PATTERN)
    name: LocalText = option(description="Name shown and spoken to the customer, e.g. "
                             "'Wang Fang'.", max_length=40)
    role: StaffRole = option(StaffRole.STAFF, "staff or manager; managers get escalations.")
    pronunciation: LocalText = option(LocalText({}), "Optional spelling for speech when the "
                                      "voice reads the name wrongly.", max_length=60,
                                      every_language=False)


@dataclass(frozen=True)
class Service:
    id: str = option(description="Service id.", pattern=ID_PATTERN)
    prefix: str = option(description="Ticket number prefix: one or two capital letters.",
                         pattern=r"[A-Z]{1,2}")
    name: LocalText = option(description="Name on the ticket tile, e.g. 'Deposits and "
                             "withdrawals'.", max_length=30)
    description: LocalText = option(description="One plain line under the name.",
                                    max_length=80)
    counters: tuple[int, ...] = option(description="Counter numbers that serve it.",
                                       minimum=1, maximum=99, max_items=50)
    minutes_per_customer: float = option(5.0, "Typical service time, used for wait estimates "
                                         "until real times are known.", minimum=0.5,
                                         maximum=120)
    fraud_check: bool = option(False, "Ask the fraud-check questions (assets/fraud_check) "
                               "before the ticket, e.g. for transfers and remittances; a "
                               "'yes' gives a priority ticket and a discreet staff call.")


SECTIONS: dict[str, type] = {
    "branch": BranchSection,
    "broker": BrokerSection,
    "queue": QueueSection,
    "help": HelpSection,
    "presence": PresenceSection,
    "idle": IdleSection,
    "lost": LostSection,
    "magnifier": MagnifierSection,
    "screen": ScreenSection,
    "status_page": StatusPageSection,
    "hub": HubSection,
    "kiosk": KioskSection,
    "console": ConsoleSection,
    "printer": PrinterSection,
    "display": DisplaySection,
}
"""TOML table name -> section dataclass."""

ENTRIES: dict[str, type] = {"devices": Device, "staff": Staff, "services": Service}
"""TOML array-of-tables name -> entry dataclass."""
