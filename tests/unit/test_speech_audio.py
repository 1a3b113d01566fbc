"""WAV scaling, the synthesis cache and recorded phrases, on files made in the test."""

from __future__ import annotations

import math
import os
import subprocess
import sys
import wave
from array import array
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.speech.recordings import RecordingLibrary
from kiosk.speech.synthesis_cache import (
    CacheKey,
    SynthesisCache,
    make_private_dir,
    remove_stale_dirs,
)
from kiosk.speech.wav_audio import (
    AudioFormatError,
    Pcm,
    join,
    peak_dbfs,
    read_pcm,
    rms_dbfs,
    scaled,
    write_pcm,
)


def tone(seconds: float = 0.2, amplitude: int = 8000, rate: int = 22050) -> Pcm:
    samples = array("h", (int(amplitude * math.sin(2 * math.pi * 440 * i / rate))
                          for i in range(int(seconds * rate))))
    return Pcm(1, rate, samples)


def test_write_then_read_keeps_the_samples(tmp_path: Path) -> None:
    path = tmp_path / "t.wav"
    write_pcm(path, tone())
    assert read_pcm(path) == tone()
    assert read_pcm(path).duration_s == pytest.approx(0.2, abs=0.001)


def test_scaling_normalises_the_peak_then_applies_the_gain() -> None:
    loud = scaled(tone(amplitude=20000), peak_target_dbfs=-1.0, gain_db=-12.0)
    quiet = scaled(tone(amplitude=2000), peak_target_dbfs=-1.0, gain_db=-12.0)
    assert peak_dbfs(loud.samples) == pytest.approx(-13.0, abs=0.05)
    assert peak_dbfs(quiet.samples) == pytest.approx(-13.0, abs=0.05)
    base = tone(amplitude=20000)
    gained = [rms_dbfs(scaled(base, peak_target_dbfs=-1.0, gain_db=g).samples)
              for g in (-25.0, -13.0, 0.0)]
    assert gained[1] - gained[0] == pytest.approx(12.0, abs=0.05)
    assert gained[2] - gained[0] == pytest.approx(25.0, abs=0.05)


def test_silence_stays_silent_and_is_measured_as_such() -> None:
    silence = Pcm(1, 22050, array("h", [0] * 100))
    assert scaled(silence, peak_target_dbfs=-1, gain_db=0) == silence
    assert rms_dbfs(silence.samples) == peak_dbfs(silence.samples) == -120.0


def test_pieces_join_only_when_their_formats_match() -> None:
    joined = join([tone(0.1), tone(0.2)])
    assert joined.duration_s == pytest.approx(0.3, abs=0.001)
    with pytest.raises(AudioFormatError, match="cannot join"):
        join([tone(rate=22050), tone(rate=16000)])
    with pytest.raises(AudioFormatError):
        join([])


