"""The current customer's own settings: language, text size, contrast, speech, volume, rate.

Each customer starts from the branch defaults; an idle reset or "finished" returns to them,
so the next customer never inherits someone else's choices.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum

VOLUME_STEPS = 4
"""Volume steps 0..3; the speech service maps them to gains spanning at least 18 dB."""
DEFAULT_VOLUME = 2


class TextSize(StrEnum):
    LARGE = "large"
    LARGER = "larger"  # at least 1.4 x large


class Rate(StrEnum):
    SLOW = "slow"
    NORMAL = "normal"


@dataclass(frozen=True)
class CustomerSettings:
    language: str
    text_size: TextSize = TextSize.LARGE
    high_contrast: bool = False
    speech_on: bool = True
    volume: int = DEFAULT_VOLUME
    rate: Rate = Rate.NORMAL

    def __post_init__(self) -> None:
        if not 0 <= self.volume < VOLUME_STEPS:
            raise ValueError(f"volume step {self.volume} is outside 0..{VOLUME_STEPS - 1}")

    def louder(self) -> CustomerSettings:
        return replace(self, volume=min(VOLUME_STEPS - 1, self.volume + 1))

    def quieter(self) -> CustomerSettings:
        return replace(self, volume=max(0, self.volume - 1))

    def with_language(self, language: str) -> CustomerSettings:
        return replace(self, language=language)

    def toggled_size(self) -> CustomerSettings:
        size = TextSize.LARGER if self.text_size is TextSize.LARGE else TextSize.LARGE
        return replace(self, text_size=size)

    def toggled_contrast(self) -> CustomerSettings:
        return replace(self, high_contrast=not self.high_contrast)

    def toggled_speech(self) -> CustomerSettings:
        return replace(self, speech_on=not self.speech_on)

    def toggled_rate(self) -> CustomerSettings:
        return replace(self, rate=Rate.SLOW if self.rate is Rate.NORMAL else Rate.NORMAL)


def defaults(language: str) -> CustomerSettings:
    return CustomerSettings(language=language)
