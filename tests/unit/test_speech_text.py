"""Text is cut into sentences (the queue's unit) and script runs (one voice each)."""

from __future__ import annotations

import pytest

from kiosk.speech.api import Phrase
from kiosk.speech.sentences import (
    Script,
    Segment,
    limit_length,
    script_of_language,
    split_by_script,
    split_sentences,
)
from kiosk.speech.speech_queue import Sentence, sentences_of


def test_sentences_end_at_chinese_and_english_punctuation() -> None:
    text = ("您好。请到 三 号窗口！前面还有 五 人？Please wait. Rate 3.5 stays\n"
            "新行；好的…… 他说：“好。”完")
    assert split_sentences(text) == [
        "您好。", "请到 三 号窗口！", "前面还有 五 人？", "Please wait.", "Rate 3.5 stays",
        "新行；", "好的……", "他说：“好。”", "完"]


def test_blank_text_has_no_sentences() -> None:
    assert split_sentences("  \n 。") == ["。"]
    assert split_sentences("   ") == []


def test_latin_words_in_chinese_go_to_the_alphabetic_voice() -> None:
    assert split_by_script("请到 ATM 取款", Script.HAN) == [
        Segment("请到", Script.HAN), Segment("ATM", Script.ALPHABETIC), Segment("取款", Script.HAN)]
    assert split_by_script("A 零 四 二 号", Script.HAN) == [
        Segment("A", Script.ALPHABETIC), Segment("零 四 二 号", Script.HAN)]


def test_chinese_in_english_goes_to_the_han_voice() -> None:
    assert split_by_script("Welcome to 中国银行.", Script.ALPHABETIC) == [
        Segment("Welcome to", Script.ALPHABETIC), Segment("中国银行.", Script.HAN)]


def test_neutral_characters_stay_in_their_run() -> None:
    assert split_by_script("Wi-Fi 密码", Script.HAN) == [
        Segment("Wi-Fi", Script.ALPHABETIC), Segment("密码", Script.HAN)]
    assert split_by_script("123 请", Script.ALPHABETIC) == [Segment("123 请", Script.HAN)]
    assert split_by_script("。，", Script.HAN) == []


def test_language_decides_the_base_script() -> None:
    assert script_of_language("zh_CN") is Script.HAN
    assert script_of_language("en") is Script.ALPHABETIC


def test_long_text_is_cut_after_commas_or_spaces() -> None:
    text = "一二三四，五六七八，九十"
    assert limit_length(text, 5) == ["一二三四，", "五六七八，", "九十"]
    assert limit_length("abcdefgh", 3) == ["abc", "def", "gh"]
    assert all(len(p) <= 40 for p in limit_length("word " * 100, 40))
    with pytest.raises(ValueError):
        limit_length("x", 0)


def test_content_becomes_sentences_and_phrases_stay_whole() -> None:
    phrase = Phrase("help.coming", "工作人员马上就来。请稍等。")
    assert sentences_of(["您好。请取号。", phrase]) == (
        Sentence("您好。"), Sentence("请取号。"),
        Sentence("工作人员马上就来。请稍等。", "help.coming"))
    assert sentences_of("") == ()


def test_wrong_content_types_are_a_clear_error() -> None:
    with pytest.raises(TypeError, match="cannot speak int"):
        sentences_of([42])  # type: ignore[list-item]


@pytest.mark.parametrize("bad", ["../secret", "a/b", "", "Upper", "x" * 65, "a..b"])
def test_phrase_ids_cannot_name_other_files(bad: str) -> None:
    with pytest.raises(ValueError, match="phrase id"):
        Phrase(bad, "text")
