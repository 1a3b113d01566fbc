"""The few WAV operations speech needs, in plain Python (`wave` + `array`).

Volume is applied here, to the samples, rather than through the system mixer: the steps
then mean the same on every kiosk whatever its mixer says, the range can be measured on the
files (EN 301 549 asks for 18 dB with a 12 dB step), and the next customer's default volume
is restored by the service alone. Every sentence is first normalised to the same peak, so
a recorded phrase and a synthesised one sound equally loud at the same step.
"""

from __future__ import annotations

import math
import sys
import wave
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

SAMPLE_WIDTH = 2
FULL_SCALE = 32768.0
SILENCE_DBFS = -120.0


class AudioFormatError(ValueError):
    """A WAV this module cannot use (not 16-bit PCM, unreadable, or mismatched formats)."""


@dataclass(frozen=True)
class Pcm:
    channels: int
    rate: int
    samples: array[int]

    @property
    def duration_s(self) -> float:
        return len(self.samples) / (self.channels * self.rate) if self.rate else 0.0


def read_pcm(path: Path) -> Pcm:
    try:
        with wave.open(str(path), "rb") as wav:
            if wav.getsampwidth() != SAMPLE_WIDTH:
                raise AudioFormatError(f"{path.name}: {8 * wav.getsampwidth()}-bit samples, "
                                       "only 16-bit PCM is supported")
            channels, rate = wav.getnchannels(), wav.getframerate()
            frames = wav.readframes(wav.getnframes())
    except (wave.Error, EOFError) as error:
        raise AudioFormatError(f"{path.name}: not a readable WAV ({error})") from error
    samples = array("h")
    samples.frombytes(frames[: len(frames) - len(frames) % SAMPLE_WIDTH])
    if sys.byteorder == "big":
        samples.byteswap()
    return Pcm(channels, rate, samples)


def write_pcm(path: Path, pcm: Pcm) -> None:
    samples = array("h", pcm.samples)
    if sys.byteorder == "big":
        samples.byteswap()
    with wave.open(str(path), "wb") as wav:
        wav.setnchannels(pcm.channels)
        wav.setsampwidth(SAMPLE_WIDTH)
        wav.setframerate(pcm.rate)
        wav.writeframes(samples.tobytes())


def join(parts: Sequence[Pcm]) -> Pcm:
    """One sentence from its per-script pieces; all pieces must share one format."""
    if not parts:
        raise AudioFormatError("nothing to join")
    first = parts[0]
    samples = array("h")
    for part in parts:
        if (part.channels, part.rate) != (first.channels, first.rate):
            raise AudioFormatError(f"cannot join {part.channels} ch/{part.rate} Hz to "
                                   f"{first.channels} ch/{first.rate} Hz")
        samples.extend(part.samples)
    return Pcm(first.channels, first.rate, samples)


def peak_dbfs(samples: array[int]) -> float:
    peak = max(abs(max(samples, default=0)), abs(min(samples, default=0)))
    return SILENCE_DBFS if peak == 0 else 20 * math.log10(peak / FULL_SCALE)


def rms_dbfs(samples: array[int]) -> float:
    if not samples:
        return SILENCE_DBFS
    mean_square = sum(s * s for s in samples) / len(samples)
    return SILENCE_DBFS if mean_square == 0 else 10 * math.log10(mean_square / FULL_SCALE**2)


def scaled(pcm: Pcm, *, peak_target_dbfs: float, gain_db: float) -> Pcm:
    """`pcm` normalised to `peak_target_dbfs`, then `gain_db` applied; silence stays silent."""
    peak = peak_dbfs(pcm.samples)
    if peak <= SILENCE_DBFS:
        return pcm
    factor = 10 ** ((peak_target_dbfs - peak + gain_db) / 20)
    top, bottom = int(FULL_SCALE) - 1, -int(FULL_SCALE)
    out = array("h", (min(top, max(bottom, round(s * factor))) for s in pcm.samples))
    return Pcm(pcm.channels, pcm.rate, out)
