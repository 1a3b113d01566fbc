"""The current customer's settings, applied to the running kiosk the moment they change.

Language, text size, contrast, speech, volume and speed belong to one customer: each change
is applied at once (catalogue, speaker, look), and `reset()` puts back the branch defaults
for the next customer, so nobody inherits someone else's choices. The look's stylesheet and
palette are not installed on the application (that restyles every widget of every screen,
most of a second on the reference machine): the window gives them to the screen shown, and
to each other screen when it is shown (`stylesheet`, `palette`).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from kiosk.core.customer_settings import VOLUME_STEPS, CustomerSettings, Rate, defaults
from kiosk.core.customer_settings import TextSize as CustomerTextSize
from kiosk.customer.kiosk_style import kiosk_stylesheet
from kiosk.speech.api import Rate as SpeechRate
from kiosk.speech.api import Speaker
from kiosk.ui.i18n import PSEUDO_LANGUAGE, SOURCE_LANGUAGE, load_language
from kiosk.ui.physical import SizeRules
from kiosk.ui.theme import Contrast, TextSize, Theme, build_theme

log = logging.getLogger(__name__)


def speech_language(language: str) -> str:
    """The voice for a screen language: the pseudo-language is English underneath."""
    return SOURCE_LANGUAGE if language == PSEUDO_LANGUAGE else language


def data_language(language: str) -> str:
    """The language to pick configured texts (branch and staff names) in."""
    return speech_language(language)


def speaker_volume_step(customer_step: int, speaker_steps: int) -> int:
    """Spread the customer's steps over the speaker's, loudest on loudest, quietest on
    quietest, so the customer's range is the speaker's full range (at least 18 dB)."""
    if speaker_steps <= 1:
        return 0
    return round(customer_step * (speaker_steps - 1) / (VOLUME_STEPS - 1))


class CustomerSession(QObject):
    changed = Signal(object)
    """The new CustomerSettings, after they were applied."""

    def __init__(self, app: QApplication, rules: SizeRules, font_family: str,
                 speaker: Speaker, default_language: str, languages: Sequence[str],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self._rules = rules
        self._font_family = font_family
        self._speaker = speaker
        self._default_language = default_language
        self.languages = tuple(languages)
        self._themes: dict[tuple[Contrast, TextSize], Theme] = {}
        self._stylesheets: dict[tuple[Contrast, TextSize], str] = {}
        self._start_look = (False, False)
        self._start_language: str | None = None
        self._settings = defaults(default_language)
        self._apply(self._settings, None)

    @property
    def settings(self) -> CustomerSettings:
        return self._settings

    @property
    def language(self) -> str:
        return self._settings.language

    @property
    def theme(self) -> Theme:
        return self._theme_for(self._settings)

    @property
    def stylesheet(self) -> str:
        """The current look's stylesheet for a kiosk screen (the same object while the
        look stays the same, so a screen that has it is known by identity)."""
        key = self._look_key(self._settings)
        sheet = self._stylesheets.get(key)
        if sheet is None:
            sheet = kiosk_stylesheet(self._theme_for(self._settings), self._rules)
            self._stylesheets[key] = sheet
        return sheet

    @property
    def palette(self) -> QPalette:
        """The current look's palette for a kiosk screen, given with its stylesheet."""
        return self._theme_for(self._settings).palette()

    @property
    def at_defaults(self) -> bool:
        return self._settings == self._defaults()

    def start_look(self, *, larger: bool, high_contrast: bool) -> None:
        """The text size and contrast `reset()` returns to (normal and standard unless set).

        For drawing or auditing many screens in one look: each screen starts from a reset,
        and without this every reset would re-style the whole kiosk twice (to the default
        look and back), which is most of the time such a run takes.
        """
        self._start_look = (larger, high_contrast)

    def start_language(self, language: str | None) -> None:
        """The language `reset()` returns to (None: the branch's default language).

        For the same runs as `start_look`: without it each screen of another language
        than the default would be translated twice (to the default and back again).
        """
        self._start_language = language

    def _defaults(self) -> CustomerSettings:
        larger, high_contrast = self._start_look
        return replace(defaults(self._start_language or self._default_language),
                       text_size=CustomerTextSize.LARGER if larger else CustomerTextSize.LARGE,
                       high_contrast=high_contrast)

    def update(self, new: CustomerSettings) -> None:
        if new == self._settings:
            return
        old, self._settings = self._settings, new
        self._apply(new, old)
        self.changed.emit(new)

    def reset(self) -> None:
        """Back to the branch defaults, for the next customer (after the speaker's own
        reset, whose default volume need not be the customer default's step)."""
        self.update(self._defaults())
        self._apply_sound(self._settings)

    def _apply_sound(self, settings: CustomerSettings) -> None:
        self._speaker.set_volume(speaker_volume_step(settings.volume,
                                                     self._speaker.volume_step_count))
        self._speaker.set_rate(SpeechRate.SLOW if settings.rate is Rate.SLOW
                               else SpeechRate.NORMAL)

    def next_language(self) -> str:
        """The language after the current one, in the configured order."""
        if self.language not in self.languages:
            return self.languages[0]
        index = self.languages.index(self.language)
        return self.languages[(index + 1) % len(self.languages)]

    @staticmethod
    def _look_key(settings: CustomerSettings) -> tuple[Contrast, TextSize]:
        return (Contrast.HIGH if settings.high_contrast else Contrast.STANDARD,
                TextSize(settings.text_size.value))

    def _theme_for(self, settings: CustomerSettings) -> Theme:
        key = self._look_key(settings)
        theme = self._themes.get(key)
        if theme is None:
            theme = build_theme(self._rules, key[0], key[1], self._font_family)
            self._themes[key] = theme
        return theme

    def _apply(self, new: CustomerSettings, old: CustomerSettings | None) -> None:
        if old is None or new.language != old.language:
            if not load_language(self._app, new.language):
                log.warning("language %s could not be loaded; English is shown", new.language)
            # Qt posts the change to every window; deliver it now, so that whatever is
            # spoken next is already in the new language.
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        if old is None:
            # What no screen covers starts in the first look's colours. A change of look
            # gives its palette to the screens, with their stylesheet (`palette`): set on
            # the application, it went to every widget of every screen, a quarter of a
            # contrast switch's time.
            self._app.setPalette(self._theme_for(new).palette())
        if old is None or (new.volume, new.rate) != (old.volume, old.rate):
            self._apply_sound(new)
        if old is not None and old.speech_on and not new.speech_on:
            self._speaker.stop()
