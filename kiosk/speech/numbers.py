"""Numbers written the way a bank's staff would say them aloud.

espeak reads "A042" in Mandarin as "A 零 四十二" and a customer then waits for the wrong
ticket; it reads "95588" in English as a quantity. So before synthesis every number is
rewritten by what it is: a ticket number is spelled digit by digit and ends in 号; a
counter, a count or a range of minutes is read as a quantity (三 号窗口, 五 人, 十 到 十五
分钟); a phone number, a year or any long or zero-led digit string is read digit by digit,
and so is a short number to dial ("打 110", "call the police on 110"), with 1 as 幺.
Replacements are separated by spaces, which espeak ignores in Chinese, so the output stays
readable in tests and logs.

Pure functions, no engine: the rules are tested on their own.
"""

from __future__ import annotations

import re

ZH_DIGITS = "零一二三四五六七八九"
EN_DIGITS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
CHINESE_INTEGER_LIMIT = 10**8
"""Integers up to 亿 are read as quantities; longer digit strings digit by digit."""

_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９％", "0123456789%")
_TICKET = re.compile(r"(?<![A-Za-z0-9])([A-Z]{1,2})([0-9]{3}|[1-9][0-9]{3,8})(?![A-Za-z0-9])")
_THOUSANDS_COMMA = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
_PHONE = re.compile(r"(?<![\d-])\d+(?:-\d+)+(?![\d-])")
_RANGE = re.compile(r"(?<![\d.\-])(\d{1,4})\s*[–—~～\-至到]\s*(\d{1,4})(?![\d.\-])")
_YEAR = re.compile(r"(?<!\d)(\d{4})(?=\s*年)")
_PERCENT = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s*%")
_DECIMAL = re.compile(r"(?<![\d.])(\d+)\.(\d+)(?![\d.])")
_DIGIT_STRING = re.compile(r"(?<!\d)(?:0\d+|\d{5,})(?!\d)")
_DIALLED_ZH = re.compile(r"(打|拨|致电|电话|热线)(\s*)(\d{3,6})(?!\d|\.\d)")
_DIALLED_EN = re.compile(r"(?i)\b((?:call|dial|phone|ring)\b(?:[^\d.;:!?]{0,30}?\s(?:on|at))?\s+)"
                         r"(\d{3,6})(?!\d|\.\d)")
ZH_PHONE_ONE = "幺"
"""In a number to dial, 1 is 幺, as operators and the police say it: 110 is 幺 幺 零."""
_INTEGER = re.compile(r"\d+")
_SPACES = re.compile(r"\s+")

LIANG_CLASSIFIERS = ("人", "位", "个", "分钟", "小时", "张", "次", "天", "岁", "份", "名", "元",
                     "块", "件", "种", "年")
"""A bare 2 before these is 两 (两 人, 两 分钟), as people say it; elsewhere it is 二."""
QUANTITY_UNITS = (*LIANG_CLASSIFIERS, "万", "亿", "美元", "yuan", "RMB", "people", "minutes")
"""A long number before a unit is an amount (10000 元); without one it is a code or a phone
number (95588) and is read digit by digit."""
MIN_PHONE_DIGITS = 7


def chinese_integer(value: int, *, liang: bool = False) -> str:
    """`value` (0 <= value < 10**8) as a Mandarin quantity: 105 -> 一百零五, 15 -> 十五."""
    if not 0 <= value < CHINESE_INTEGER_LIMIT:
        raise ValueError(f"{value} is outside 0..{CHINESE_INTEGER_LIMIT - 1}")
    if value == 0:
        return ZH_DIGITS[0]
    if value == 2 and liang:
        return "两"
    high, low = divmod(value, 10000)
    text = ""
    if high:
        text = _below_ten_thousand(high) + "万"
        if low and low < 1000:
            text += ZH_DIGITS[0]
    if low:
        text += _below_ten_thousand(low)
    if text.startswith("一十"):
        text = text[1:]
    return text


def _below_ten_thousand(value: int) -> str:
    parts: list[str] = []
    zero_pending = False
    for unit_value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit, value = divmod(value, unit_value)
        if digit:
            if zero_pending:
                parts.append(ZH_DIGITS[0])
                zero_pending = False
            parts.append(ZH_DIGITS[digit] + unit)
        elif parts:
            zero_pending = True
    return "".join(parts)


def spell_digits(digits: str, language: str) -> str:
    """Each digit on its own: "042" -> "零 四 二" / "zero, four, two"."""
    if _is_chinese(language):
        return " ".join(ZH_DIGITS[int(d)] for d in digits)
    return ", ".join(EN_DIGITS[int(d)] for d in digits)


def dialled_digits(digits: str, language: str) -> str:
    """A number to dial (110, 95588), digit by digit: "幺 幺 零" / "1 1 0". A short
    emergency number read as a quantity ("一百一十") is not what anyone dials."""
    if _is_chinese(language):
        return " ".join(ZH_PHONE_ONE if d == "1" else ZH_DIGITS[int(d)] for d in digits)
    return " ".join(digits)  # as the other digit strings: espeak says each digit


