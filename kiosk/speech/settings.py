"""The speech service's settings: voices per language, rates, volume steps, supervision times.

The composition root fills this from the branch configuration; tests build their own with
short timeouts. Values are checked here so a bad set is refused when the service is built,
with the setting's name in the message, not discovered when the first customer waits.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from kiosk.paths import assets_dir
from kiosk.speech.api import Rate
from kiosk.speech.sentences import Script

MIN_WPM = 80
MAX_WPM = 400
MIN_VOLUME_STEPS = 4
MIN_VOLUME_SPAN_DB = 18.0
MIN_FIRST_STEP_DB = 12.0
"""EN 301 549 8.2.1: a range of at least 18 dB, with a step at least 12 dB above the lowest."""


@dataclass(frozen=True)
class VoiceChoice:
    """The voice for one language: engine voice ids in order of preference, and its speeds.

    Ids are compared without case (pyttsx3 lower-cases espeak's `sit/cmn-Latn-pinyin`).
    There is deliberately no fallback to another voice of the language: the default
    Mandarin `sit/cmn` reads Chinese as English-spoken pinyin, which is worse than silence
    plus a "voice missing" status on the console.
    """

    voice_ids: tuple[str, ...]
    normal_wpm: int = 150
    slow_wpm: int = 110

    def wpm(self, rate: Rate) -> int:
        return self.slow_wpm if rate is Rate.SLOW else self.normal_wpm


def _default_voices() -> Mapping[str, VoiceChoice]:
    return MappingProxyType({
        "zh_CN": VoiceChoice(("sit/cmn-latn-pinyin",), normal_wpm=150, slow_wpm=110),
        "en": VoiceChoice(("gmw/en-us", "gmw/en"), normal_wpm=160, slow_wpm=120),
    })


def _default_script_languages() -> Mapping[Script, str]:
    return MappingProxyType({Script.HAN: "zh_CN", Script.ALPHABETIC: "en"})


def default_worker_command() -> tuple[str, ...]:
    return (sys.executable, "-m", "kiosk.speech.worker")


@dataclass(frozen=True)
class SpeechSettings:
    voices: Mapping[str, VoiceChoice] = field(default_factory=_default_voices)
    script_languages: Mapping[Script, str] = field(default_factory=_default_script_languages)
    """Which language's voice reads a run of a script foreign to the sentence's language."""
    volume_steps_db: tuple[float, ...] = (-25.0, -13.0, -8.0, -4.0, 0.0)
    """Gain of each volume step relative to speech normalised to `peak_dbfs`."""
    default_volume_step: int = 3
    default_rate: Rate = Rate.NORMAL
    peak_dbfs: float = -1.0
    job_timeout_s: float = 10.0
    """A sentence not synthesised in this time means the worker hung: it is killed."""
    start_timeout_s: float = 20.0
    restart_backoff_s: float = 5.0
    """After a failed start, jobs fail at once for this long instead of retrying each time."""
    cache_max_bytes: int = 32 * 1024 * 1024
    recordings_dir: Path = field(default_factory=lambda: assets_dir() / "voice")
    worker_command: tuple[str, ...] = field(default_factory=default_worker_command)

    def __post_init__(self) -> None:
        problems = list(self._problems())
        if problems:
            raise ValueError("invalid speech settings: " + "; ".join(problems))

    def _problems(self) -> list[str]:
        problems: list[str] = []
        if not self.voices:
            problems.append("voices: at least one language is needed")
        for language, choice in self.voices.items():
            if not choice.voice_ids:
                problems.append(f"voices.{language}.voice_ids: name at least one voice")
            for name, wpm in (("normal_wpm", choice.normal_wpm), ("slow_wpm", choice.slow_wpm)):
                if not MIN_WPM <= wpm <= MAX_WPM:
                    problems.append(f"voices.{language}.{name} = {wpm}: must be "
                                    f"{MIN_WPM}..{MAX_WPM} words per minute")
            if choice.slow_wpm > choice.normal_wpm:
                problems.append(f"voices.{language}.slow_wpm = {choice.slow_wpm}: must not "
                                f"exceed normal_wpm = {choice.normal_wpm}")
        for script, language in self.script_languages.items():
            if language not in self.voices:
                problems.append(f"script_languages.{script} = {language!r}: no voice for it")
        problems.extend(self._volume_problems())
        for name in ("job_timeout_s", "start_timeout_s", "restart_backoff_s"):
            if not 0 < getattr(self, name) <= 600:
                problems.append(f"{name} = {getattr(self, name)}: must be in (0, 600] seconds")
        if self.cache_max_bytes < 0:
            problems.append(f"cache_max_bytes = {self.cache_max_bytes}: must be >= 0")
        if not self.worker_command:
            problems.append("worker_command: must name a program")
        return problems

    def _volume_problems(self) -> list[str]:
        steps = self.volume_steps_db
        name = f"volume_steps_db = {list(steps)}"
        if len(steps) < MIN_VOLUME_STEPS:
            return [f"{name}: needs at least {MIN_VOLUME_STEPS} steps"]
        problems: list[str] = []
        if any(b <= a for a, b in zip(steps, steps[1:], strict=False)):
            problems.append(f"{name}: must increase")
        if steps[-1] - steps[0] < MIN_VOLUME_SPAN_DB:
            problems.append(f"{name}: must span at least {MIN_VOLUME_SPAN_DB} dB")
        if steps[1] - steps[0] < MIN_FIRST_STEP_DB:
            problems.append(f"{name}: the second step must be at least {MIN_FIRST_STEP_DB} dB "
                            "above the lowest")
        if steps[-1] + self.peak_dbfs > 0:
            problems.append(f"{name}: the loudest step would clip above 0 dBFS")
        if not 0 <= self.default_volume_step < len(steps):
            problems.append(f"default_volume_step = {self.default_volume_step}: must be "
                            f"0..{len(steps) - 1}")
        return problems
