"""Cutting text into what the speech queue and the voices handle: sentences, then scripts.

A sentence is the unit of the queue: one WAV each, so a help reassurance can cut in after
the sentence being read, and a stop never has to wait for more than the current file.

Within a sentence, each script goes to a voice that can read it. The Mandarin voice that
reads Chinese correctly (`cmn-latn-pinyin`) reads any Latin text as pinyin ("ATM" becomes
nonsense syllables), and the English voice says "Chinese letter" for every Han character.
So "请到 ATM 取款" is read as 请到 (Mandarin) + ATM (English) + 取款 (Mandarin) and the three
WAVs are joined into the sentence's one file. Digits, spaces and punctuation belong to the
run they are in: numbers in Chinese text have already been rewritten as Han characters.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum

_SENTENCE_END = re.compile(
    r"([。！？!?；;…]+[”’」』）)\"']*|\.(?=\s|$)[”’\"')]*|\n+)")


class Script(StrEnum):
    HAN = "han"
    """Chinese characters."""
    ALPHABETIC = "alphabetic"
    """Latin and other alphabets: read by the alphabetic (English) voice."""


@dataclass(frozen=True)
class Segment:
    text: str
    script: Script


def split_sentences(text: str) -> list[str]:
    """`text` cut after each sentence end (。！？； . ! ? ; and line breaks), ends kept."""
    pieces = _SENTENCE_END.split(text)
    sentences: list[str] = []
    for index in range(0, len(pieces), 2):
        ending = pieces[index + 1] if index + 1 < len(pieces) else ""
        sentence = (pieces[index] + ending.rstrip("\n")).strip()
        if sentence:
            sentences.append(sentence)
    return sentences


def script_of_language(language: str) -> Script:
    return Script.HAN if language.split("_")[0] == "zh" else Script.ALPHABETIC


def split_by_script(text: str, base: Script) -> list[Segment]:
    """Runs of one script; neutral characters (digits, spaces, punctuation) join the run
    they follow, or the first run when they lead. Segments with nothing to pronounce (only
    punctuation or spaces) are dropped."""
    segments: list[Segment] = []
    current = base
    run: list[str] = []
    leading_neutral = True
    for char in text:
        script = _script_of(char)
        if script is not None and script is not current:
            if run and not leading_neutral:
                segments.append(Segment("".join(run), current))
                run = []
            current = script
        if script is not None:
            leading_neutral = False
        run.append(char)
    if run:
        segments.append(Segment("".join(run), current))
    return [Segment(s.text.strip(), s.script) for s in segments if _pronounceable(s.text)]


def _script_of(char: str) -> Script | None:
    if _is_han(char):
        return Script.HAN
    if char.isalpha():
        return Script.ALPHABETIC
    return None


def _is_han(char: str) -> bool:
    code = ord(char)
    return (0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0x20000 <= code <= 0x2FA1F
            or 0xF900 <= code <= 0xFAFF or char == "〇")


def _pronounceable(text: str) -> bool:
    return any(unicodedata.category(char)[0] in "LN" for char in text)


_BREAK_AFTER = "，,、：: "


def limit_length(text: str, max_chars: int) -> list[str]:
    """`text` in pieces of at most `max_chars`, cut after a comma or space where possible:
    a run-on paragraph without sentence ends still fits the worker's limit."""
    if max_chars < 1:
        raise ValueError("max_chars must be at least 1")
    pieces: list[str] = []
    while len(text) > max_chars:
        window = text[:max_chars]
        cut = max(window.rfind(mark) for mark in _BREAK_AFTER) + 1
        if cut <= 0:
            cut = max_chars
        pieces.append(text[:cut].strip())
        text = text[cut:]
    pieces.append(text.strip())
    return [piece for piece in pieces if piece]
