"""The worker refuses malformed jobs with a reason instead of crashing."""

from __future__ import annotations

import json

import pytest

from kiosk.speech.worker import MAX_TEXT_CHARS, Job, parse_job

GOOD = {"id": 7, "text": "您好。", "voice": "sit/cmn-latn-pinyin", "rate": 150,
        "path": "/tmp/x.wav"}


def line(**changes: object) -> bytes:
    return json.dumps({**GOOD, **changes}).encode()


def test_a_good_job_is_read() -> None:
    assert parse_job(line()) == Job(7, "您好。", "sit/cmn-latn-pinyin", 150, "/tmp/x.wav")


@pytest.mark.parametrize(("raw", "reason"), [
    (b"not json", "not JSON"),
    (b"\xff\xfe", "not JSON"),
    (b"[1, 2]", "must be an object"),
    (line(id="7"), "id must be an integer"),
    (line(id=True), "id must be an integer"),
    (line(text=""), "text must be"),
    (line(text="x" * (MAX_TEXT_CHARS + 1)), "text must be"),
    (line(voice=""), "voice must be"),
    (line(rate=5), "rate must be"),
    (line(rate=150.0), "rate must be"),
    (line(path="/tmp/x.mp3"), "path must name a .wav"),
])
def test_bad_jobs_are_refused_with_a_reason(raw: bytes, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        parse_job(raw)
