"""A broken questions-and-answers file is refused, naming the file, the entry and the problem.

Each test starts from a small good pair of files (Chinese and English) and spoils one thing
the way branch staff could when editing by hand.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.core.faq import FaqError, FaqProblem, ReviewStatus
from kiosk.core.faq_files import MAX_FILE_BYTES, TEXT_LIMITS, load_catalogue

LANGUAGES = ("zh_CN", "en")

GOOD_ZH = """\
language = "zh_CN"

[[categories]]
id = "cards"
title = "银行卡和存折"

[[entries]]
id = "lost-card"
category = "cards"
question = "银行卡丢了，怎么办？"
answer = \"\"\"
请马上挂失。

带上身份证到窗口补办。
\"\"\"
source = "银行通用做法"
review_status = "pending"
reviewed_by = ""

[[entries]]
id = "forgot-pin"
category = "cards"
question = "忘了密码，怎么办？"
answer = "请本人带身份证到窗口重新设密码。"
source = "银行通用做法"
review_status = "approved"
reviewed_by = "王芳（网点经理）"
reviewed_on = 2026-11-20
"""

GOOD_EN = """\
language = "en"

[[categories]]
id = "cards"
title = "Cards and passbooks"

[[entries]]
id = "lost-card"
category = "cards"
question = "I've lost my bank card. What should I do?"
answer = \"\"\"
Report it lost straight away.

Bring your ID card to a counter for a new one.
\"\"\"
source = "General banking practice"
review_status = "pending"
reviewed_by = ""

[[entries]]
id = "forgot-pin"
category = "cards"
question = "I've forgotten my PIN. What can I do?"
answer = "Come in person with your ID card to set a new PIN."
source = "General banking practice"
review_status = "approved"
reviewed_by = "Wang Fang (branch manager)"
reviewed_on = 2026-11-20
"""


def write(folder: Path, zh: str | bytes = GOOD_ZH, en: str | bytes = GOOD_EN) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in (("zh_CN.toml", zh), ("en.toml", en)):
        data = content.encode("utf-8") if isinstance(content, str) else content
        (folder / name).write_bytes(data)
    return folder


def problems_of(folder: Path) -> list[FaqProblem]:
    with pytest.raises(FaqError) as refused:
        load_catalogue(folder, LANGUAGES)
    return refused.value.problems


def only_problem(folder: Path) -> FaqProblem:
    problems = problems_of(folder)
    assert len(problems) == 1, "\n".join(map(str, problems))
    return problems[0]


def test_good_files_load_in_both_languages_with_sources_and_reviews(tmp_path: Path) -> None:
    catalogue = load_catalogue(write(tmp_path), LANGUAGES)

    zh, en = catalogue.book("zh_CN"), catalogue.book("en")
    assert [e.id for e in zh.entries] == [e.id for e in en.entries] == ["lost-card",
                                                                       "forgot-pin"]
    lost = en.entry("lost-card")
    assert lost is not None
    assert lost.paragraphs == ("Report it lost straight away.",
                               "Bring your ID card to a counter for a new one.")
    assert lost.source == "General banking practice"
    assert lost.review_status is ReviewStatus.PENDING
    approved = zh.entry("forgot-pin")
    assert approved is not None and approved.reviewed_by == "王芳（网点经理）"
    assert catalogue.pending_review() == ("lost-card",)


def test_a_missing_field_names_file_entry_and_field(tmp_path: Path) -> None:
    spoiled = GOOD_EN.replace('source = "General banking practice"\nreview_status = "pending"',
                              'review_status = "pending"', 1)

    problem = only_problem(write(tmp_path, en=spoiled))

    assert (problem.file, problem.entry) == ("en.toml", "entry 'lost-card'")
    assert problem.problem == "source: missing"


def test_a_wrong_type_is_refused_in_words_staff_understand(tmp_path: Path) -> None:
    spoiled = GOOD_ZH.replace('question = "忘了密码，怎么办？"', "question = 42")

    problem = only_problem(write(tmp_path, zh=spoiled))

    assert str(problem) == ("zh_CN.toml, entry 'forgot-pin': question: must be text in "
                            "quotes, not a number")


def test_a_duplicate_entry_id_is_refused(tmp_path: Path) -> None:
    spoiled = GOOD_ZH.replace('id = "forgot-pin"', 'id = "lost-card"')
    spoiled_en = GOOD_EN.replace('id = "forgot-pin"', 'id = "lost-card"')

    problems = problems_of(write(tmp_path, zh=spoiled, en=spoiled_en))

    assert {(p.file, p.entry) for p in problems} == {("zh_CN.toml", "entry 'lost-card'"),
                                                     ("en.toml", "entry 'lost-card'")}
    assert all("used twice" in p.problem for p in problems)


def test_an_entry_in_one_language_only_is_refused(tmp_path: Path) -> None:
    extra = GOOD_ZH + """
