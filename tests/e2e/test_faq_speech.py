"""Every question and answer the kiosk ships can be read aloud by the real speech worker.

Each sentence goes through the speech service's own renderer (numbers rewritten for
speaking, Chinese and Latin runs sent to their voices, the pieces joined) and the real
pyttsx3/espeak-ng worker process, one worker per language in parallel. Only what does not
depend on the text is skipped: playing, and scaling the samples to a volume step (pure
arithmetic, tested with the speech service), which would otherwise take most of the time.
"""

from __future__ import annotations

import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from kiosk.core.faq import FaqBook
from kiosk.core.faq_files import load_catalogue
from kiosk.paths import assets_dir
from kiosk.speech import rendering
from kiosk.speech.api import Rate
from kiosk.speech.players import wav_duration_s
from kiosk.speech.rendering import SentenceRenderer
from kiosk.speech.settings import SpeechSettings
from kiosk.speech.speech_queue import sentences_of
from kiosk.speech.synthesis_cache import SynthesisCache
from kiosk.speech.worker_client import SupervisedWorker, SynthesisFailed

pytestmark = [pytest.mark.e2e,
              pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="needs espeak-ng")]

LANGUAGES = ("zh_CN", "en")
MIN_SENTENCE_S = 0.2
"""Even the shortest sentence ("不会。", "Yes.") lasts longer than this when spoken."""


def speak_book(book: FaqBook, folder: Path) -> tuple[dict[str, float], dict[str, str]]:
    """Render every sentence of `book`: (sentence -> seconds of speech, sentence -> error)."""
    settings = SpeechSettings(recordings_dir=folder / "no-recordings")
    worker = SupervisedWorker(settings.worker_command, job_timeout_s=settings.job_timeout_s,
                              start_timeout_s=settings.start_timeout_s,
                              restart_backoff_s=settings.restart_backoff_s,
                              on_state=lambda state, detail: None)
    (folder / "cache").mkdir(parents=True)
    renderer = SentenceRenderer(settings, worker, SynthesisCache(folder / "cache", 0), folder)
    texts = [c.title for c in book.categories]
    texts += [text for e in book.entries for text in (e.question, *e.paragraphs)]
    durations: dict[str, float] = {}
    errors: dict[str, str] = {}
    try:
        for sentence in sentences_of(texts):
            try:
                path = renderer.render(book.language, sentence, 0, Rate.NORMAL)
            except (SynthesisFailed, OSError) as error:
                errors[sentence.text] = str(error)
                continue
            durations[sentence.text] = 0.0 if path is None else wav_duration_s(path)
            if path is not None:
                path.unlink()
    finally:
        worker.close()
    return durations, errors


def test_every_question_and_answer_is_synthesised_without_error(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    catalogue = load_catalogue(assets_dir() / "faq", LANGUAGES)
    monkeypatch.setattr(rendering, "scaled", lambda pcm, **_: pcm)

    with ThreadPoolExecutor(max_workers=len(LANGUAGES)) as pool:
        results = dict(zip(LANGUAGES, pool.map(
            lambda language: speak_book(catalogue.book(language), tmp_path / language),
            LANGUAGES), strict=True))

    for language, (durations, errors) in results.items():
        assert errors == {}, language
        silent = {text: seconds for text, seconds in durations.items()
                  if seconds < MIN_SENTENCE_S}
        assert silent == {}, language
        book = catalogue.book(language)
        assert len(durations) >= len(book.entries) * 2, language
