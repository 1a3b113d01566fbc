"""A called ticket number during an answer being read, through the real speech service.

The kiosk's real speech service synthesises with espeak-ng; its player is a stand-in that
keeps every file it is given and holds the first one "playing" until the test lets it
finish, so the call arrives, for certain, in the middle of the reading. What the customer
hears is then the files in the order played: the sentence being read, the chime, the call,
the chime, the call again, and the rest of the answer, no sentence of it lost. The screen
and its scroll position are untouched throughout.
"""

from __future__ import annotations

import shutil
import wave
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.core.config import load_config
from kiosk.core.kiosk_flow import Screen
from kiosk.customer.app import KioskParts, build_kiosk
from kiosk.customer.called_announcer import CHIME
from kiosk.customer.screen_states import KioskStage
from kiosk.net.broker import free_port
from kiosk.paths import assets_dir
from kiosk.protocol.ticket_messages import TicketCalled
from kiosk.speech.service import SpeechService
from kiosk.speech.settings import SpeechSettings
from kiosk.speech.speech_queue import sentences_of
from kiosk.ui.i18n import unload_language
from kiosk.ui.render import settle
from tests.helpers.branch import write_branch_config
from tests.helpers.fake_player import FakePlayer
from tests.helpers.fake_printer import FakePrinter
from tests.helpers.waiting import wait_until

pytestmark = [pytest.mark.e2e,
              pytest.mark.skipif(shutil.which("espeak-ng") is None,
                                 reason="needs espeak-ng (tools/setup-debian.sh)")]

PATIENCE_S = 30.0

LONG_ANSWER = (5, 1)
"""Category and question of "fake-police", an answer that needs scrolling in English at the
larger text size."""


@pytest.fixture
def kiosk(qapp: QApplication, qtbot: QtBot,
          tmp_path: Path) -> Iterator[tuple[KioskParts, FakePlayer]]:
    player = FakePlayer(held=True)
    speaker = SpeechService(SpeechSettings(), player, temp_base=tmp_path)
    config = load_config(write_branch_config(tmp_path / "config", free_port()))
    parts = build_kiosk(qapp, config, "kiosk-1", tmp_path / "kiosk", speaker=speaker,
                        printer=FakePrinter())
    parts.start(windowed=True, connect=False)
    qtbot.waitUntil(parts.window.isActiveWindow)
    try:
        yield parts, player
    finally:
        player.gate.set()
        parts.stop()
        unload_language(qapp)
        qapp.setStyleSheet("")
        qapp.setPalette(QPalette())


def chime_samples() -> bytes:
    with wave.open(str(assets_dir() / "voice" / "en" / f"{CHIME.phrase_id}.wav"), "rb") as wav:
        return wav.readframes(wav.getnframes())


def test_a_called_number_is_said_between_two_sentences_of_the_answer_and_reading_resumes(
        kiosk: tuple[KioskParts, FakePlayer], qtbot: QtBot) -> None:
    parts, player = kiosk
    window = parts.window
    session = window.session
    # An English customer who walked to the answer with reading aloud off, then pressed
    # "Read again": exactly one reading, of the answer, from its first sentence.
    session.update(session.settings.with_language("en").toggled_size().toggled_speech())
    settle(window)
    KioskStage(parts).open_answer(*LONG_ANSWER)  # longer than the screen at this size
    answer = window.answer_screen
    assert answer.entry_id == "fake-police"
    qtbot.waitUntil(lambda: answer.overflowing, timeout=5000)
    answer.more_button.click()
    place = answer.scroll_position
    session.update(session.settings.toggled_speech())
    answer.read_again_button.click()
    sentences = len(sentences_of(answer.spoken()))
    assert sentences >= 3
    wait_until(lambda: bool(player.playbacks), PATIENCE_S, "the first sentence to play")

    parts.bridge.called.emit(TicketCalled(number="A042", service_id="cash", counter=3,
                                          recall=False, at=1_790_000_000.0))
    player.gate.set()

    wait_until(lambda: len(player.sounds) >= sentences + 4, PATIENCE_S,
               "the call and the whole answer to be heard")
    qtbot.wait(300)  # nothing more comes: the call is said twice, not three times
    played = player.sounds
    assert len(played) == sentences + 4
    chime = chime_samples()
    sentence, chime_1, call_1, chime_2, call_2, *rest = played
    assert len(chime_1) == len(chime_2) == len(chime)  # the chime, from its recording
    assert call_1 == call_2 and call_1 not in (sentence, chime_1)
    assert len(rest) == sentences - 1 and call_1 not in rest  # the answer goes on
    assert all(len(part) != len(chime) for part in (sentence, *rest))
    assert window.flow.screen is Screen.ANSWER and answer.scroll_position == place
