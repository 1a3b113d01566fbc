"""Reading and checking the questions-and-answers files, `assets/faq/<language>.toml`.

The files are edited by branch staff, not programmers, so a mistake must be reported in
words they can act on: the file, the entry and what is wrong with it, every problem at
once (``en.toml, entry 'lost-card': answer must not be empty``). A file that is refused is
refused whole; :mod:`kiosk.core.faq_library` then keeps showing the last good content.

Limits keep one bad paste from filling the screen or the memory: a file is at most
256 KiB, an answer at most 1,200 characters (about two screens of very large text), a
question one line.
"""

from __future__ import annotations

import tomllib
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, TypeVar

from kiosk.core.faq import (
    FAQ_ID_PATTERN,
    FaqBook,
    FaqCatalogue,
    FaqCategory,
    FaqEntry,
    FaqError,
    FaqProblem,
    ReviewStatus,
)

MAX_FILE_BYTES = 256 * 1024
MAX_CATEGORIES = 12
MAX_ENTRIES = 200
TEXT_LIMITS = {"title": 30, "question": 100, "answer": 1200, "source": 200,
               "reviewed_by": 80}
"""Longest text of each field, in characters."""

FILE_KEYS = ("language", "categories", "entries")
CATEGORY_KEYS = ("id", "title")
ENTRY_KEYS = ("id", "category", "question", "answer", "source", "review_status",
              "reviewed_by", "reviewed_on")
ENTRY_REQUIRED = ENTRY_KEYS[:6]
MULTILINE_FIELDS = frozenset({"answer"})

B = TypeVar("B")
C = TypeVar("C")


def faq_file_name(language: str) -> str:
    return f"{language}.toml"


@dataclass
class _Checker:
    """Collects the problems of one file while its tables are read."""

    file: str
    problems: list[FaqProblem]

    def add(self, where: str | None, problem: str) -> None:
        self.problems.append(FaqProblem(self.file, where, problem))

    def table_list(self, data: Mapping[str, Any], key: str, limit: int) -> list[Any]:
        value = data.get(key)
        if value is None:
            self.add(None, f"{key}: missing; add at least one [[{key}]] table")
            return []
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            self.add(None, f"{key}: must be a list of [[{key}]] tables")
            return []
        if not value:
            self.add(None, f"{key}: needs at least one [[{key}]] table")
        if len(value) > limit:
            self.add(None, f"{key}: {len(value)} tables, at most {limit} allowed")
            return []
        return value

    def unknown_keys(self, table: Mapping[str, Any], allowed: Sequence[str],
                     where: str | None) -> None:
        for key in table:
            if key not in allowed:
                self.add(where, f"{key}: unknown field; allowed: {', '.join(allowed)}")

    def identifier(self, table: Mapping[str, Any], key: str, where: str) -> str | None:
        value = table.get(key)
        if value is None:
            self.add(where, f"{key}: missing")
            return None
        if not isinstance(value, str) or not FAQ_ID_PATTERN.fullmatch(value):
            self.add(where, f"{key} = {_show(value)}: must be lower-case letters, digits and "
                     "'-', starting with a letter or digit, at most 48 characters")
            return None
        return value

    def text(self, table: Mapping[str, Any], key: str, where: str, *,
             required: bool = True) -> str | None:
        value = table.get(key)
        if value is None:
            if required:
                self.add(where, f"{key}: missing")
            return None
        if not isinstance(value, str):
            self.add(where, f"{key}: must be text in quotes, not {_kind(value)}")
            return None
        text = value.strip()
        if required and not text:
            self.add(where, f"{key}: must not be empty")
            return None
        limit = TEXT_LIMITS[key]
        if len(text) > limit:
            self.add(where, f"{key}: {len(text)} characters, at most {limit} allowed")
            return None
        bad = _control_character(text, allow_newlines=key in MULTILINE_FIELDS)
        if bad is not None:
            self.add(where, f"{key}: contains {bad}; "
                     + ("use plain text" if key in MULTILINE_FIELDS else "keep it on one line"))
            return None
        return text


def _control_character(text: str, *, allow_newlines: bool) -> str | None:
    for char in text:
        if char == "\n" and allow_newlines:
            continue
        if unicodedata.category(char) in ("Cc", "Cf", "Cs", "Co", "Cn"):
            if char in "\r\n":
                return "a line break"
            return f"the invisible character U+{ord(char):04X}"
    return None


def _kind(value: object) -> str:
    names = {bool: "true/false", int: "a number", float: "a number", list: "a list",
             dict: "a table", date: "a date", datetime: "a date and time"}
    return names.get(type(value), type(value).__name__)


