"""The fraud check before risky services: its questions, read from content files.

Services marked ``fraud_check = true`` in the branch file ask the customer two or three
short yes/no questions before the ticket ("Has someone on the phone told you to move
money?"). The questions are content, like the questions and answers: branch staff edit
`assets/fraud_check/<language>.toml`, each question names its source and who at the bank
reviewed it, and every language's file has the same questions (same ids, same order). A
file with a mistake is refused whole, with every problem named in words staff can act on,
checked by the same rules as the FAQ files (:mod:`kiosk.core.faq_files`).

The answers themselves are never kept: a "yes" only turns into a priority ticket and a
discreet help call; nothing records which question it was.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any

from kiosk.core.faq import FaqError, FaqProblem, ReviewStatus
from kiosk.core.faq_files import (
    _Checker,
    load_content,
    parse_each,
    read_content_file,
    review,
)

MAX_QUESTIONS = 3
"""Few and short: a customer being pressured must not be kept at the kiosk."""
FILE_KEYS = ("language", "questions")
QUESTION_KEYS = ("id", "question", "source", "review_status", "reviewed_by", "reviewed_on")


@dataclass(frozen=True)
class FraudQuestion:
    id: str
    question: str
    source: str
    review_status: ReviewStatus
    reviewed_by: str = ""
    reviewed_on: date | None = None


@dataclass(frozen=True)
class FraudQuestions:
    """Every language's questions, in the same order."""

    books: Mapping[str, tuple[FraudQuestion, ...]]

    def questions(self, language: str) -> tuple[FraudQuestion, ...]:
        """The questions in `language`, or in the first language the files have."""
        if language in self.books:
            return self.books[language]
        return next(iter(self.books.values()), ())


def parse_questions(raw: bytes, file_name: str,
                    language: str) -> tuple[tuple[FraudQuestion, ...] | None,
                                            list[FaqProblem]]:
    """One language's file checked on its own: its questions, or None and every problem."""
    checker, data = read_content_file(raw, file_name, language, FILE_KEYS)
    if data is None:
        return None, checker.problems
    tables = checker.table_list(data, "questions", MAX_QUESTIONS)
    found = [q for index, table in enumerate(tables)
             if (q := _question(checker, table, index)) is not None]
    ids = [q.id for q in found]
    for ident in {i for i in ids if ids.count(i) > 1}:
        checker.add(f"question '{ident}'", "the same id is used twice; each question needs "
                    "its own id")
    if checker.problems:
        return None, checker.problems
    return tuple(found), []


def _question(checker: _Checker, table: Mapping[str, Any],
              index: int) -> FraudQuestion | None:
    before = len(checker.problems)
    where = f"questions[{index}]"
    ident = checker.identifier(table, "id", where)
    where = f"question '{ident}'" if ident else where
    checker.unknown_keys(table, QUESTION_KEYS, where)
    question = checker.text(table, "question", where)
    source = checker.text(table, "source", where)
    status, reviewed_by, reviewed_on = review(checker, table, where)
    if len(checker.problems) != before or not (ident and question and source and status):
        return None
    return FraudQuestion(ident, question, source, status, reviewed_by, reviewed_on)


def questions_from_raw(raw: Mapping[str, bytes]) -> FraudQuestions:
    """The questions of these files (language -> bytes); raises FaqError with every
    problem, including a file whose questions differ from the first file's."""
    books, problems = parse_each(raw, parse_questions, question_file_name)
    if not problems and books:
        (first, reference), *others = books.items()
        ref_ids = [q.id for q in reference]
        for language, book in others:
            ids = [q.id for q in book]
            if ids != ref_ids:
                problems.append(FaqProblem(
                    question_file_name(language), None,
                    f"questions {', '.join(ids)}: must be the same as in "
                    f"{question_file_name(first)} ({', '.join(ref_ids)}), in the same order"))
    if problems:
        raise FaqError(problems)
    return FraudQuestions(books)


def question_file_name(language: str) -> str:
    return f"{language}.toml"


def load_questions(folder: Path, languages: Sequence[str]) -> FraudQuestions:
    """Read and check every language's file in `folder`; raises FaqError if refused."""
    return load_content(folder, languages, questions_from_raw)


class FraudAnswer(StrEnum):
    """Where the customer's answer leads."""

    NEXT = "next"  # another question
    CLEAR = "clear"  # every answer was "no": on to the ticket as usual
    CONCERN = "concern"  # a "yes": a priority ticket and a discreet staff call


@dataclass
class FraudCheckRun:
    """One customer going through the questions: which one is shown, and what comes next.

    A single "yes" ends the check at once (the customer is not kept at the kiosk with more
    questions); only the outcome is kept, never which question was answered."""

    count: int
    index: int = 0

    def answer(self, yes: bool) -> FraudAnswer:
        if yes:
            self.index = self.count
            return FraudAnswer.CONCERN
        self.index += 1
        return FraudAnswer.NEXT if self.index < self.count else FraudAnswer.CLEAR
