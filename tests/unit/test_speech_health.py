"""The speech health follows what actually happened to the worker and the player."""

from __future__ import annotations

from kiosk.speech.api import AudioState, EngineState, Speaker, SpeechHealth, VoiceState
from kiosk.speech.health import HealthTracker
from kiosk.speech.players import NullPlayer, Player, PlayerState
from kiosk.speech.settings import SpeechSettings
from kiosk.speech.worker_client import WorkerState
from tests.helpers.fake_player import FakePlayer
from tests.helpers.fake_speaker import FakeSpeaker

ALL_VOICES = frozenset({"sit/cmn-latn-pinyin", "gmw/en-us"})


def tracker(player: Player) -> tuple[HealthTracker, list[SpeechHealth]]:
    seen: list[SpeechHealth] = []
    return HealthTracker(SpeechSettings(), player, seen.append), seen


def test_engine_follows_the_worker_through_a_crash_and_restart() -> None:
    health, seen = tracker(FakePlayer())
    assert health.current().engine is EngineState.STARTING
    for state in (WorkerState.STARTING, WorkerState.READY, WorkerState.FAILED,
                  WorkerState.STARTING, WorkerState.READY):
        health.worker_changed(state, f"worker {state}", ALL_VOICES)
    assert [h.engine for h in seen] == [EngineState.STARTING, EngineState.OK, EngineState.FAILED,
                                        EngineState.STARTING, EngineState.OK]
    assert health.current().can_speak


def test_a_missing_voice_is_named() -> None:
    health, _ = tracker(FakePlayer())
    health.worker_changed(WorkerState.READY, "ready", frozenset({"sit/cmn", "gmw/en-us"}))
    current = health.current()
    assert current.voice is VoiceState.MISSING
    assert "zh_CN (sit/cmn-latn-pinyin)" in current.detail
    assert not current.can_speak


def test_no_engine_means_no_voice_either() -> None:
    health, _ = tracker(FakePlayer())
    health.worker_changed(WorkerState.MISSING, "no speech engine: ImportError", frozenset())
    assert (health.current().engine, health.current().voice) == (EngineState.MISSING,
                                                                  VoiceState.MISSING)
    assert health.current().to_dict()["engine"] == "missing"


def test_audio_fails_with_a_failed_playback_and_recovers_with_a_finished_one() -> None:
    health, _ = tracker(FakePlayer())
    health.playback_ended(PlayerState.FAILED, "aplay exited with 1: device busy")
    assert health.current().audio is AudioState.FAILED
    assert "device busy" in health.current().detail
    health.playback_ended(PlayerState.FINISHED, "")
    assert health.current().audio is AudioState.OK


def test_no_device_stays_no_device() -> None:
    health, _ = tracker(NullPlayer())
    health.playback_ended(PlayerState.FAILED, "no audio device")
    assert health.current().audio is AudioState.NO_DEVICE


def test_the_fake_speaker_keeps_the_speaker_contract() -> None:
    fake = FakeSpeaker(auto_finish=False)
    assert isinstance(fake, Speaker)
    first = fake.say("Hello.", "en", channel="focus")
    second = fake.say("Button.", "en", channel="focus")
    assert fake.open == [second]
    fake.say("New screen.", "en", interrupt=True)
    assert len(fake.open) == 1 and first not in fake.open
    fake.reset_to_defaults()
    assert fake.open == [] and fake.volume_step == 3
