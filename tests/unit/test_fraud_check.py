"""The fraud-check questions: the shipped files load in both languages, and a file spoiled
the way branch staff could spoil it is refused, naming the file, the question and the
problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.core.config import load_config
from kiosk.core.faq import FaqError, ReviewStatus
from kiosk.core.fraud_check import MAX_QUESTIONS, load_questions
from kiosk.paths import assets_dir, example_config

LANGUAGES = ("zh_CN", "en")

GOOD_ZH = """\
language = "zh_CN"

[[questions]]
id = "phone"
question = "有人在电话里让您转账吗？"
source = "银行通用做法"
review_status = "pending"

[[questions]]
id = "safe-account"
question = "有人要您把钱转到“安全账户”吗？"
source = "银行通用做法"
review_status = "approved"
reviewed_by = "王芳，运营部"
reviewed_on = 2026-12-01
"""

GOOD_EN = """\
language = "en"

[[questions]]
id = "phone"
question = "Has someone on the phone told you to transfer money?"
source = "Common banking practice"
review_status = "pending"

[[questions]]
id = "safe-account"
question = 'Has someone asked you to move money to a "safe account"?'
source = "Common banking practice"
review_status = "approved"
reviewed_by = "Wang Fang, operations"
reviewed_on = 2026-12-01
"""


def _write(folder: Path, zh: str = GOOD_ZH, en: str = GOOD_EN) -> Path:
    (folder / "zh_CN.toml").write_text(zh, encoding="utf-8")
    (folder / "en.toml").write_text(en, encoding="utf-8")
    return folder


def _problems(folder: Path) -> list[str]:
    with pytest.raises(FaqError) as refused:
        load_questions(folder, LANGUAGES)
    return [str(p) for p in refused.value.problems]


def test_the_shipped_questions_load_in_both_languages_with_the_same_ids() -> None:
    questions = load_questions(assets_dir() / "fraud_check", LANGUAGES)

    zh, en = questions.questions("zh_CN"), questions.questions("en")
    assert 2 <= len(zh) <= MAX_QUESTIONS
    assert [q.id for q in zh] == [q.id for q in en]
    assert any("安全账户" in q.question for q in zh)
    assert all(q.source for q in zh + en)


def test_a_good_pair_of_files_loads_with_its_review(tmp_path: Path) -> None:
    questions = load_questions(_write(tmp_path), LANGUAGES)

    safe = questions.questions("en")[1]
    assert safe.question == 'Has someone asked you to move money to a "safe account"?'
    assert safe.review_status is ReviewStatus.APPROVED
    assert safe.reviewed_by == "Wang Fang, operations"
    assert questions.questions("fr") == questions.questions("zh_CN")


def test_an_empty_question_is_refused_naming_file_and_question(tmp_path: Path) -> None:
    spoiled = GOOD_ZH.replace('question = "有人在电话里让您转账吗？"', 'question = ""')

    assert _problems(_write(tmp_path, zh=spoiled)) == [
        "zh_CN.toml, question 'phone': question: must not be empty"]


def test_a_question_missing_from_one_language_is_refused(tmp_path: Path) -> None:
    shortened = GOOD_EN.split("[[questions]]\nid = \"safe-account\"")[0]

    problems = _problems(_write(tmp_path, en=shortened))

    assert len(problems) == 1
    assert problems[0].startswith("en.toml: questions phone: must be the same as in "
                                  "zh_CN.toml (phone, safe-account)")


def test_too_many_questions_and_bad_fields_are_all_reported(tmp_path: Path) -> None:
    extra = "".join(f'\n[[questions]]\nid = "q{n}"\nquestion = "问题"\nsource = "银行"\n'
                    'review_status = "pending"\n' for n in range(MAX_QUESTIONS))
    problems = _problems(_write(tmp_path, zh=GOOD_ZH + extra,
                                en=GOOD_EN.replace('"pending"', '"maybe"')
                                .replace("reviewed_on", "checked_on")))

    assert "zh_CN.toml: questions: 5 tables, at most 3 allowed" in problems
    assert any(p.startswith("en.toml, question 'phone': review_status = 'maybe': must be one "
                            "of") for p in problems)
    assert any("checked_on: unknown field" in p for p in problems)


def test_approved_without_a_reviewer_and_broken_toml_are_refused(tmp_path: Path) -> None:
    unsigned = GOOD_ZH.replace('reviewed_by = "王芳，运营部"\n', "")
    assert any("needs reviewed_by" in p for p in _problems(_write(tmp_path, zh=unsigned)))

    assert any(p.startswith("en.toml: not valid TOML")
               for p in _problems(_write(tmp_path, en="language = ")))


def test_a_missing_file_is_refused_with_the_folder(tmp_path: Path) -> None:
    (tmp_path / "zh_CN.toml").write_text(GOOD_ZH, encoding="utf-8")

    problems = _problems(tmp_path)

    assert problems[0].startswith(f"en.toml: cannot be read from {tmp_path}")


def test_the_example_branch_marks_a_service_for_the_fraud_check() -> None:
    config = load_config(example_config())

    assert [s.id for s in config.services if s.fraud_check] == ["transfer"]