def test_unusable_files_are_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "junk.wav").write_bytes(b"not a wav")
    with pytest.raises(AudioFormatError, match="not a readable WAV"):
        read_pcm(tmp_path / "junk.wav")
    with wave.open(str(tmp_path / "8bit.wav"), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(1)
        wav.setframerate(8000)
        wav.writeframes(b"\x80" * 100)
    with pytest.raises(AudioFormatError, match="only 16-bit"):
        read_pcm(tmp_path / "8bit.wav")


def make_file(folder: Path, name: str, size: int) -> Path:
    path = folder / name
    path.write_bytes(b"x" * size)
    return path


def test_cache_is_bounded_and_evicts_the_least_recently_used(tmp_path: Path) -> None:
    cache = SynthesisCache(tmp_path, max_bytes=250)
    keys = [CacheKey(f"text {i}", "gmw/en-us", 160) for i in range(3)]
    paths = [cache.store(k, make_file(tmp_path, f"p{i}", 100), fixed=True)
             for i, k in enumerate(keys[:2])]
    assert cache.get(keys[0]) == paths[0]
    cache.store(keys[2], make_file(tmp_path, "p2", 100), fixed=True)
    assert cache.get(keys[1]) is None
    assert not paths[1].exists()
    assert cache.get(keys[0]) is not None and cache.size_bytes == 200


def test_the_key_is_text_voice_and_speed(tmp_path: Path) -> None:
    cache = SynthesisCache(tmp_path, max_bytes=10_000)
    cache.store(CacheKey("您好", "sit/cmn-latn-pinyin", 150), make_file(tmp_path, "a", 10),
                fixed=True)
    assert cache.get(CacheKey("您好", "sit/cmn-latn-pinyin", 110)) is None
    assert cache.get(CacheKey("您好", "sit/cmn", 150)) is None
    assert cache.get(CacheKey("您好", "sit/cmn-latn-pinyin", 150)) is not None


def test_customer_text_is_forgotten_and_fixed_phrases_kept(tmp_path: Path) -> None:
    cache = SynthesisCache(tmp_path, max_bytes=10_000)
    fixed = cache.store(CacheKey("欢迎", "v", 150), make_file(tmp_path, "f", 10), fixed=True)
    customer = cache.store(CacheKey("A 零 四 二 号", "v", 150), make_file(tmp_path, "c", 10),
                           fixed=False)
    assert cache.forget_customer_text() == 1
    assert fixed.exists() and not customer.exists()
    cache.clear()
    assert not fixed.exists() and len(cache) == 0


def test_a_deleted_cache_file_is_a_miss(tmp_path: Path) -> None:
    cache = SynthesisCache(tmp_path, max_bytes=10_000)
    key = CacheKey("x", "v", 150)
    cache.store(key, make_file(tmp_path, "x", 10), fixed=True).unlink()
    assert cache.get(key) is None and len(cache) == 0


def test_private_dirs_are_private_and_stale_ones_are_removed(tmp_path: Path) -> None:
    mine = make_private_dir(tmp_path)
    assert mine.stat().st_mode & 0o077 == 0
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    stale = tmp_path / f"kiosk-speech-{dead.stdout.strip()}-abc123"
    stale.mkdir()
    (stale / "left.wav").write_bytes(b"x")
    unrelated = tmp_path / "kiosk-speech-notapid"
    unrelated.mkdir()
    assert remove_stale_dirs(tmp_path) == [stale]
    assert mine.exists() and unrelated.exists() and not stale.exists()
    assert str(os.getpid()) in mine.name


def test_recordings_are_found_by_language_and_phrase(tmp_path: Path) -> None:
    library = RecordingLibrary(tmp_path)
    (tmp_path / "zh_CN").mkdir()
    write_pcm(tmp_path / "zh_CN" / "welcome.wav", tone())
    assert library.find("zh_CN", "welcome") == tone()
    assert library.find("en", "welcome") is None
    assert library.find("zh_CN", "other") is None
    assert library.find("../etc", "welcome") is None


def test_a_broken_recording_is_ignored_and_logged_once(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    library = RecordingLibrary(tmp_path)
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "welcome.wav").write_bytes(b"RIFF broken")
    write_pcm(tmp_path / "en" / "empty.wav", Pcm(1, 22050, array("h")))
    assert library.find("en", "welcome") is None
    assert library.find("en", "welcome") is None
    assert library.find("en", "empty") is None
    assert len([r for r in caplog.records if "welcome" in r.getMessage()]) == 1


@settings(max_examples=300, deadline=None)
@given(samples=st.lists(st.integers(-32768, 32767), min_size=1, max_size=300),
       peak_target=st.floats(-40.0, -0.1), gain=st.floats(-40.0, 0.0))
def test_scaling_gives_each_sample_times_the_factor(samples: list[int], peak_target: float,
                                                    gain: float) -> None:
    """The whole-buffer arithmetic gives what multiplying sample by sample gives (to one
    step of rounding), for any samples, any target and gain; never past full scale."""
    pcm = Pcm(1, 22050, array("h", samples))
    top = max(abs(s) for s in samples)
    out = scaled(pcm, peak_target_dbfs=peak_target, gain_db=gain)
    assert len(out.samples) == len(samples)
    if top == 0:
        assert out == pcm
        return
    factor = min(10 ** ((peak_target - 20 * math.log10(top / 32768) + gain) / 20),
                 32767 / top)
    for before, after in zip(samples, out.samples, strict=True):
        assert abs(after - before * factor) <= 1.0


def test_the_loudest_sample_of_a_full_scale_sentence_stays_in_range() -> None:
    extremes = Pcm(1, 22050, array("h", [-32768, 32767, 0, -1, 1] * 20))
    out = scaled(extremes, peak_target_dbfs=0.0, gain_db=0.0)
    assert max(out.samples) <= 32767 and min(out.samples) >= -32768
    assert out.samples[:5].tolist() == [-32767, 32766, 0, -1, 1]
