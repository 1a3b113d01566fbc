"""A player that makes no sound and takes as long as the WAV would: `python silent_player.py
FILE.wav`.

It behaves like `aplay` for everything but the sound: a child process that ends with status
0 when the file would have finished, dies at once on SIGTERM, and fails (status 1) on a file
that is not a WAV. Tests of stopping and queueing use it on machines without a sound card,
and a demo can run on such a machine with true timing. Standard library only, so it starts
fast and needs nothing from the kiosk package.
"""

from __future__ import annotations

import sys
import time
import wave


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: silent_player.py FILE.wav", file=sys.stderr)
        return 2
    try:
        with wave.open(argv[0], "rb") as wav:
            duration = wav.getnframes() / float(wav.getframerate() or 1)
    except (OSError, wave.Error, EOFError) as error:
        print(f"silent_player: {argv[0]}: {error}", file=sys.stderr)
        return 1
    time.sleep(duration)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
