"""The questions and answers the product ships: all load in both languages, cover what
elderly customers ask about, are honest about review, and can be shown with the bundled
font."""

from __future__ import annotations

import re

import pytest

from kiosk.core.faq import FaqBook, FaqCatalogue, ReviewStatus
from kiosk.core.faq_files import load_catalogue
from kiosk.paths import assets_dir

LANGUAGES = ("zh_CN", "en")
FONT_EXTRA_RANGES = ((0x0020, 0x007E), (0x00A0, 0x017F), (0x2000, 0x206F), (0x3000, 0x303F),
                     (0xFF00, 0xFFEF))
"""What the bundled font holds besides GB2312 (tools/make_font_subset.py)."""
SIGN_OFF_CATEGORIES = ("pension", "scams")


@pytest.fixture(scope="module")
def catalogue() -> FaqCatalogue:
    return load_catalogue(assets_dir() / "faq", LANGUAGES)


def test_every_entry_loads_in_both_languages_with_the_same_ids(
        catalogue: FaqCatalogue) -> None:
    zh, en = catalogue.book("zh_CN"), catalogue.book("en")

    assert catalogue.languages == LANGUAGES
    assert [c.id for c in zh.categories] == [c.id for c in en.categories]
    assert [(e.id, e.category) for e in zh.entries] == [(e.id, e.category) for e in en.entries]
    assert len(zh.entries) >= 25
    assert len(zh.categories) >= 5
    assert all(len(zh.entries_in(c.id)) >= 3 for c in zh.categories)


def test_the_topics_elderly_customers_need_are_covered(catalogue: FaqCatalogue) -> None:
    en = catalogue.book("en")
    text = " ".join(f"{e.question} {e.answer}" for e in en.entries).lower()

    for topic in ("bring your own id card", "pension", "lost", "passbook", "cash machine",
                  "priority", "reading glasses", "magnifiers", "wheelchair", "seats",
                  "safe account", "code sent to your phone", "police", "grandchild",
                  "health products", "subsidy", "never ask", "unwell", "ambulance",
                  "talk to staff privately"):
        assert topic in text, topic


def test_answers_are_plain_short_sentences(catalogue: FaqCatalogue) -> None:
    for book in catalogue.books.values():
        for entry in book.entries:
            sentences = [s for p in entry.paragraphs for s in _sentences(p, book.language)]
            longest = max(len(s) for s in sentences)
            limit = 60 if book.language == "zh_CN" else 200
            assert longest <= limit, f"{book.language} {entry.id}: a {longest}-character " \
                                     f"sentence"
            assert len(entry.paragraphs) <= 4, f"{book.language} {entry.id}"


def _sentences(paragraph: str, language: str) -> list[str]:
    pattern = r"(?<=[。！？])" if language == "zh_CN" else r"(?<=[.!?])\s+"
    return [s for s in re.split(pattern, paragraph) if s.strip()]


def test_every_entry_names_its_source_and_is_not_passed_off_as_reviewed(
        catalogue: FaqCatalogue) -> None:
    for book in catalogue.books.values():
        for entry in book.entries:
            assert entry.source, entry.id
            if entry.category in SIGN_OFF_CATEGORIES:
                # pension and fraud advice is only approved with a named reviewer and date
                assert entry.review_status is ReviewStatus.PENDING or (
                    entry.reviewed_by and entry.reviewed_on), entry.id
    assert set(catalogue.pending_review()) >= {
        e.id for e in catalogue.book("zh_CN").entries if e.category in SIGN_OFF_CATEGORIES}


def test_chinese_is_written_as_chinese(catalogue: FaqCatalogue) -> None:
    zh = catalogue.book("zh_CN")
    for entry in zh.entries:
        for text in (entry.question, entry.answer):
            assert not re.search(r"[A-Za-z]{2,}", text), f"{entry.id}: Latin words in {text!r}"
            assert not re.search(r"[,?!;:]", text), f"{entry.id}: ASCII punctuation in {text!r}"
            assert '"' not in text, f"{entry.id}: straight quotes; use “” in Chinese"


def test_the_english_says_english_things(catalogue: FaqCatalogue) -> None:
    en = catalogue.book("en")
    for entry in en.entries:
        text = f"{entry.question} {entry.answer}"
        assert not re.search(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]", text), entry.id
        assert entry.question.endswith(("?", ".")), entry.id


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_character_is_in_the_bundled_font(catalogue: FaqCatalogue,
                                                language: str) -> None:
    book: FaqBook = catalogue.book(language)
    texts = [c.title for c in book.categories]
    texts += [f"{e.question}{e.answer}" for e in book.entries]
    missing = {char for text in texts for char in text
               if char != "\n" and not _in_bundled_font(char)}
    assert not missing, f"not in the bundled font: {sorted(missing)}"


def _in_bundled_font(char: str) -> bool:
    if any(low <= ord(char) <= high for low, high in FONT_EXTRA_RANGES):
        return True
    try:
        char.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True
