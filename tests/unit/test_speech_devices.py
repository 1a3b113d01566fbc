"""Finding a way to play sound, and saying honestly when there is none."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.speech.api import AudioState
from kiosk.speech.players import (
    ChildProcessPlayer,
    NullPlayer,
    PlayerState,
    alsa_card_count,
    default_player,
    pulse_server_running,
)

CARDS = """ 0 [PCH            ]: HDA-Intel - HDA Intel PCH
                      HDA Intel PCH at 0xf7f10000 irq 32
 1 [HDMI           ]: HDA-Intel - HDA Intel HDMI
                      HDA Intel HDMI at 0xf7f14000 irq 33
"""


def test_alsa_cards_are_counted_from_the_kernel_list(tmp_path: Path) -> None:
    (tmp_path / "cards").write_text(CARDS)
    (tmp_path / "none").write_text("--- no soundcards ---\n")
    assert alsa_card_count(tmp_path / "cards") == 2
    assert alsa_card_count(tmp_path / "none") == 0
    assert alsa_card_count(tmp_path / "missing") == 0


def test_a_pulse_server_is_seen_by_its_socket(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PULSE_SERVER", raising=False)
    assert not pulse_server_running(str(tmp_path))
    (tmp_path / "pulse").mkdir()
    (tmp_path / "pulse" / "native").touch()
    assert pulse_server_running(str(tmp_path))


@pytest.mark.skipif(sys.platform != "linux", reason="ALSA detection is Linux only")
def test_no_sound_card_means_the_null_player(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PULSE_SERVER", raising=False)
    (tmp_path / "none").write_text("--- no soundcards ---\n")
    player = default_player(tmp_path / "none", runtime_dir=str(tmp_path))
    assert isinstance(player, NullPlayer)
    assert player.audio_status()[0] is AudioState.NO_DEVICE
    if shutil.which("aplay"):
        (tmp_path / "cards").write_text(CARDS)
        card_player = default_player(tmp_path / "cards", runtime_dir=str(tmp_path))
        assert isinstance(card_player, ChildProcessPlayer)
        assert card_player.command == ("aplay", "-q")


@pytest.mark.skipif(shutil.which("aplay") is None, reason="needs alsa-utils")
def test_detection_on_this_machine_agrees_with_aplay(monkeypatch: pytest.MonkeyPatch,
                                                     tmp_path: Path) -> None:
    """aplay itself says whether there is a card; the detection must not claim otherwise."""
    monkeypatch.delenv("PULSE_SERVER", raising=False)
    listing = subprocess.run(["aplay", "-l"], capture_output=True, text=True, timeout=30,
                             check=False)
    aplay_has_card = "card " in listing.stdout
    state, _ = default_player(runtime_dir=str(tmp_path)).audio_status()
    assert (state is AudioState.OK) == aplay_has_card


def test_the_null_player_fails_every_playback_at_once(tmp_path: Path) -> None:
    playback = NullPlayer().playback(tmp_path / "any.wav")
    playback.start()
    assert playback.wait() is PlayerState.FAILED
    assert playback.error == "no audio device"


def test_a_missing_player_program_is_a_failed_audio_status(tmp_path: Path) -> None:
    player = ChildProcessPlayer(["no-such-player-program"])
    assert player.audio_status()[0] is AudioState.FAILED
    playback = player.playback(tmp_path / "x.wav")
    playback.start()
    assert playback.state is PlayerState.FAILED
    assert "cannot run" in playback.error
    with pytest.raises(ValueError):
        ChildProcessPlayer([])
