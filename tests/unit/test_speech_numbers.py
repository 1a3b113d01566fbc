"""Numbers are spoken the way bank staff say them, in Chinese and in English."""

from __future__ import annotations

import pytest

from kiosk.speech.numbers import (
    chinese_integer,
    normalise_numbers,
    spell_digits,
    spell_ticket,
)


@pytest.mark.parametrize(("text", "spoken"), [
    ("A042", "A 零 四 二 号"),
    ("请 A042 号到 3 号窗口", "请 A 零 四 二 号到 三 号窗口"),
    ("A042号请到柜台", "A 零 四 二 号请到柜台"),
    ("AB1000", "A B 一 零 零 零 号"),
    ("请到 3 号窗口", "请到 三 号窗口"),
    ("请到3号窗口", "请到 三 号窗口"),
    ("请到 12 号窗口", "请到 十二 号窗口"),
    ("前面还有 5 人", "前面还有 五 人"),
    ("前面还有 2 人", "前面还有 两 人"),
    ("前面还有 12 人", "前面还有 十二 人"),
    ("请到 2 号窗口", "请到 二 号窗口"),
    ("大约 10–15 分钟", "大约 十 到 十五 分钟"),
    ("大约 10-15 分钟", "大约 十 到 十五 分钟"),
    ("大约 2~3 分钟", "大约 两 到 三 分钟"),
    ("大约10至15分钟", "大约 十 到 十五 分钟"),
    ("请拨打 95588", "请拨打 九 五 五 八 八"),
    ("还要打 110 报警。", "还要打 幺 幺 零 报警。"),
    ("第一，打110报警。", "第一，打 幺 幺 零 报警。"),
    ("急救电话 120", "急救电话 幺 二 零"),
    ("打 3 次", "打 三 次"),
    ("400-820-8888", "四 零 零，八 二 零，八 八 八 八"),
    ("2024年", "二 零 二 四 年"),
    ("利率 2.5%", "利率 百分之 二 点 五"),
    ("10000 元", "一万 元"),
    ("1,000 元", "一千 元"),
    ("０３ 号", "零 三 号"),
])
def test_chinese_numbers_read_as_staff_say_them(text: str, spoken: str) -> None:
    assert normalise_numbers(text, "zh_CN") == spoken


@pytest.mark.parametrize(("text", "spoken"), [
    ("A042", "A, zero, four, two"),
    ("Ticket A042, please go to counter 3.", "Ticket A, zero, four, two, please go to counter 3."),
    ("About 10–15 minutes", "About 10 to 15 minutes"),
    ("Call 95588", "Call 9 5 5 8 8"),
    ("Also call the police on 110.", "Also call the police on 1 1 0."),
    ("Dial 120 for an ambulance", "Dial 1 2 0 for an ambulance"),
    ("Call us 3 times", "Call us 3 times"),
    ("Call 400-820-8888", "Call 4 0 0 8 2 0 8 8 8 8"),
    ("5 people ahead", "5 people ahead"),
])
def test_english_numbers(text: str, spoken: str) -> None:
    assert normalise_numbers(text, "en") == spoken


@pytest.mark.parametrize(("value", "spoken"), [
    (0, "零"), (7, "七"), (10, "十"), (15, "十五"), (20, "二十"), (105, "一百零五"),
    (110, "一百一十"), (1005, "一千零五"), (1050, "一千零五十"), (10000, "一万"),
    (100015, "十万零一十五"), (12345678, "一千二百三十四万五千六百七十八"),
])
def test_chinese_integers(value: int, spoken: str) -> None:
    assert chinese_integer(value) == spoken


def test_two_is_liang_only_when_asked() -> None:
    assert chinese_integer(2) == "二"
    assert chinese_integer(2, liang=True) == "两"
    assert chinese_integer(12, liang=True) == "十二"


def test_out_of_range_integers_are_refused() -> None:
    with pytest.raises(ValueError, match="outside"):
        chinese_integer(-1)
    with pytest.raises(ValueError, match="outside"):
        chinese_integer(10**8)


def test_ticket_spelling_refuses_what_is_not_a_ticket() -> None:
    assert spell_ticket("B007", "zh_CN") == "B 零 零 七 号"
    assert spell_ticket("B007", "en") == "B, zero, zero, seven"
    for bad in ("042", "a042", "ABC042", "A04"):
        with pytest.raises(ValueError, match="not a ticket number"):
            spell_ticket(bad, "en")


def test_words_with_digits_are_not_tickets() -> None:
    assert normalise_numbers("ATM123", "en") == "ATM123"
    assert spell_digits("042", "zh_CN") == "零 四 二"


def test_other_languages_are_left_alone() -> None:
    assert normalise_numbers("Ticket A042", "fr") == "Ticket A042"