[[entries]]
id = "card-broken"
category = "cards"
question = "银行卡坏了，怎么办？"
answer = "带上卡和身份证到窗口换新卡。"
source = "银行通用做法"
review_status = "pending"
"""
    problem = only_problem(write(tmp_path, zh=extra))

    assert (problem.file, problem.entry) == ("en.toml", "entry 'card-broken'")
    assert problem.problem == "missing here; it is in zh_CN.toml"


def test_an_entry_filed_under_different_categories_is_refused(tmp_path: Path) -> None:
    zh = GOOD_ZH.replace('[[entries]]\nid = "forgot-pin"\ncategory = "cards"',
                         '[[categories]]\nid = "pins"\ntitle = "密码"\n\n'
                         '[[entries]]\nid = "forgot-pin"\ncategory = "pins"')
    en = GOOD_EN.replace('[[entries]]\nid = "forgot-pin"\ncategory = "cards"',
                         '[[categories]]\nid = "pins"\ntitle = "PINs"\n\n'
                         '[[entries]]\nid = "forgot-pin"\ncategory = "cards"')

    problems = problems_of(write(tmp_path, zh=zh, en=en))

    assert [str(p) for p in problems] == ["en.toml, category 'pins': has no entries; add one "
                                          "or remove it"]
    # with an entry of its own in English, what is left is the disagreement itself
    en_fixed = en.replace('[[entries]]\nid = "lost-card"\ncategory = "cards"',
                          '[[entries]]\nid = "lost-card"\ncategory = "pins"')
    zh_fixed = zh.replace('[[entries]]\nid = "lost-card"\ncategory = "cards"',
                          '[[entries]]\nid = "lost-card"\ncategory = "pins"')
    problems = problems_of(write(tmp_path, zh=zh_fixed, en=en_fixed))
    assert [str(p) for p in problems] == [
        "zh_CN.toml, category 'cards': has no entries; add one or remove it"]


def test_an_empty_answer_is_refused(tmp_path: Path) -> None:
    spoiled = GOOD_EN.replace('answer = "Come in person with your ID card to set a new PIN."',
                              'answer = """\n   \n"""')

    problem = only_problem(write(tmp_path, en=spoiled))

    assert str(problem) == "en.toml, entry 'forgot-pin': answer: must not be empty"


def test_overlong_texts_are_refused_with_the_limit(tmp_path: Path) -> None:
    long_answer = "请到窗口办理。" * 200
    spoiled = GOOD_ZH.replace('answer = "请本人带身份证到窗口重新设密码。"',
                              f'answer = "{long_answer}"')
    spoiled = spoiled.replace('question = "银行卡丢了，怎么办？"',
                              'question = "' + "问" * (TEXT_LIMITS["question"] + 1) + '"')

    problems = problems_of(write(tmp_path, zh=spoiled))

    assert [str(p) for p in problems] == [
        f"zh_CN.toml, entry 'lost-card': question: {TEXT_LIMITS['question'] + 1} characters, "
        f"at most {TEXT_LIMITS['question']} allowed",
        f"zh_CN.toml, entry 'forgot-pin': answer: {len(long_answer)} characters, at most "
        f"{TEXT_LIMITS['answer']} allowed"]


def test_a_file_that_is_not_utf8_is_refused_with_the_byte(tmp_path: Path) -> None:
    problem = only_problem(write(tmp_path, zh=GOOD_ZH.encode("gb18030")))

    assert problem.file == "zh_CN.toml" and problem.entry is None
    assert problem.problem.startswith("not UTF-8 text (")
    assert " at byte " in problem.problem
    assert "save the file as UTF-8" in problem.problem


def test_a_file_that_is_not_toml_is_refused(tmp_path: Path) -> None:
    spoiled = GOOD_EN.replace('title = "Cards and passbooks"', 'title = "Cards and passbooks')

    problem = only_problem(write(tmp_path, en=spoiled))

    assert problem.file == "en.toml"
    assert problem.problem.startswith("not valid TOML:")
    assert "line 5" in problem.problem


def test_an_oversized_file_is_refused_before_it_is_parsed(tmp_path: Path) -> None:
    padding = "# " + "x" * 100 + "\n"
    huge = GOOD_EN + padding * (MAX_FILE_BYTES // len(padding) + 1)

    problem = only_problem(write(tmp_path, en=huge))

    assert problem.file == "en.toml"
    assert problem.problem.endswith(f"at most {MAX_FILE_BYTES} allowed")


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    folder = write(tmp_path)
    (folder / "en.toml").unlink()

    problem = only_problem(folder)

    assert problem.file == "en.toml" and "cannot be read" in problem.problem


@pytest.mark.parametrize(("old", "new", "expected"), [
    ('language = "en"', 'language = "de"',
     "en.toml: language = 'de': must be 'en', the language this file is named after"),
    ('review_status = "pending"', 'review_status = "done"',
     "en.toml, entry 'lost-card': review_status = 'done': must be one of 'pending', "
     "'approved'"),
    ('reviewed_on = 2026-11-20', 'reviewed_on = "yesterday"',
     "en.toml, entry 'forgot-pin': reviewed_on = 'yesterday': must be a date without quotes, "
     "e.g. reviewed_on = 2026-11-27"),
    ('reviewed_by = "Wang Fang (branch manager)"', 'reviewed_by = ""',
     "en.toml, entry 'forgot-pin': review_status = 'approved' needs reviewed_by (who at the "
     "bank checked it) and reviewed_on (the date, e.g. 2026-11-27)"),
    ('id = "lost-card"', 'id = "Lost Card"',
     "en.toml, entries[0]: id = 'Lost Card': must be lower-case letters, digits and '-', "
     "starting with a letter or digit, at most 48 characters"),
    ('category = "cards"\nquestion = "I\'ve lost', 'category = "card"\nquestion = "I\'ve lost',
     "en.toml, entry 'lost-card': category = 'card': no such category in this file"),
    ('question = "I\'ve forgotten my PIN. What can I do?"',
     'question = "I\'ve forgotten\\nmy PIN."',
     "en.toml, entry 'forgot-pin': question: contains a line break; keep it on one line"),
    ('source = "General banking practice"\nreview_status = "approved"',
     'source = "General banking practice"\nreviewd_by = "x"\nreview_status = "approved"',
     "en.toml, entry 'forgot-pin': reviewd_by: unknown field; allowed: id, category, "
     "question, answer, source, review_status, reviewed_by, reviewed_on"),
])
def test_other_mistakes_are_named(tmp_path: Path, old: str, new: str, expected: str) -> None:
    assert old in GOOD_EN

    problem = only_problem(write(tmp_path, en=GOOD_EN.replace(old, new, 1)))

    assert str(problem) == expected


def test_every_problem_is_listed_at_once(tmp_path: Path) -> None:
    zh = GOOD_ZH.replace('source = "银行通用做法"\nreview_status = "pending"',
                         'review_status = "pending"')
    en = GOOD_EN.replace('answer = "Come in person with your ID card to set a new PIN."',
                         'answer = ""')

    problems = problems_of(write(tmp_path, zh=zh, en=en))

    assert [str(p) for p in problems] == [
        "zh_CN.toml, entry 'lost-card': source: missing",
        "en.toml, entry 'forgot-pin': answer: must not be empty"]
