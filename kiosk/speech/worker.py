"""The speech worker process: `python -m kiosk.speech.worker`, one pyttsx3 engine inside.

pyttsx3 must stay in one thread, cannot be interrupted, and a crash in libespeak ends the
process that loaded it; so it lives here, apart from the kiosk, and only turns text into
WAV files. The supervisor (`worker_client.py`) kills and restarts it when it crashes or
hangs.

Protocol: JSON, one object per line, UTF-8. The worker first writes
``{"type": "ready", "voices": [...]}`` or ``{"type": "unavailable", "error": "..."}``
(no engine on this machine; it then exits). Each request
``{"id": 7, "text": "...", "voice": "sit/cmn-latn-pinyin", "rate": 150, "path": "/tmp/x.wav"}``
is answered by ``{"type": "result", "id": 7, "ok": true, "frames": 42000}`` or
``{"ok": false, "error": "..."}``. The WAV appears at `path` complete or not at all. End of
input ends the worker. pyttsx3 prints to stdout, so the protocol keeps the original stdout
and the process's stdout is sent to the null device.
"""

from __future__ import annotations

import json
import os
import sys
import threading
import time
import wave
from dataclasses import dataclass
from typing import Any, BinaryIO

MAX_TEXT_CHARS = 2000
SYNTHESIS_ATTEMPTS = 3
RETRY_PAUSE_S = 0.05
FINISH_WAIT_S = 60.0
CANCEL_GRACE_S = 0.5
QUEUE_WAIT_S = 2.0
"""Only a safety net: the supervisor's job timeout (shorter) kills a stuck worker first."""


@dataclass(frozen=True)
class Job:
    job_id: int
    text: str
    voice: str
    rate: int
    path: str


def parse_job(line: bytes) -> Job:
    try:
        data = json.loads(line)
    except (ValueError, UnicodeDecodeError) as error:
        raise ValueError(f"not JSON: {error}") from error
    if not isinstance(data, dict):
        raise ValueError("a job must be an object")
    job_id, text, voice = data.get("id"), data.get("text"), data.get("voice")
    rate, path = data.get("rate"), data.get("path")
    if not isinstance(job_id, int) or isinstance(job_id, bool):
        raise ValueError("id must be an integer")
    if not isinstance(text, str) or not text.strip() or len(text) > MAX_TEXT_CHARS:
        raise ValueError(f"text must be 1..{MAX_TEXT_CHARS} characters")
    if not isinstance(voice, str) or not voice:
        raise ValueError("voice must be a voice id")
    if not isinstance(rate, int) or isinstance(rate, bool) or not 20 <= rate <= 1000:
        raise ValueError("rate must be words per minute, 20..1000")
    if not isinstance(path, str) or not path.endswith(".wav"):
        raise ValueError("path must name a .wav file")
    return Job(job_id, text, voice, rate, path)


def open_engine() -> Any:
    """The pyttsx3 engine, ready to take property changes at once.

    pyttsx3 starts out "busy" and holds every command (voice, rate, file) in its own queue
    until its loop first runs; the rate change then reaches espeak only inside that loop,
    just before the driver cancels espeak's queue, and the first sentence comes out at the
    default speed. One empty `runAndWait` at start empties that state.
    """
    import pyttsx3  # type: ignore[import-untyped]  # here: a missing engine is reported

    engine = pyttsx3.init()
    engine.runAndWait()
    return engine


def voice_ids(engine: Any) -> list[str]:
    return [str(voice.id) for voice in engine.getProperty("voices")]


class IncompleteSynthesis(RuntimeError):
    """The engine ended a job without a complete file; trying again usually works."""


def synthesise(engine: Any, job: Job) -> int:
    """Write `job.text` spoken by `job.voice` to `job.path`; return the number of frames.

    The voice is checked against the engine's list first: espeak accepts an unknown name
    silently and keeps the previous voice, which would read Chinese with the English voice.
    """
    if job.voice.lower() not in {v.lower() for v in voice_ids(engine)}:
        raise ValueError(f"the engine has no voice {job.voice!r}")
    attempt = 1
    while True:
        try:
            return _synthesise_once(engine, job)
        except IncompleteSynthesis as error:
            if attempt >= SYNTHESIS_ATTEMPTS:
                raise RuntimeError(f"{error} ({attempt} attempts)") from error
        attempt += 1
        time.sleep(RETRY_PAUSE_S)


