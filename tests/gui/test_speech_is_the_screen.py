"""Speech is always the current screen: nothing is said that the screen does not show.

Every state of the screen catalogue (`screen_states.STATES`, the list the pictures and the
accessibility audit use, so a new screen is covered without an edit here) is reached step by
step, the way the network, the printer and the customer would, on a kiosk whose fake
speaker never finishes by itself: what it was given and has not finished is what a real
voice would still say, or resume after news. Two things must hold:

- each sentence, when it is given to the speaker, is a text shown on the screen then;
- once the state is reached, every sentence still to be said is shown on the screen now
  (a screen that changed stopped the old reading instead of leaving it to resume).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

from kiosk.core.config import load_config
from kiosk.customer.app import KioskParts, build_kiosk
from kiosk.customer.screen_states import STATES, KioskStage, ScreenState
from kiosk.net.broker import free_port
from tests.helpers.branch import write_branch_config
from tests.helpers.fake_speaker import FakeSpeaker, Said
from tests.helpers.kiosk_harness import stop_kiosk

LANGUAGES = ("zh_CN", "en")
_SPACE = re.compile(r"\s+")


def _plain(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def shown_texts(window: QWidget) -> set[str]:
    """Every text on a label or button the customer can see now."""
    widgets = [*window.findChildren(QLabel), *window.findChildren(QAbstractButton)]
    return {_plain(widget.text()) for widget in widgets
            if widget.isVisible() and widget.text().strip()}


class Listener:
    """A kiosk with a speaker that never finishes by itself, checking every sentence
    against the screen at the moment it is given."""

    def __init__(self, parts: KioskParts, speaker: FakeSpeaker) -> None:
        self.parts = parts
        self.speaker = speaker
        self.stage = KioskStage(parts)
        self.unseen: list[tuple[str, str]] = []
        self.recording = False
        speaker.on_say = self._heard
        config = parts.config
        self.spoken_names = {member.name.text(language): spoken
                             for member in config.staff
                             for language, spoken in member.pronunciation.items()}

    def shown(self, text: str, on_screen: set[str]) -> bool:
        text = _plain(text)
        if text in on_screen:
            return True
        for name, spoken in self.spoken_names.items():
            # The voice says a configured pronunciation where the screen shows the name.
            if spoken and spoken in text and _plain(text.replace(spoken, name)) in on_screen:
                return True
        return False

    def _heard(self, said: Said) -> None:
        if not self.recording:
            return
        on_screen = shown_texts(self.parts.window)
        self.unseen.extend((said.channel or "", item) for item in said.items
                           if item.strip() and not self.shown(item, on_screen))

    def reach(self, language: str, state: ScreenState) -> None:
        self.recording = False
        self.stage.fresh(language)
        for utterance_id in list(self.speaker.open):
            self.speaker.finish(utterance_id)
        self.unseen = []
        self.recording = True
        state.set_up(self.stage)
        self.stage.settle()

    def still_to_say_unseen(self) -> list[tuple[str, str]]:
        on_screen = shown_texts(self.parts.window)
        return [(said.channel or "", item) for said in self.speaker.still_to_say
                for item in said.items if item.strip() and not self.shown(item, on_screen)]


@pytest.fixture(scope="module")
def listener(qapp: QApplication, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Listener]:
    directory: Path = tmp_path_factory.mktemp("kiosk-speech")
    config = load_config(write_branch_config(directory / "config", free_port()))
    speaker = FakeSpeaker(auto_finish=False)
    parts = build_kiosk(qapp, config, "kiosk-1", directory / "kiosk", speaker=speaker)
    parts.start(windowed=True, connect=False)
    yield Listener(parts, speaker)
    stop_kiosk(parts)


@pytest.mark.parametrize(("language", "state"), [
    pytest.param(language, state, id=f"{language}-{state.name}")
    for language in LANGUAGES for state in STATES])
def test_every_sentence_said_is_shown_on_the_screen_at_the_time(
        listener: Listener, language: str, state: ScreenState) -> None:
    listener.reach(language, state)

    assert listener.unseen == [], "said while the screen did not show it"
    assert listener.still_to_say_unseen() == [], "still to be said, no longer on the screen"
