"""Turning one sentence into the WAV file that will be played.

A fixed phrase with a recording for the language uses the recording. Otherwise the text's
numbers are rewritten for speaking, the text is cut into runs of one script (Chinese to the
Mandarin voice, Latin to the English one), each run comes from the cache or the worker, and
the runs are joined. Last, the sentence is normalised to one peak level and the volume
step's gain applied, so every step sounds the same on every kiosk. Runs on the service's
thread only.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from pathlib import Path

from kiosk.speech.api import Rate
from kiosk.speech.numbers import normalise_numbers
from kiosk.speech.recordings import RecordingLibrary
from kiosk.speech.sentences import Script, limit_length, script_of_language, split_by_script
from kiosk.speech.settings import SpeechSettings
from kiosk.speech.speech_queue import Sentence
from kiosk.speech.synthesis_cache import CacheKey, SynthesisCache
from kiosk.speech.wav_audio import Pcm, join, read_pcm, scaled, write_pcm
from kiosk.speech.worker import MAX_TEXT_CHARS
from kiosk.speech.worker_client import SupervisedWorker, SynthesisFailed

Normaliser = Callable[[str, str], str]


class SentenceRenderer:
    def __init__(self, settings: SpeechSettings, worker: SupervisedWorker,
                 cache: SynthesisCache, scratch_dir: Path,
                 normalise: Normaliser = normalise_numbers) -> None:
        self._settings = settings
        self._worker = worker
        self._cache = cache
        self._scratch = scratch_dir
        self._normalise = normalise
        self._recordings = RecordingLibrary(settings.recordings_dir)
        self._names = itertools.count(1)

    def render(self, language: str, sentence: Sentence, volume_step: int,
               rate: Rate) -> Path | None:
        """The file to play, or None when the sentence has nothing to pronounce."""
        if language not in self._settings.voices:
            raise SynthesisFailed(f"no voice is configured for language {language!r}")
        pcm = None
        if sentence.phrase_id is not None:
            pcm = self._recordings.find(language, sentence.phrase_id)
        if pcm is None:
            pcm = self._synthesised(language, sentence, rate)
        if pcm is None:
            return None
        gain = self._settings.volume_steps_db[volume_step]
        out = self._scratch / f"play-{next(self._names)}.wav"
        write_pcm(out, scaled(pcm, peak_target_dbfs=self._settings.peak_dbfs, gain_db=gain))
        return out

    def discard_leftovers(self) -> int:
        """Delete files a failed job or playback left in the scratch folder (they may hold a
        customer's text); called between sentences, when none is in use."""
        count = 0
        for pattern in ("synth-*.wav", "play-*.wav"):
            for leftover in self._scratch.glob(pattern):
                leftover.unlink(missing_ok=True)
                count += 1
        return count

    def voice_for(self, language: str) -> str:
        """The configured voice of `language` that the engine has; raises if none."""
        choice = self._settings.voices[language]
        if not self._worker.ensure_ready():
            raise SynthesisFailed(self._worker.detail or "the speech engine is not available")
        available = self._worker.voices
        for voice in choice.voice_ids:
            if voice.lower() in available:
                return voice
        raise SynthesisFailed(f"no voice for {language}: the engine has none of "
                              f"{', '.join(choice.voice_ids)}")

    def _synthesised(self, language: str, sentence: Sentence, rate: Rate) -> Pcm | None:
        text = self._normalise(sentence.text, language)
        own_script = script_of_language(language)
        parts: list[Pcm] = []
        for segment in split_by_script(text, own_script):
            run_language = self._language_of(segment.script, own_script, language)
            voice = self.voice_for(run_language)
            wpm = self._settings.voices[run_language].wpm(rate)
            for chunk in limit_length(segment.text, MAX_TEXT_CHARS):
                parts.append(self._piece(CacheKey(chunk, voice, wpm),
                                         fixed=sentence.phrase_id is not None))
        return join(parts) if parts else None

    def _language_of(self, script: Script, own_script: Script, language: str) -> str:
        return language if script is own_script else self._settings.script_languages[script]

    def _piece(self, key: CacheKey, *, fixed: bool) -> Pcm:
        cached = self._cache.get(key)
        if cached is None:
            produced = self._scratch / f"synth-{next(self._names)}.wav"
            self._worker.synthesise(key.text, key.voice_id, key.wpm, produced)
            cached = self._cache.store(key, produced, fixed=fixed)
        return read_pcm(cached)
