"""The wall display's words, in every language it shows at once.

A kiosk shows one language at a time, the customer's; the wall display serves the whole
waiting area, so it shows (and says) every branch language together. It therefore cannot
use the one catalogue installed on the application: it keeps a translator per language,
loaded from the same `translations/kiosk_<code>.qm` files, and looks each text up in each.
The English source text is used where a catalogue lacks a text, and the pseudo-language is
spoken by the English voice (it is English underneath).

What is shown and what is said come from the same sentences.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QTranslator

from kiosk.ui.i18n import PSEUDO_LANGUAGE, SOURCE_LANGUAGE, catalogue_path

log = logging.getLogger(__name__)

CONTEXT = "DisplayBoard"
NOW_CALLING = QT_TRANSLATE_NOOP("DisplayBoard", "Now calling")
#: Under the newest number on the wall display. {counter} is the counter's number, e.g. 3.
GO_TO_COUNTER = QT_TRANSLATE_NOOP("DisplayBoard", "Please go to counter {counter}")
#: Spoken for each called number. {number} is the ticket (A042), {counter} a number (3).
SPOKEN_CALL = QT_TRANSLATE_NOOP("DisplayBoard",
                                "Number {number}, please go to counter {counter}.")
#: Above the list of numbers called before the newest one on the wall display.
CALLED_BEFORE = QT_TRANSLATE_NOOP("DisplayBoard", "Called before")
NOTICE_TITLE = QT_TRANSLATE_NOOP("DisplayBoard", "Notice")
WAITING_FOR_CALLS = QT_TRANSLATE_NOOP("DisplayBoard", "Please wait to be called")
#: Under the calls on the wall display, before the numbers called that did not come and
#: have not come back (the numbers follow on the next line). Keep it short.
MISSED_NUMBERS = QT_TRANSLATE_NOOP("DisplayBoard", "Missed your number? Ask in the lobby")
#: Shown on the wall display while it cannot reach the branch system.
RECONNECTING = QT_TRANSLATE_NOOP("DisplayBoard", "Not connected: new calls may not show")


class BoardWords:
    """Texts of the wall display in each of its languages, in the order given."""

    def __init__(self, languages: Sequence[str], translations: Path | None = None) -> None:
        self.languages = tuple(languages)
        self._translators: dict[str, QTranslator] = {}
        for language in self.languages:
            translator = QTranslator()
            path = catalogue_path(language, translations)
            if translator.load(str(path)):
                self._translators[language] = translator
            elif language != SOURCE_LANGUAGE:
                log.warning("display: catalogue %s cannot be read; %s shows English", path,
                            language)

    def text(self, language: str, source: object) -> str:
        translator = self._translators.get(language)
        found = translator.translate(CONTEXT, str(source)) if translator is not None else ""
        return found or str(source)

    def each(self, source: object, **values: object) -> list[str]:
        """The text in every language, formatted with `values`."""
        return [self.text(language, source).format(**values) for language in self.languages]

    def joined(self, source: object, separator: str = "  ", **values: object) -> str:
        return separator.join(self.each(source, **values))


def speech_language(language: str) -> str:
    """The voice for a board language: the pseudo-language is English underneath."""
    return SOURCE_LANGUAGE if language == PSEUDO_LANGUAGE else language
