"""`python -m tools.make_sounds`: write the staff console's alarm sounds to assets/sounds/.

The sounds are synthesised here from sine tones with the standard library, so they are the
project's own work under the project's licence, reproducible byte for byte, and small enough
to commit. Three sounds, each a short phrase the console repeats until someone answers:

- ``alarm-chime.wav``: a clear two-tone chime (E5 then C5), the ordinary help call;
- ``alarm-soft.wav``: the same shape, lower (A4 then F4) and at half the level, for the
  discreet "special attention" call, so a console near the customer does not announce it
  to whoever stands beside them;
- ``alarm-escalation.wav``: louder and more urgent (A5/E5 three times), for a call nobody has
  answered in the escalation time.

Mono, 16-bit, 22,050 Hz: what ``aplay`` and ``paplay`` play everywhere.
"""

from __future__ import annotations

import argparse
import math
import struct
import wave
from collections.abc import Sequence
from pathlib import Path

RATE = 22_050
ATTACK_S = 0.012
DEFAULT_OUT = Path(__file__).resolve().parents[1] / "assets" / "sounds"

Note = tuple[float, float, float]
"""(frequency in Hz, duration in seconds, level 0..1); a frequency of 0 is a rest."""

SOUNDS: dict[str, Sequence[Note]] = {
    "alarm-chime.wav": ((659.25, 0.38, 0.55), (0.0, 0.04, 0.0), (523.25, 0.62, 0.55)),
    "alarm-soft.wav": ((440.0, 0.45, 0.28), (0.0, 0.05, 0.0), (349.23, 0.70, 0.28)),
    "alarm-escalation.wav": tuple(
        note for _ in range(3)
        for note in ((880.0, 0.16, 0.9), (0.0, 0.03, 0.0), (659.25, 0.16, 0.9), (0.0, 0.08, 0.0))
    ),
}


def _tone(frequency: float, duration_s: float, level: float) -> list[float]:
    """One note: a bell-like tone (fundamental plus two soft overtones) with a short attack
    and an exponential decay, so it carries across a room without clicking."""
    count = int(duration_s * RATE)
    if frequency <= 0:
        return [0.0] * count
    samples = []
    for n in range(count):
        t = n / RATE
        attack = min(1.0, t / ATTACK_S)
        decay = math.exp(-3.0 * t / duration_s)
        release = min(1.0, (duration_s - t) / ATTACK_S)  # no click at the end
        wave_value = (math.sin(2 * math.pi * frequency * t)
                      + 0.35 * math.sin(4 * math.pi * frequency * t)
                      + 0.12 * math.sin(6 * math.pi * frequency * t)) / 1.47
        samples.append(level * attack * decay * release * wave_value)
    return samples


def render(notes: Sequence[Note]) -> bytes:
    samples = [value for note in notes for value in _tone(*note)]
    return b"".join(struct.pack("<h", round(max(-1.0, min(1.0, s)) * 32767)) for s in samples)


def write_sounds(out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, notes in SOUNDS.items():
        path = out_dir / name
        with wave.open(str(path), "wb") as wav:
            wav.setnchannels(1)
            wav.setsampwidth(2)
            wav.setframerate(RATE)
            wav.writeframes(render(notes))
        written.append(path)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="folder to write to")
    args = parser.parse_args(argv)
    for path in write_sounds(args.out):
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
