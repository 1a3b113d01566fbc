"""The few WAV operations speech needs, in plain Python (`wave` + `array`).

Volume is applied here, to the samples, rather than through the system mixer: the steps
then mean the same on every kiosk whatever its mixer says, the range can be measured on the
files (EN 301 549 asks for 18 dB with a 12 dB step), and the next customer's default volume
is restored by the service alone. Every sentence is first normalised to the same peak, so
a recorded phrase and a synthesised one sound equally loud at the same step.

The speech thread shares the interpreter with the kiosk's GUI thread, so no step here walks
the samples one by one in Python: scaling a three-second sentence that way held the GIL for
about 20 ms and made a tap during it up to three times slower to paint. Every operation is
a C-level one on whole buffers (see `_multiplied`).
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
_FLIP_SIGN = bytes(byte ^ 0x80 for byte in range(256))
"""Translates a sample's high byte between two's complement and offset binary (+32768)."""
_SLOT = 8
"""Bytes each sample is given in the big integer `_multiplied` computes with."""
_FRACTION_BITS = 32
"""Precision of the factor: a 12 dB step between volume steps stays 12 dB, not 11.9999."""


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
    return _dbfs(_peak(samples))


def _peak(samples: array[int]) -> int:
    return max(abs(max(samples, default=0)), abs(min(samples, default=0)))


def _dbfs(peak: int) -> float:
    return SILENCE_DBFS if peak == 0 else 20 * math.log10(peak / FULL_SCALE)


def rms_dbfs(samples: array[int]) -> float:
    if not samples:
        return SILENCE_DBFS
    mean_square = sum(s * s for s in samples) / len(samples)
    return SILENCE_DBFS if mean_square == 0 else 10 * math.log10(mean_square / FULL_SCALE**2)


def scaled(pcm: Pcm, *, peak_target_dbfs: float, gain_db: float) -> Pcm:
    """`pcm` normalised to `peak_target_dbfs`, then `gain_db` applied; silence stays silent.

    Never clips: a factor that would take the peak past full scale is lowered to reach it
    (the settings refuse a loudest step above 0 dBFS, so this only guards the arithmetic).
    """
    top = _peak(pcm.samples)
    if top == 0:
        return pcm
    factor = min(10 ** ((peak_target_dbfs - _dbfs(top) + gain_db) / 20), (FULL_SCALE - 1) / top)
    return Pcm(pcm.channels, pcm.rate, _multiplied(pcm.samples, factor))


def _multiplied(samples: array[int], factor: float) -> array[int]:
    """Each sample times `factor`, rounded (half up), as C-level work on whole buffers.

    `factor` must keep every result within 16 bits. The samples are laid out as one big
    integer, one 64-bit slot each, as offset binary (sample + 32768, never negative). One
    multiplication by the factor in fixed point (32 fraction bits) and one addition of a
    constant in every slot leave, in bits 32-47 of each slot, the rounded product in offset
    binary: the slots never carry into each other, as each stays below 2**64 (a factor
    below 2**15 times a sample within 16 bits).
    """
    count = len(samples)
    if count == 0:
        return array("h")
    little = array("h", samples)
    if sys.byteorder == "big":
        little.byteswap()
    raw = little.tobytes()
    slots = bytearray(_SLOT * count)
    slots[0::_SLOT] = raw[0::2]
    slots[1::_SLOT] = raw[1::2].translate(_FLIP_SIGN)
    one = 1 << _FRACTION_BITS
    k = round(factor * one)
    # Per slot: (s + 32768) * k + add = s * k + one / 2 + (32768 + 2 * 32768 * m) * one,
    # whose bits 32-47 are round(s * k / one) + 32768 whatever m; m keeps `add` >= 0.
    m = -(-k // (2 * one))
    add = one // 2 + (32768 + 2 * 32768 * m) * one - 32768 * k
    total = (int.from_bytes(slots, "little") * k
             + int.from_bytes(add.to_bytes(_SLOT, "little") * count, "little"))
    product = total.to_bytes(_SLOT * count, "little")
    out = bytearray(2 * count)
    low = _FRACTION_BITS // 8
    out[0::2] = product[low::_SLOT]
    out[1::2] = product[low + 1::_SLOT].translate(_FLIP_SIGN)
    result = array("h")
    result.frombytes(out)
    if sys.byteorder == "big":
        result.byteswap()
    return result
