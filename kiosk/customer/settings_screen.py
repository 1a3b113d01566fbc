"""The customer's own settings: language, text size, colours, reading aloud, volume, speed.

Each setting is a sentence saying how it is now ("Reading aloud is on.") with the buttons
that change it below. The sentence, not a colour or a pressed look, tells the state, and it
is what is spoken after a change. Nothing is ever disabled: a disabled button cannot take
focus, so a keypad user could not find it; "Louder" at the loudest step says so instead.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import StrEnum

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.core.customer_settings import VOLUME_STEPS, CustomerSettings, Rate, TextSize
from kiosk.customer.kiosk_screen import KioskScreen, make_button, make_label, shown_text
from kiosk.ui.strings import vocabulary_text
from kiosk.ui.widgets import AdaptiveRow, BigButton, BigLabel


class Setting(StrEnum):
    LANGUAGE = "language"
    TEXT_SIZE = "text_size"
    CONTRAST = "contrast"
    SPEECH = "speech"
    VOLUME = "volume"
    SPEED = "speed"


_LAYOUT = ((Setting.LANGUAGE, 0, 0), (Setting.TEXT_SIZE, 1, 0), (Setting.CONTRAST, 0, 1),
           (Setting.SPEECH, 1, 1), (Setting.VOLUME, 0, 2), (Setting.SPEED, 1, 2))
"""(setting, row, column): three columns of two, so extra-large text still fits in height."""
COLUMNS = 3


class SettingsScreen(KioskScreen):
    changeRequested = Signal(object, str)
    """The settings the customer asked for, and which Setting they changed."""

    def __init__(self, settings: Callable[[], CustomerSettings],
                 languages: Sequence[tuple[str, str]], parent: QWidget | None = None) -> None:
        """``languages``: (code, name in that language) of every language offered."""
        super().__init__(parent)
        self._settings = settings
        self._languages = tuple(languages)
        self.title = make_label("settings_title", role="heading")
        self.states: dict[Setting, BigLabel] = {}
        self.buttons: dict[str, BigButton] = {}
        # Three columns side by side where the panel is wide enough, one under the other
        # where it is not (a portrait panel).
        columns = [QVBoxLayout() for _ in range(COLUMNS)]
        for setting, _row, column in _LAYOUT:
            columns[column].addLayout(self._group(setting))
        grid = self.columns = AdaptiveRow(preferred=True)
        for column_layout in columns:
            column_layout.addStretch(1)
            grid.add_layout(column_layout, 1)
        self.content_layout.addWidget(self.title)
        self.content_layout.addWidget(grid)
        self.content_layout.addStretch(1)
        self.retranslate()

    def _group(self, setting: Setting) -> QVBoxLayout:
        group = QVBoxLayout()
        state = make_label(f"settings_{setting}_state")
        self.states[setting] = state
        group.addWidget(state)
        row = AdaptiveRow(preferred=True)
        for name in self._button_names(setting):
            button = make_button(f"settings_{name}")
            button.clicked.connect(lambda _=False, n=name: self._pressed(n))
            self.buttons[name] = button
            row.add_widget(button)
        row.add_stretch(1)
        group.addWidget(row)
        return group

    def _button_names(self, setting: Setting) -> list[str]:
        if setting is Setting.LANGUAGE:
            return [f"language_{code}" for code, _ in self._languages]
        if setting is Setting.VOLUME:
            return ["quieter", "louder"]
        return [setting.value]

    # --- changes --------------------------------------------------------------------------

    def _pressed(self, name: str) -> None:
        current = self._settings()
        if name.startswith("language_"):
            new, setting = current.with_language(name.removeprefix("language_")), \
                Setting.LANGUAGE
        elif name == "quieter":
            new, setting = current.quieter(), Setting.VOLUME
        elif name == "louder":
            new, setting = current.louder(), Setting.VOLUME
        else:
            setting = Setting(name)
            new = {
                Setting.TEXT_SIZE: current.toggled_size,
                Setting.CONTRAST: current.toggled_contrast,
                Setting.SPEECH: current.toggled_speech,
                Setting.SPEED: current.toggled_rate,
            }[setting]()
        self.changeRequested.emit(new, setting.value)

    def refresh(self) -> None:
        """Show the settings as they are now (after a change was applied)."""
        self.retranslate()

    # --- texts ----------------------------------------------------------------------------

    def retranslate(self) -> None:
        current = self._settings()
        self.title.setText(self.tr("Text size and sound"))
        names = dict(self._languages)
        for setting, label in self.states.items():
            label.setText(self.state_text(setting))
        for code, name in self._languages:
            button = self.buttons[f"language_{code}"]
            button.setText(name)
            button.setVisible(code != current.language or code not in names)
        self.buttons[Setting.TEXT_SIZE].setText(vocabulary_text(
            "Accessibility",
            "larger_text" if current.text_size is TextSize.LARGE else "smaller_text"))
        self.buttons[Setting.CONTRAST].setText(
            vocabulary_text("Accessibility", "standard_colours") if current.high_contrast
            else vocabulary_text("Accessibility", "high_contrast"))
        self.buttons[Setting.CONTRAST].setAccessibleDescription(
            vocabulary_text("Accessibility", "high_contrast_description"))
        self.buttons[Setting.SPEECH].setText(
            self.tr("Stop reading aloud") if current.speech_on
            else vocabulary_text("Accessibility", "speech"))
        self.buttons["quieter"].setText(vocabulary_text("Accessibility", "quieter"))
        self.buttons["louder"].setText(vocabulary_text("Accessibility", "louder"))
        self.buttons[Setting.SPEED].setText(vocabulary_text(
            "Accessibility", "slower" if current.rate is Rate.NORMAL else "faster"))

    def state_text(self, setting: Setting) -> str:
        """The sentence saying how ``setting`` is now."""
        current = self._settings()
        if setting is Setting.LANGUAGE:
            name = dict(self._languages).get(current.language, current.language)
            return self.tr("Language: {language}").format(language=name)
        if setting is Setting.TEXT_SIZE:
            return (self.tr("Text size: large") if current.text_size is TextSize.LARGE
                    else self.tr("Text size: extra large"))
        if setting is Setting.CONTRAST:
            return (self.tr("Colours: high contrast") if current.high_contrast
                    else self.tr("Colours: standard"))
        if setting is Setting.SPEECH:
            return vocabulary_text("Accessibility",
                                   "speech_on" if current.speech_on else "speech_off")
        if setting is Setting.VOLUME:
            #: {level} is the volume step now (1 is the quietest), {count} the number of steps.
            return self.tr("Volume: {level} of {count}").format(level=current.volume + 1,
                                                               count=VOLUME_STEPS)
        return (self.tr("Speaking speed: slow") if current.rate is Rate.SLOW
                else self.tr("Speaking speed: normal"))

    def spoken(self) -> list[str]:
        return shown_text(self.title, *(self.states[s] for s, _, _ in _LAYOUT))

    def first_control(self) -> QWidget | None:
        return next((b for b in self.buttons.values() if not b.isHidden()), None)

