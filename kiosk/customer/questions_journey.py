"""Questions and answers, put together: topic -> question -> answer, read aloud.

The content comes from the FAQ library, in the screen's language. When the kiosk resets
for the next customer and the content files have changed (their names, sizes or times),
the library reads them again, so staff's edits show without a restart, never in the middle
of someone's reading; an edit that breaks a file is reported (file, entry and problem, in
the log) and the kiosk keeps showing the last good content (the library's rule), so a
mistake never empties the questions or stops the kiosk.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Slot

from kiosk.core.faq import FaqBook
from kiosk.core.faq_library import ContentSource, FaqLibrary, FaqLoad
from kiosk.core.kiosk_flow import Screen
from kiosk.customer.answer_screen import AnswerScreen
from kiosk.customer.categories_screen import CategoriesScreen
from kiosk.customer.customer_session import data_language
from kiosk.customer.questions_screen import QuestionsScreen
from kiosk.customer.screen_voice import ScreenVoice

log = logging.getLogger(__name__)


class QuestionsJourney(QObject):
    def __init__(self, library: FaqLibrary, content_dir: Path, voice: ScreenVoice,
                 language: Callable[[], str], go: Callable[[Screen], None],
                 parent: QObject | None = None) -> None:
        """Builds the journey's three screens (`categories`, `questions`, `answer`), which
        show the library's content in the screen's language (English for the
        pseudo-language). ``content_dir``: the folder the library reads (watched for
        edits)."""
        super().__init__(parent)

        def book() -> FaqBook:
            return library.catalogue.book(data_language(language()))

        self.categories = categories = CategoriesScreen(book, language)
        self.questions = questions = QuestionsScreen(book, language)
        self.answer = answer = AnswerScreen(book, language)
        self._library = library
        self._content_dir = content_dir
        self._seen = self._files()
        self._voice = voice
        self._go = go
        self.last_load: FaqLoad | None = None
        categories.categoryChosen.connect(self.choose_category)
        questions.questionChosen.connect(self.choose_question)
        answer.readAgainRequested.connect(self.read_answer)
        answer.stopRequested.connect(voice.stop_reading)

    def _files(self) -> tuple[tuple[str, int, int], ...]:
        """What the content folder holds now: each file's name, size and time."""
        try:
            found = sorted(self._content_dir.glob("*.toml"))
            return tuple((f.name, f.stat().st_size, f.stat().st_mtime_ns) for f in found)
        except OSError:
            return ()

    def reload_if_changed(self) -> FaqLoad | None:
        """Read the content again if the files changed since the last reading."""
        files = self._files()
        if files == self._seen:
            return None
        return self.reload()

    def reload(self) -> FaqLoad:
        """Read the content files again; the screens show what the library now holds."""
        self._seen = self._files()
        load = self._library.load()
        self.last_load = load
        if load.source is not ContentSource.FILES:
            log.error("questions and answers: content files refused (%d problems); showing "
                      "%s", len(load.problems), load.source.value)
        for screen in (self.categories, self.questions, self.answer):
            screen.retranslate()
        return load

    @Slot(str)
    def choose_category(self, category_id: str) -> None:
        self.questions.show_category(category_id)
        self._go(Screen.QUESTIONS)

    @Slot(str)
    def choose_question(self, entry_id: str) -> None:
        self.answer.show_entry(entry_id)
        self._go(Screen.ANSWER)

    @Slot()
    def read_answer(self) -> None:
        self._voice.read(self.answer.spoken())
