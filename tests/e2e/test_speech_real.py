"""Real espeak-ng through the real worker process: the audio exists, is not silent, lasts
as long as speech should, and Chinese is read by a Mandarin voice as Mandarin.

How "read as Mandarin" is decided: espeak-ng can print the phonemes it would speak
(`-x`). With a voice that reads Chinese correctly, every syllable is one Mandarin syllable
carrying one tone number (55, 35, 214, 51, the half-third 21, or 11/22/44 for neutral
syllables) and there is no switch to another language. The default `cmn` voice reads
Chinese through English spelling ("nin two hao three"): its output switches to English,
marked "(en)", and its syllables carry several stress numbers. So the criterion is: no
"(en)", one tone per syllable, and one syllable per Han character. The tests also show
that the criterion rejects the `cmn` voice, and that the WAV the worker made has the length
espeak-ng gives that same voice, not the `cmn` one.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.speech.api import Rate, SpeechHealth
from kiosk.speech.service import SpeechService
from kiosk.speech.settings import SpeechSettings
from kiosk.speech.wav_audio import read_pcm, rms_dbfs
from kiosk.speech.worker_client import SupervisedWorker
from tests.helpers.fake_player import FakePlayer

pytestmark = [pytest.mark.e2e,
              pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="needs espeak-ng")]

MANDARIN_TONES = {"55", "35", "214", "51", "21", "11", "22", "44"}
"""Tone contours espeak-ng writes: the four tones, the half third, and neutral syllables."""
AUDIBLE_DBFS = -35.0
CHINESE_SAMPLES = ["您好，欢迎光临。", "工作人员马上就来，请您稍等。",
                   "前面还有 五 人，大约 十 到 十五 分钟。"]
ENGLISH_SAMPLES = ["Welcome. Please take a ticket.", "A member of staff is coming to help you."]


def han_count(text: str) -> int:
    return sum(1 for char in text if "\u4e00" <= char <= "\u9fff")


def espeak_voice_name(voice_id: str) -> str:
    """pyttsx3's id `sit/cmn-latn-pinyin` is espeak-ng's `-v cmn-latn-pinyin`."""
    return voice_id.rsplit("/", 1)[-1]


def phonemes(voice: str, text: str) -> str:
    result = subprocess.run(["espeak-ng", "-v", voice, "-x", "-q", text], capture_output=True,
                            text=True, timeout=30, check=True)
    return result.stdout


def read_as_mandarin(voice: str, text: str) -> bool:
    output = phonemes(voice, text)
    if "(en)" in output:
        return False
    syllables = [s.strip() for s in re.split(r"_\||\s+", output) if s.strip()]
    tones = [re.findall(r"\d+", syllable) for syllable in syllables]
    one_tone_each = all(len(found) == 1 and found[0] in MANDARIN_TONES for found in tones)
    return one_tone_each and len(syllables) == han_count(text)


@pytest.fixture
def worker() -> Iterator[SupervisedWorker]:
    settings = SpeechSettings()
    supervised = SupervisedWorker(settings.worker_command, job_timeout_s=20,
                                  start_timeout_s=30, restart_backoff_s=5)
    yield supervised
    supervised.close()


def configured_voice(worker: SupervisedWorker, language: str) -> str:
    assert worker.ensure_ready(), worker.detail
    choice = SpeechSettings().voices[language]
    return next(v for v in choice.voice_ids if v.lower() in worker.voices)


def test_mandarin_samples_are_audible_and_as_long_as_speech(worker: SupervisedWorker,
                                                           tmp_path: Path) -> None:
    voice = configured_voice(worker, "zh_CN")
    wpm = SpeechSettings().voices["zh_CN"].wpm(Rate.NORMAL)
    for index, text in enumerate(CHINESE_SAMPLES):
        path = tmp_path / f"zh{index}.wav"
        frames = worker.synthesise(text, voice, wpm, path)
        pcm = read_pcm(path)
        assert frames == len(pcm.samples) > 0
        assert rms_dbfs(pcm.samples) > AUDIBLE_DBFS, f"{text!r} is nearly silent"
        per_syllable = pcm.duration_s / han_count(text)
        assert 0.12 < per_syllable < 0.9, f"{text!r}: {per_syllable:.2f} s per syllable"


def test_english_samples_are_audible_and_as_long_as_speech(worker: SupervisedWorker,
                                                          tmp_path: Path) -> None:
    voice = configured_voice(worker, "en")
    wpm = SpeechSettings().voices["en"].wpm(Rate.NORMAL)
    for index, text in enumerate(ENGLISH_SAMPLES):
        path = tmp_path / f"en{index}.wav"
        worker.synthesise(text, voice, wpm, path)
        pcm = read_pcm(path)
        assert rms_dbfs(pcm.samples) > AUDIBLE_DBFS
        expected = len(text.split()) * 60.0 / wpm
        assert 0.5 * expected < pcm.duration_s < 2.5 * expected


def test_the_configured_mandarin_voice_reads_chinese_as_mandarin(
        worker: SupervisedWorker) -> None:
    voice = espeak_voice_name(configured_voice(worker, "zh_CN"))
    for text in CHINESE_SAMPLES:
        assert read_as_mandarin(voice, text), phonemes(voice, text)


def test_the_criterion_rejects_the_default_cmn_voice() -> None:
    for text in CHINESE_SAMPLES:
        assert not read_as_mandarin("cmn", text), phonemes("cmn", text)


def test_the_worker_really_used_the_pinyin_voice(worker: SupervisedWorker,
                                                 tmp_path: Path) -> None:
    """Same voice, same speed: same length as espeak-ng's own rendering; the `cmn` voice's
    English-spelled reading is much longer."""
    voice = configured_voice(worker, "zh_CN")
    text = CHINESE_SAMPLES[1]
    worker.synthesise(text, voice, 150, tmp_path / "worker.wav")
    ours = read_pcm(tmp_path / "worker.wav").duration_s

    def espeak_duration(name: str) -> float:
        out = tmp_path / f"{name}.wav"
        subprocess.run(["espeak-ng", "-v", name, "-s", "150", "-w", str(out), text],
                       check=True, timeout=30)
        return read_pcm(out).duration_s

    assert ours == pytest.approx(espeak_duration(espeak_voice_name(voice)), rel=0.03)
    assert abs(ours - espeak_duration("cmn")) > 0.1 * ours



def test_the_kiosk_never_gives_latin_text_or_digits_to_the_mandarin_voice(
        tmp_path: Path) -> None:
    jobs_file = tmp_path / "jobs.txt"
    logging_worker = (sys.executable, "-c", textwrap.dedent(f"""
        import sys
        from kiosk.speech import worker
        real = worker.synthesise
        def logged(engine, job):
            with open({str(jobs_file)!r}, "a", encoding="utf-8") as log:
                log.write(job.voice + "\\t" + job.text + "\\n")
            return real(engine, job)
        worker.synthesise = logged
        sys.exit(worker.main())
    """))
    settings = SpeechSettings(worker_command=logging_worker, recordings_dir=tmp_path / "none")
    service = SpeechService(settings, FakePlayer(), temp_base=tmp_path)
    ended: list[str] = []

    class Listener:
        def utterance_started(self, utterance_id: str) -> None: ...

        def utterance_finished(self, utterance_id: str, interrupted: bool) -> None:
            ended.append(utterance_id)

        def utterance_failed(self, utterance_id: str, reason: str) -> None:
            ended.append(f"failed: {reason}")

        def health_changed(self, health: SpeechHealth) -> None: ...

        def speech_idle(self) -> None: ...

    service.add_listener(Listener())
    try:
        service.say("请 A042 号到 3 号窗口。请到 ATM 取款。", "zh_CN")
        deadline = time.monotonic() + 30
        while len(ended) < 1 and time.monotonic() < deadline:
            time.sleep(0.01)
    finally:
        service.close()
    assert ended == ["u1"]
    jobs = [tuple(line.split("\t", 1)) for line in jobs_file.read_text("utf-8").splitlines()]
    mandarin = [text for voice, text in jobs if voice == "sit/cmn-latn-pinyin"]
    english = [text for voice, text in jobs if voice != "sit/cmn-latn-pinyin"]
    assert english == ["A", "ATM"]
    assert mandarin == ["请", "零 四 二 号到 三 号窗口。", "请到", "取款。"]
    assert all(read_as_mandarin("cmn-latn-pinyin", text) for text in mandarin)


def test_the_worker_answers_bad_jobs_and_keeps_working(tmp_path: Path) -> None:
    good = ('{"id": 2, "text": "Hello.", "voice": "gmw/en-us", "rate": 150, "path": '
            f'"{tmp_path / "ok.wav"}"}}')
    bad_voice = ('{"id": 3, "text": "Hello.", "voice": "no/such-voice", "rate": 150, "path": '
                 f'"{tmp_path / "no.wav"}"}}')
    result = subprocess.run([*SpeechSettings().worker_command], input="garbage\n" + good
                            + "\n" + bad_voice + "\n", capture_output=True, text=True,
                            timeout=60, check=True, cwd=Path(__file__).resolve().parents[2])
    replies = [json.loads(reply) for reply in result.stdout.splitlines()]
    assert [r["type"] for r in replies] == ["ready", "result", "result", "result"]
    assert replies[1]["ok"] is False and "bad job" in replies[1]["error"]
    assert replies[2]["ok"] is True and replies[2]["frames"] > 0
    assert replies[3]["ok"] is False and "no voice" in replies[3]["error"]
    assert (tmp_path / "ok.wav").is_file() and not (tmp_path / "no.wav").exists()
