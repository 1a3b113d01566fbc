"""An edit that breaks the content files never takes the answers away from customers."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from kiosk.core.faq_library import KEPT_COPY_FOLDER, ContentSource, FaqLibrary, kiosk_faq_library
from tests.unit.test_faq_files import GOOD_EN, GOOD_ZH, write

LANGUAGES = ("zh_CN", "en")
BROKEN_EN = GOOD_EN.replace('answer = "Come in person with your ID card to set a new PIN."',
                            'answer = ""')


def library(tmp_path: Path) -> FaqLibrary:
    return FaqLibrary(tmp_path / "content", tmp_path / "kiosk-data" / "faq", LANGUAGES)


def question(language: str, lib: FaqLibrary, entry_id: str) -> str:
    entry = lib.catalogue.book(language).entry(entry_id)
    assert entry is not None
    return entry.question


def test_good_files_are_used_and_a_copy_is_kept(tmp_path: Path) -> None:
    write(tmp_path / "content")
    lib = library(tmp_path)

    loaded = lib.load()

    assert loaded.source is ContentSource.FILES and loaded.problems == ()
    assert question("en", lib, "forgot-pin") == "I've forgotten my PIN. What can I do?"
    kept = tmp_path / "kiosk-data" / "faq"
    assert (kept / "en.toml").read_text(encoding="utf-8") == GOOD_EN
    assert (kept / "zh_CN.toml").read_text(encoding="utf-8") == GOOD_ZH


def test_a_broken_edit_while_running_keeps_the_content_shown(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    write(tmp_path / "content")
    lib = library(tmp_path)
    lib.load()
    write(tmp_path / "content", en=BROKEN_EN.replace("I've forgotten my PIN", "PIN lost"))

    with caplog.at_level(logging.ERROR):
        loaded = lib.load()

    assert loaded.source is ContentSource.KEPT_IN_MEMORY
    assert [str(p) for p in loaded.problems] == [
        "en.toml, entry 'forgot-pin': answer: must not be empty"]
    assert question("en", lib, "forgot-pin") == "I've forgotten my PIN. What can I do?"
    assert lib.refusals == 1
    assert "en.toml, entry 'forgot-pin': answer: must not be empty" in caplog.text
    # the kept copy is still the good one, not the broken edit
    kept = tmp_path / "kiosk-data" / "faq" / "en.toml"
    assert kept.read_text(encoding="utf-8") == GOOD_EN


def test_after_a_restart_a_broken_file_is_replaced_by_the_kept_copy(tmp_path: Path) -> None:
    write(tmp_path / "content")
    library(tmp_path).load()
    write(tmp_path / "content", en=BROKEN_EN)

    restarted = library(tmp_path)
    loaded = restarted.load()

    assert loaded.source is ContentSource.KEPT_COPY
    assert loaded.problems and loaded.problems[0].file == "en.toml"
    assert question("zh_CN", restarted, "lost-card") == "银行卡丢了，怎么办？"


def test_a_fixed_file_is_taken_up_again(tmp_path: Path) -> None:
    write(tmp_path / "content", en=BROKEN_EN)
    lib = library(tmp_path)
    assert lib.load().source is ContentSource.NONE
    assert lib.catalogue.is_empty

    write(tmp_path / "content", en=GOOD_EN.replace("Report it lost straight away.",
                                                   "Report it lost at once."))
    loaded = lib.load()

    assert loaded.source is ContentSource.FILES
    entry = lib.catalogue.book("en").entry("lost-card")
    assert entry is not None and entry.paragraphs[0] == "Report it lost at once."


def test_no_good_content_anywhere_offers_no_questions_but_does_not_fail(
        tmp_path: Path) -> None:
    write(tmp_path / "content", zh=b"\xff\xfe not text")
    lib = library(tmp_path)

    loaded = lib.load()

    assert loaded.source is ContentSource.NONE
    assert loaded.catalogue.is_empty and lib.catalogue.book("zh_CN").entries == ()
    assert [p.file for p in loaded.problems] == ["zh_CN.toml"]


def test_a_kept_copy_that_cannot_be_written_is_logged_not_fatal(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    write(tmp_path / "content")
    (tmp_path / "kiosk-data").write_text("a file where the folder should be", encoding="utf-8")
    lib = library(tmp_path)

    with caplog.at_level(logging.ERROR):
        loaded = lib.load()

    assert loaded.source is ContentSource.FILES
    assert "could not keep a copy" in caplog.text


def test_a_kiosk_reads_the_shipped_content_and_keeps_a_copy_in_its_data(
        tmp_path: Path) -> None:
    lib = kiosk_faq_library(tmp_path / "kiosk-data", LANGUAGES)

    loaded = lib.load()

    assert loaded.source is ContentSource.FILES
    assert loaded.catalogue.entry_count() >= 25
    assert sorted(p.name for p in (tmp_path / "kiosk-data" / KEPT_COPY_FOLDER).iterdir()) == [
        "en.toml", "zh_CN.toml"]