def spell_ticket(number: str, language: str) -> str:
    """A ticket number in full, as a caller at the counter says it.

    zh_CN: "A042" -> "A 零 四 二 号"; en: "A042" -> "A, zero, four, two".
    """
    match = _TICKET.fullmatch(number)
    if match is None:
        raise ValueError(f"{number!r} is not a ticket number")
    letters, digits = match.groups()
    if _is_chinese(language):
        return f"{' '.join(letters)} {spell_digits(digits, language)} 号"
    return ", ".join([*letters, spell_digits(digits, language)])


def normalise_numbers(text: str, language: str) -> str:
    """`text` with every number rewritten for `language` (zh_CN or en; others unchanged)."""
    text = text.translate(_FULL_WIDTH_DIGITS)
    if _is_chinese(language):
        return _tidy(_normalise_chinese(text))
    if language.split("_")[0] == "en":
        return _tidy(_normalise_english(text))
    return text


def _normalise_chinese(text: str) -> str:
    text = _TICKET.sub(_chinese_ticket, text)
    text = _THOUSANDS_COMMA.sub("", text)
    text = _PHONE.sub(_chinese_phone, text)
    text = _DIALLED_ZH.sub(lambda m: m.group(1) + _spaced(dialled_digits(m.group(3), "zh_CN")),
                           text)
    text = _RANGE.sub(_chinese_range, text)
    text = _YEAR.sub(lambda m: _spaced(spell_digits(m.group(1), "zh_CN")), text)
    text = _PERCENT.sub(lambda m: _spaced("百分之 " + _chinese_number(m.group(1))), text)
    text = _DECIMAL.sub(lambda m: _spaced(_chinese_number(m.group())), text)
    text = _DIGIT_STRING.sub(_chinese_digit_string, text)
    return _INTEGER.sub(_chinese_quantity, text)


def _normalise_english(text: str) -> str:
    text = _TICKET.sub(lambda m: spell_ticket(m.group(), "en"), text)
    text = _THOUSANDS_COMMA.sub("", text)
    text = _PHONE.sub(_english_phone, text)
    text = _DIALLED_EN.sub(lambda m: m.group(1) + dialled_digits(m.group(2), "en"), text)
    text = _RANGE.sub(lambda m: f"{m.group(1)} to {m.group(2)}", text)
    return _DIGIT_STRING.sub(
        lambda m: m.group() if _followed_by(m, QUANTITY_UNITS) else " ".join(m.group()), text)


def _chinese_ticket(match: re.Match[str]) -> str:
    spelled = spell_ticket(match.group(), "zh_CN")
    if match.string[match.end():].lstrip().startswith("号"):
        spelled = spelled.removesuffix(" 号")
    return _spaced(spelled)


def _chinese_phone(match: re.Match[str]) -> str:
    groups = match.group().split("-")
    if sum(len(group) for group in groups) < MIN_PHONE_DIGITS:
        return match.group()
    return _spaced("，".join(spell_digits(group, "zh_CN") for group in groups))


def _english_phone(match: re.Match[str]) -> str:
    digits = [d for d in match.group() if d.isdigit()]
    return match.group() if len(digits) < MIN_PHONE_DIGITS else " ".join(digits)


def _chinese_digit_string(match: re.Match[str]) -> str:
    if _followed_by(match, QUANTITY_UNITS) and not match.group().startswith("0"):
        return match.group()
    return _spaced(spell_digits(match.group(), "zh_CN"))


def _chinese_range(match: re.Match[str]) -> str:
    liang = _followed_by_classifier(match)
    low, high = (_chinese_number(group, liang=liang) for group in match.groups())
    return _spaced(f"{low} 到 {high}")


def _chinese_quantity(match: re.Match[str]) -> str:
    return _spaced(_chinese_number(match.group(), liang=_followed_by_classifier(match)))


def _chinese_number(digits: str, *, liang: bool = False) -> str:
    whole, _, fraction = digits.partition(".")
    if (len(whole) > 1 and whole.startswith("0")) or int(whole) >= CHINESE_INTEGER_LIMIT:
        spoken = spell_digits(whole, "zh_CN")
    else:
        spoken = chinese_integer(int(whole), liang=liang and not fraction)
    if fraction:
        spoken += " 点 " + spell_digits(fraction, "zh_CN")
    return spoken


def _followed_by_classifier(match: re.Match[str]) -> bool:
    return _followed_by(match, LIANG_CLASSIFIERS)


def _followed_by(match: re.Match[str], words: tuple[str, ...]) -> bool:
    return match.string[match.end():].lstrip().startswith(words)


def _spaced(spoken: str) -> str:
    return f" {spoken} "


def _tidy(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def _is_chinese(language: str) -> bool:
    return language.split("_")[0] == "zh"