def _synthesise_once(engine: Any, job: Job) -> int:
    """`save_to_file` then `runAndWait`, never `say`: once a file was saved, pyttsx3's espeak
    driver writes later `say` calls to that same file instead of playing them.

    `runAndWait` alone is not enough: espeak synthesises on its own thread, and pyttsx3's
    loop sometimes returns after the first clause, before the file is written (measured:
    about one job in four with a two-clause sentence). pyttsx3 also reports a "cancelled"
    finish right after most completed jobs, and has left an empty file now and then. So the
    file counts once the engine reported "finished-utterance" with `completed=True` and the
    file holds audio; a job reported only cancelled, or left empty, is tried again.
    """
    partial = job.path.removesuffix(".wav") + ".partial.wav"
    completed = threading.Event()
    cancelled = threading.Event()

    def on_finished(**details: Any) -> None:
        (completed if details.get("completed", True) else cancelled).set()

    token = engine.connect("finished-utterance", on_finished)
    try:
        engine.setProperty("voice", job.voice)
        engine.setProperty("rate", job.rate)
        _wait_for_espeak_queue()
        engine.save_to_file(job.text, partial)
        engine.runAndWait()
        deadline = time.monotonic() + FINISH_WAIT_S
        while not completed.wait(0.01):
            if cancelled.is_set() and not completed.wait(CANCEL_GRACE_S):
                _remove(partial)
                raise IncompleteSynthesis("the engine cancelled the job")
            if time.monotonic() > deadline:
                raise RuntimeError(f"the engine did not finish within {FINISH_WAIT_S:g} s")
    finally:
        engine.disconnect(token)
    try:
        with wave.open(partial, "rb") as wav:
            frames = wav.getnframes()
    except (OSError, wave.Error, EOFError) as error:
        raise IncompleteSynthesis(f"the engine wrote no usable file: {error}") from error
    if frames == 0:
        _remove(partial)
        raise IncompleteSynthesis("the engine produced no audio")
    os.replace(partial, job.path)
    return frames


def _wait_for_espeak_queue() -> None:
    """Let espeak apply the rate before synthesis starts.

    espeak-ng (asynchronous mode, as pyttsx3 opens it) queues a rate change as a command;
    `runAndWait` then calls the driver's `stop()`, which sees that command still queued,
    takes the engine for busy and cancels the queue: the rate change is lost and the
    sentence comes out at the previous speed (measured: half the jobs after a rate change).
    Waiting until espeak's queue is empty avoids both. pyttsx3 has no public call for this,
    so its espeak binding is used when that driver is the one loaded (never on SAPI5).
    """
    espeak = sys.modules.get("pyttsx3.drivers._espeak")
    if espeak is None:
        return
    deadline = time.monotonic() + QUEUE_WAIT_S
    while espeak.IsPlaying() and time.monotonic() < deadline:
        time.sleep(0.001)


def _remove(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def _claim_stdout() -> BinaryIO:
    """Keep the real stdout for the protocol; anything else printed goes nowhere."""
    sys.stdout.flush()
    channel = os.fdopen(os.dup(1), "wb", buffering=0)
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.close(devnull)
    return channel


def _send(channel: BinaryIO, message: dict[str, Any]) -> None:
    channel.write(json.dumps(message, ensure_ascii=True).encode("ascii") + b"\n")


def main() -> int:
    channel = _claim_stdout()
    try:
        engine = open_engine()
        voices = voice_ids(engine)
    except Exception as error:  # any failure to start means "no engine"
        _send(channel, {"type": "unavailable", "error": f"{type(error).__name__}: {error}"})
        return 3
    _send(channel, {"type": "ready", "voices": voices, "pid": os.getpid()})
    for line in sys.stdin.buffer:
        if not line.strip():
            continue
        try:
            job = parse_job(line)
        except ValueError as error:
            _send(channel, {"type": "result", "id": None, "ok": False,
                            "error": f"bad job: {error}"})
            continue
        try:
            frames = synthesise(engine, job)
        except Exception as error:  # reported to the supervisor, per job
            _send(channel, {"type": "result", "id": job.job_id, "ok": False,
                            "error": f"{type(error).__name__}: {error}"})
        else:
            _send(channel, {"type": "result", "id": job.job_id, "ok": True, "frames": frames})
    return 0


if __name__ == "__main__":
    sys.exit(main())
