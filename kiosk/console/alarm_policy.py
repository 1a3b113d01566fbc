"""When the console makes a sound, and which: the alarm rules, without Qt and without a clock.

An alarm is something a person must notice: a help call nobody has said "I'm coming" to, an
acknowledged call the hub signals again because it is still open, or a kiosk that went
silent. The rules, from nurse-call practice (DESIGN.md, "Help calls"):

- A new alarm sounds at once. While any alarm is waiting for a person, the sound repeats
  every ``repeat_s`` (at most 10 s by configuration) until someone acknowledges it.
- Silencing stops the sound for the alarms present now, at their present level. It never
  hides anything: the rows and the banner stay until the call is answered. A new call, or
  a call escalating to a higher level, sounds again.
- Escalated calls sound the louder escalation tone; a "special attention" call (the
  customer asked to talk privately, possibly under pressure from a fraudster) sounds the
  soft tone, so the console does not announce it to the room; everything else chimes.
- A re-signal (an acknowledged call still open) sounds once per level: the person on the
  way already knows, so it is a reminder, not a siren.

The caller passes ``now`` and the alarms as they are; ``update`` answers which sound to
play now, if any. Nothing here reads a clock or plays anything.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from kiosk.core.help.events import Category, HelpEventKind
from kiosk.core.help.state import CallState, CallStatus
from kiosk.core.help.timers import HelpTiming, due_signals


class AlarmKind(StrEnum):
    HELP = "help"  # an open call nobody has acknowledged
    RESIGNAL = "resignal"  # acknowledged, still open after the re-signal time
    KIOSK_OFFLINE = "kiosk_offline"  # a kiosk stopped sending heartbeats


class AlarmSound(StrEnum):
    """The sound files in assets/sounds/ (``alarm-<value>.wav``)."""

    CHIME = "chime"
    SOFT = "soft"
    ESCALATION = "escalation"

    @property
    def file_name(self) -> str:
        return f"alarm-{self.value}.wav"


@dataclass(frozen=True)
class Alarm:
    key: str  # the call id, or "kiosk:<id>"
    kind: AlarmKind
    subject: str  # the kiosk the alarm is about
    level: int = 0  # escalation (HELP) or re-signal (RESIGNAL) level
    discreet: bool = False  # a special-attention call: soft tone, calm words
    drill: bool = False

    @property
    def repeats(self) -> bool:
        return self.kind is not AlarmKind.RESIGNAL

    @property
    def sound(self) -> AlarmSound:
        if self.kind is AlarmKind.HELP and self.level > 0:
            return AlarmSound.ESCALATION
        if self.discreet:
            return AlarmSound.SOFT
        return AlarmSound.CHIME


_SOUND_RANK = {AlarmSound.SOFT: 0, AlarmSound.CHIME: 1, AlarmSound.ESCALATION: 2}


class AlarmPolicy:
    def __init__(self, repeat_s: float) -> None:
        if not repeat_s > 0:
            raise ValueError(f"repeat_s must be positive, not {repeat_s!r}")
        self.repeat_s = repeat_s
        self._heard: set[tuple[str, int]] = set()  # (key, level) already sounded once
        self._silenced: set[tuple[str, int]] = set()
        self._last_sound_at: float | None = None
        self.alarms: tuple[Alarm, ...] = ()

    def update(self, alarms: Iterable[Alarm], now: float) -> AlarmSound | None:
        """The alarms as they are now; returns the sound to play now, or None."""
        self.alarms = tuple(alarms)
        present = {(a.key, a.level) for a in self.alarms}
        self._silenced &= present
        self._heard &= present
        fresh = [a for a in self.alarms if (a.key, a.level) not in self._heard]
        self._heard |= {(a.key, a.level) for a in fresh}
        sounding = [a for a in self.alarms if (a.key, a.level) not in self._silenced
                    and (a.repeats or a in fresh)]
        if not sounding:
            return None
        new_sounds = [a for a in sounding if a in fresh]
        repeat_due = (self._last_sound_at is None
                      or now - self._last_sound_at >= self.repeat_s)
        if not new_sounds and not repeat_due:
            return None
        self._last_sound_at = now
        return max((a.sound for a in (new_sounds or sounding)), key=_SOUND_RANK.__getitem__)

    def silence(self) -> int:
        """Stop the sound for every alarm present now; returns how many were silenced."""
        before = len(self._silenced)
        self._silenced |= {(a.key, a.level) for a in self.alarms}
        return len(self._silenced) - before

    @property
    def sounding(self) -> bool:
        """An alarm repeats its sound (present, repeating and not silenced)."""
        return any(a.repeats and (a.key, a.level) not in self._silenced for a in self.alarms)

    @property
    def silenced(self) -> bool:
        """Alarms wait for a person, but staff silenced their sound."""
        waiting = [a for a in self.alarms if a.repeats]
        return bool(waiting) and not self.sounding


def escalation_level(call: CallState, now: float, timing: HelpTiming,
                     hub_online: bool) -> int:
    """The call's escalation: the hub's when it is up, else worked out here from the raise
    time, so an unanswered call still gets louder with the hub down."""
    if hub_online or not call.is_open:
        return call.escalation_level
    due = due_signals(call, now, timing)
    return max([d.level for d in due if d.kind is HelpEventKind.ESCALATED],
               default=call.escalation_level)


def call_alarms(calls: Mapping[str, CallState], now: Callable[[CallState], float],
                timing: HelpTiming, hub_online: bool) -> list[Alarm]:
    """The alarms the open help calls raise, oldest call first; ``now(call)``: the time
    on that call's timers (see ``kiosk.core.help.clock``)."""
    alarms = []
    ordered = sorted((c for c in calls.values() if c.is_open),
                     key=lambda c: c.raised_at if c.raised_at is not None else c.earliest_at)
    for call in ordered:
        discreet = call.category is Category.PRIVATE_TALK
        if call.status in (CallStatus.RAISED, CallStatus.NOTIFIED):
            level = escalation_level(call, now(call), timing, hub_online)
            alarms.append(Alarm(call.call_id, AlarmKind.HELP, call.kiosk_id, level, discreet,
                                call.drill))
        elif call.resignal_level > 0:
            alarms.append(Alarm(call.call_id, AlarmKind.RESIGNAL, call.kiosk_id,
                                call.resignal_level, discreet, call.drill))
    return alarms


def kiosk_alarms(offline_kiosks: Iterable[str]) -> list[Alarm]:
    return [Alarm(f"kiosk:{kiosk}", AlarmKind.KIOSK_OFFLINE, kiosk) for kiosk in offline_kiosks]