def _show(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def read_content_file(raw: bytes, file_name: str, language: str,
                      file_keys: Sequence[str]) -> tuple[_Checker, dict[str, Any] | None]:
    """A content file's TOML, checked for size, encoding, syntax, its keys and its language:
    the checker holding the problems found, and the data (None when it cannot be read)."""
    checker = _Checker(file_name, [])
    if len(raw) > MAX_FILE_BYTES:
        checker.add(None, f"{len(raw)} bytes, at most {MAX_FILE_BYTES} allowed")
        return checker, None
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as error:
        checker.add(None, f"not UTF-8 text ({error.reason} at byte {error.start}); save the "
                    "file as UTF-8")
        return checker, None
    except tomllib.TOMLDecodeError as error:
        checker.add(None, f"not valid TOML: {error}")
        return checker, None
    checker.unknown_keys(data, file_keys, None)
    if data.get("language") != language:
        checker.add(None, f"language = {_show(data.get('language'))}: must be {language!r}, "
                    "the language this file is named after")
    return checker, data


def parse_book(raw: bytes, file_name: str, language: str) -> tuple[FaqBook | None,
                                                                    list[FaqProblem]]:
    """One language's file checked on its own: the book, or None and every problem."""
    checker, data = read_content_file(raw, file_name, language, FILE_KEYS)
    if data is None:
        return None, checker.problems
    categories, declared = _categories(checker, data)
    entries, used = _entries(checker, data, declared)
    for category in categories:
        if category.id not in used:
            checker.add(f"category '{category.id}'", "has no entries; add one or remove it")
    if checker.problems:
        return None, checker.problems
    return FaqBook(language, tuple(categories), tuple(entries)), []


def _categories(checker: _Checker, data: Mapping[str, Any]) -> tuple[list[FaqCategory],
                                                                      set[str]]:
    """The good categories, and every id declared (so a category with a bad title does not
    also make each of its entries "in no such category")."""
    found: list[FaqCategory] = []
    declared: set[str] = set()
    for index, table in enumerate(checker.table_list(data, "categories", MAX_CATEGORIES)):
        where = f"categories[{index}]"
        ident = checker.identifier(table, "id", where)
        where = f"category '{ident}'" if ident else where
        checker.unknown_keys(table, CATEGORY_KEYS, where)
        title = checker.text(table, "title", where)
        if ident and ident in declared:
            checker.add(where, "the same id is used twice; each category needs its own id")
            continue
        if ident:
            declared.add(ident)
        if ident and title:
            found.append(FaqCategory(ident, title))
    return found, declared


def _entries(checker: _Checker, data: Mapping[str, Any],
             category_ids: set[str]) -> tuple[list[FaqEntry], set[str]]:
    """The good entries, and every category an entry names (good or not)."""
    found: list[FaqEntry] = []
    used: set[str] = set()
    for index, table in enumerate(checker.table_list(data, "entries", MAX_ENTRIES)):
        before = len(checker.problems)
        where = f"entries[{index}]"
        ident = checker.identifier(table, "id", where)
        where = f"entry '{ident}'" if ident else where
        checker.unknown_keys(table, ENTRY_KEYS, where)
        if ident and any(e.id == ident for e in found):
            checker.add(where, "the same id is used twice; each entry needs its own id")
        category = checker.identifier(table, "category", where)
        if category:
            used.add(category)
        if category and category not in category_ids:
            checker.add(where, f"category = {category!r}: no such category in this file")
        texts = {key: checker.text(table, key, where)
                 for key in ("question", "answer", "source")}
        status, reviewed_by, reviewed_on = review(checker, table, where)
        if len(checker.problems) == before and ident and category and status:
            found.append(FaqEntry(ident, category, texts["question"] or "",
                                  texts["answer"] or "", texts["source"] or "", status,
                                  reviewed_by, reviewed_on))
    return found, used


def review(checker: _Checker, table: Mapping[str, Any],
           where: str) -> tuple[ReviewStatus | None, str, date | None]:
    """Who at the bank reviewed a piece of content, and when: an approved one must say."""
    status = _review_status(checker, table, where)
    reviewed_by = checker.text(table, "reviewed_by", where, required=False) or ""
    reviewed_on = _review_date(checker, table, where)
    date_refused = "reviewed_on" in table and reviewed_on is None
    if status is ReviewStatus.APPROVED and not (reviewed_by and reviewed_on) \
            and not date_refused:
        checker.add(where, "review_status = 'approved' needs reviewed_by (who at the bank "
                    "checked it) and reviewed_on (the date, e.g. 2026-11-27)")
    return status, reviewed_by, reviewed_on


def _review_status(checker: _Checker, table: Mapping[str, Any],
                   where: str) -> ReviewStatus | None:
    value = table.get("review_status")
    allowed = ", ".join(repr(s.value) for s in ReviewStatus)
    if value is None:
        checker.add(where, f"review_status: missing; one of {allowed}")
        return None
    if not isinstance(value, str) or value not in {s.value for s in ReviewStatus}:
        checker.add(where, f"review_status = {_show(value)}: must be one of {allowed}")
        return None
    return ReviewStatus(value)


def _review_date(checker: _Checker, table: Mapping[str, Any], where: str) -> date | None:
    value = table.get("reviewed_on")
    if value is None:
        return None
    if isinstance(value, datetime) or not isinstance(value, date):
        checker.add(where, f"reviewed_on = {_show(value)}: must be a date without quotes, "
                    "e.g. reviewed_on = 2026-11-27")
        return None
    return value


def books_disagree(books: Mapping[str, FaqBook]) -> list[FaqProblem]:
    """Problems where a book lacks a category or entry another has, or files it elsewhere.

    The first book is the reference; each other file is blamed for what it lacks or adds,
    so staff who added a question in Chinese are told the English file needs it too.
    """
    problems: list[FaqProblem] = []
    if len(books) < 2:
        return problems
    reference, *others = books.values()
    ref_file = faq_file_name(reference.language)
    ref_categories = {c.id for c in reference.categories}
    ref_entries = {e.id: e.category for e in reference.entries}
    for book in others:
        file = faq_file_name(book.language)
        categories = {c.id for c in book.categories}
        for missing in sorted(ref_categories - categories):
            problems.append(FaqProblem(file, f"category '{missing}'",
                                       f"missing here; it is in {ref_file}"))
        for extra in sorted(categories - ref_categories):
            problems.append(FaqProblem(file, f"category '{extra}'",
                                       f"only in this file; add it to {ref_file} too"))
        entries = {e.id: e.category for e in book.entries}
        for missing in [e for e in ref_entries if e not in entries]:
            problems.append(FaqProblem(file, f"entry '{missing}'",
                                       f"missing here; it is in {ref_file}"))
        for extra in [e for e in entries if e not in ref_entries]:
            problems.append(FaqProblem(file, f"entry '{extra}'",
                                       f"only in this file; add it to {ref_file} too"))
        for ident, category in entries.items():
            expected = ref_entries.get(ident)
            if expected is not None and expected != category:
                problems.append(FaqProblem(file, f"entry '{ident}'",
                                           f"category = {category!r}, but {expected!r} in "
                                           f"{ref_file}"))
    return problems


def read_raw_files(folder: Path, languages: Sequence[str]) -> tuple[dict[str, bytes],
                                                                    list[FaqProblem]]:
    """Each language's file as bytes (read once: what is checked is what is kept)."""
    raw: dict[str, bytes] = {}
    problems: list[FaqProblem] = []
    for language in languages:
        name = faq_file_name(language)
        path = folder / name
        try:
            if path.stat().st_size > MAX_FILE_BYTES:
                problems.append(FaqProblem(name, None, f"{path.stat().st_size} bytes, at most "
                                           f"{MAX_FILE_BYTES} allowed"))
                continue
            raw[language] = path.read_bytes()
        except OSError as error:
            problems.append(FaqProblem(name, None, f"cannot be read from {folder}: "
                                       f"{error.strerror or error}"))
    return raw, problems


def catalogue_from_raw(raw: Mapping[str, bytes]) -> FaqCatalogue:
    """The catalogue of these files (language -> bytes); raises FaqError with every problem."""
    books, problems = parse_each(raw, parse_book, faq_file_name)
    if problems:
        raise FaqError(problems)
    problems = books_disagree(books)
    if problems:
        raise FaqError(problems)
    return FaqCatalogue(books)


def load_catalogue(folder: Path, languages: Sequence[str]) -> FaqCatalogue:
    """Read and check every language's file in `folder`; raises FaqError if refused."""
    return load_content(folder, languages, catalogue_from_raw)


def parse_each(raw: Mapping[str, bytes],
               parse: Callable[[bytes, str, str], tuple[B | None, list[FaqProblem]]],
               file_name: Callable[[str], str]) -> tuple[dict[str, B], list[FaqProblem]]:
    """Each language's file (language -> bytes) parsed on its own: what was read, and every
    problem found."""
    books: dict[str, B] = {}
    problems: list[FaqProblem] = []
    for language, content in raw.items():
        book, found = parse(content, file_name(language), language)
        problems.extend(found)
        if book is not None:
            books[language] = book
    return books, problems


def load_content(folder: Path, languages: Sequence[str],
                 from_raw: Callable[[Mapping[str, bytes]], C]) -> C:
    """Read every language's file in `folder` and build the content with ``from_raw``;
    raises FaqError naming every problem, those of the files that could be read too."""
    raw, problems = read_raw_files(folder, languages)
    if problems:
        try:
            from_raw(raw)
        except FaqError as error:
            problems.extend(error.problems)
        raise FaqError(problems)
    return from_raw(raw)
