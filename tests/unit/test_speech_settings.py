"""Speech settings are checked when the service is built, naming the bad key."""

from __future__ import annotations

import pytest

from kiosk.speech.api import Rate
from kiosk.speech.health import missing_voices
from kiosk.speech.settings import SpeechSettings, VoiceChoice


def test_defaults_meet_the_volume_rule_and_use_the_pinyin_mandarin_voice() -> None:
    settings = SpeechSettings()
    steps = settings.volume_steps_db
    assert len(steps) >= 4
    assert steps[-1] - steps[0] >= 18
    assert steps[1] - steps[0] >= 12
    assert settings.voices["zh_CN"].voice_ids == ("sit/cmn-latn-pinyin",)
    assert settings.voices["en"].wpm(Rate.SLOW) < settings.voices["en"].wpm(Rate.NORMAL)


@pytest.mark.parametrize(("changes", "message"), [
    ({"volume_steps_db": (-10.0, -5.0, 0.0)}, "at least 4 steps"),
    ({"volume_steps_db": (-15.0, -10.0, -5.0, 0.0)}, "span at least 18"),
    ({"volume_steps_db": (-24.0, -18.0, -6.0, 0.0)}, "at least 12.0 dB above the lowest"),
    ({"volume_steps_db": (-25.0, -13.0, -13.0, 0.0)}, "must increase"),
    ({"volume_steps_db": (-24.0, -12.0, -6.0, 3.0)}, "clip"),
    ({"default_volume_step": 9}, "default_volume_step = 9"),
    ({"voices": {"zh_CN": VoiceChoice(("sit/cmn-latn-pinyin",), 500, 110)}},
     "voices.zh_CN.normal_wpm = 500"),
    ({"voices": {"en": VoiceChoice(("gmw/en",), 100, 150)}}, "voices.en.slow_wpm = 150"),
    ({"voices": {"en": VoiceChoice(())}}, "voices.en.voice_ids"),
    ({"job_timeout_s": 0}, "job_timeout_s = 0"),
    ({"worker_command": ()}, "worker_command"),
])
def test_bad_settings_are_refused_with_the_key_named(changes: dict[str, object],
                                                     message: str) -> None:
    with pytest.raises(ValueError, match=message):
        SpeechSettings(**changes)  # type: ignore[arg-type]


def test_a_language_without_any_of_its_voices_is_reported() -> None:
    settings = SpeechSettings()
    assert missing_voices(settings, {"sit/cmn-latn-pinyin", "gmw/en"}) == []
    assert missing_voices(settings, {"sit/cmn", "gmw/en-us"}) == [
        "zh_CN (sit/cmn-latn-pinyin)"]
