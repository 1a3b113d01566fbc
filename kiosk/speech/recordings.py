"""Recorded voice files that replace synthesis for the product's fixed phrases.

espeak's Mandarin is intelligible but robotic, and an elderly customer hears the fixed
phrases (welcome, "staff are coming", "please take your ticket") most; a bank can record
them with a real voice. `assets/voice/<language>/<phrase_id>.wav` is played instead of
synthesising that phrase in that language. A file that cannot be used (not a 16-bit PCM
WAV, empty) is logged once and ignored, so a bad recording degrades to synthesis, not to
silence.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from kiosk.speech.api import PHRASE_ID_PATTERN
from kiosk.speech.wav_audio import AudioFormatError, Pcm, read_pcm

log = logging.getLogger(__name__)

_LANGUAGE = re.compile(r"[a-z]{2,3}(_[A-Z]{2})?")


class RecordingLibrary:
    def __init__(self, root: Path) -> None:
        self._root = root
        self._rejected: set[Path] = set()

    @property
    def root(self) -> Path:
        return self._root

    def path_for(self, language: str, phrase_id: str) -> Path:
        if not _LANGUAGE.fullmatch(language) or not PHRASE_ID_PATTERN.fullmatch(phrase_id):
            raise ValueError(f"no recording can be named {language}/{phrase_id}")
        return self._root / language / f"{phrase_id}.wav"

    def find(self, language: str, phrase_id: str) -> Pcm | None:
        """The recording's samples, or None when there is no usable recording."""
        try:
            path = self.path_for(language, phrase_id)
        except ValueError:
            return None
        if not path.is_file():
            return None
        try:
            pcm = read_pcm(path)
        except (AudioFormatError, OSError) as error:
            self._reject(path, str(error))
            return None
        if not pcm.samples:
            self._reject(path, "no audio in the file")
            return None
        return pcm

    def _reject(self, path: Path, reason: str) -> None:
        if path not in self._rejected:
            self._rejected.add(path)
            log.warning("recorded phrase %s is not used, synthesising instead: %s", path, reason)
