"""The questions and answers a customer can look up at the kiosk, in each language.

The content is data, not code: branch staff edit `assets/faq/<language>.toml` (see the
comments at the top of those files) and the kiosk reads it at start-up. Each language is a
*book* of categories and entries; the *catalogue* holds one book per language and promises
that every book has the same categories and the same entries, so switching language never
loses the answer a customer is reading.

Every entry says where its advice comes from and whether someone at the bank has reviewed
it: pension and fraud advice must be signed off by the bank before a branch relies on it,
so an unreviewed entry is visible as such (`pending_review`), never silently "approved".

Reading and checking the files is in :mod:`kiosk.core.faq_files`; keeping the last good
content when an edit breaks a file is :mod:`kiosk.core.faq_library`. Nothing here imports Qt.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from types import MappingProxyType

FAQ_ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9-]{0,47}")
"""Category and entry ids: stable across languages, used to switch language in place."""


class ReviewStatus(StrEnum):
    PENDING = "pending"
    """Written from the source named, not yet checked by the bank: say so to whoever asks."""
    APPROVED = "approved"
    """Checked by the person in `reviewed_by` on `reviewed_on`."""


@dataclass(frozen=True)
class FaqCategory:
    id: str
    title: str


@dataclass(frozen=True)
class FaqEntry:
    id: str
    category: str
    question: str
    answer: str
    """Plain text; a blank line separates paragraphs."""
    source: str
    """Where the advice comes from, e.g. a section of the bank's plan."""
    review_status: ReviewStatus
    reviewed_by: str = ""
    reviewed_on: date | None = None

    @property
    def paragraphs(self) -> tuple[str, ...]:
        """The answer's paragraphs, each on one line, for showing and for reading aloud."""
        blocks = re.split(r"\n\s*\n", self.answer.strip())
        return tuple(" ".join(line.strip() for line in block.splitlines() if line.strip())
                     for block in blocks if block.strip())


@dataclass(frozen=True)
class FaqBook:
    """One language's categories and entries, in the order the file gives them."""

    language: str
    categories: tuple[FaqCategory, ...]
    entries: tuple[FaqEntry, ...]

    def category(self, category_id: str) -> FaqCategory | None:
        return next((c for c in self.categories if c.id == category_id), None)

    def entry(self, entry_id: str) -> FaqEntry | None:
        return next((e for e in self.entries if e.id == entry_id), None)

    def entries_in(self, category_id: str) -> tuple[FaqEntry, ...]:
        return tuple(e for e in self.entries if e.category == category_id)


def _no_books() -> Mapping[str, FaqBook]:
    return MappingProxyType({})


@dataclass(frozen=True)
class FaqCatalogue:
    """A book per language; every book has the same category and entry ids."""

    books: Mapping[str, FaqBook] = field(default_factory=_no_books)

    def __post_init__(self) -> None:
        object.__setattr__(self, "books", MappingProxyType(dict(self.books)))

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(self.books)

    @property
    def is_empty(self) -> bool:
        return not any(book.entries for book in self.books.values())

    def book(self, language: str, fallback: str = "zh_CN") -> FaqBook:
        """The book in `language`, else in `fallback`, else an empty one."""
        for code in (language, fallback):
            if code in self.books:
                return self.books[code]
        return FaqBook(language, (), ())

    def entry_count(self) -> int:
        return max((len(book.entries) for book in self.books.values()), default=0)

    def pending_review(self) -> tuple[str, ...]:
        """Ids of entries not yet approved by the bank in some language, in file order."""
        pending: dict[str, None] = {}
        for book in self.books.values():
            for entry in book.entries:
                if entry.review_status is not ReviewStatus.APPROVED:
                    pending[entry.id] = None
        return tuple(pending)


@dataclass(frozen=True)
class FaqProblem:
    """Why content was refused: the file, the entry (if one is to blame) and what is wrong."""

    file: str
    entry: str | None
    problem: str

    def __str__(self) -> str:
        where = self.file if self.entry is None else f"{self.file}, {self.entry}"
        return f"{where}: {self.problem}"


class FaqError(Exception):
    """The content was refused; `problems` lists every reason found."""

    def __init__(self, problems: list[FaqProblem]) -> None:
        self.problems = problems
        listing = "\n".join(f"  - {problem}" for problem in problems)
        super().__init__(f"questions and answers refused:\n{listing}")
