"""The translation check: every committed catalogue complete, consistent and compiled.

Each problem names the file, the context and the source text, and says which command
fixes it, because the person reading it is usually not the one who wrote the string.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from tools.i18n.catalogue import (
    PSEUDO_LANGUAGE,
    UNFINISHED,
    Catalogue,
    CatalogueError,
    Message,
    MessageKey,
    catalogue_paths,
    read_catalogue,
)
from tools.i18n.linguist import extract_messages, run_lrelease
from tools.i18n.placeholders import PlaceholderError, describe, placeholder_names
from tools.i18n.pseudo import pseudo_translate

UPDATE = "python -m tools.i18n update"
BUILD = "python -m tools.i18n build"


@dataclass(frozen=True)
class Problem:
    file: str
    reason: str
    context: str = ""
    source: str = ""

    def __str__(self) -> str:
        if self.context or self.source:
            return f"{self.file}: [{self.context}] {self.source!r}: {self.reason}"
        return f"{self.file}: {self.reason}"


def check_translations(source_dir: Path, translations_dir: Path) -> list[Problem]:
    """All problems with the catalogues in `translations_dir` for the code in `source_dir`."""
    extracted = extract_messages(source_dir)
    problems = list(_source_problems(extracted))
    paths = catalogue_paths(translations_dir)
    if not paths:
        problems.append(Problem(str(translations_dir), "no kiosk_*.ts catalogues found"))
    expected = {message.key: message for message in extracted}
    for path in paths:
        try:
            catalogue = read_catalogue(path)
        except CatalogueError as error:
            problems.append(Problem(path.name, str(error)))
            continue
        problems.extend(_catalogue_problems(catalogue, expected))
        problems.extend(_compiled_problems(path))
    problems.extend(_orphan_compiled(translations_dir, paths))
    return problems


def _source_problems(extracted: Iterable[Message]) -> Iterator[Problem]:
    for message in extracted:
        where = ", ".join(message.locations) or "the code"
        try:
            placeholder_names(message.key.source)
        except PlaceholderError as error:
            yield Problem(where, str(error), message.key.context, message.key.source)


def _catalogue_problems(
    catalogue: Catalogue, expected: dict[MessageKey, Message]
) -> Iterator[Problem]:
    name = catalogue.path.name
    present: set[MessageKey] = set()
    for message in catalogue.messages:
        key = message.key
        if message.is_obsolete or key not in expected:
            yield Problem(
                name,
                f"obsolete entry: the code no longer uses this text; run {UPDATE}",
                key.context,
                key.source,
            )
            continue
        present.add(key)
        yield from _translation_problems(catalogue, message)
    for key in sorted(expected.keys() - present):
        used_at = ", ".join(expected[key].locations)
        yield Problem(
            name,
            f"missing: used at {used_at} but not in the catalogue; run {UPDATE} and translate it",
            key.context,
            key.source,
        )


def _translation_problems(catalogue: Catalogue, message: Message) -> Iterator[Problem]:
    name, key = catalogue.path.name, message.key
    if message.state == UNFINISHED or not all(form.strip() for form in message.translations):
        yield Problem(name, "unfinished: no finished translation", key.context, key.source)
        return
    try:
        wanted = placeholder_names(key.source)
    except PlaceholderError:
        return  # already reported once against the code
    for form in message.translations:
        try:
            found = placeholder_names(form)
        except PlaceholderError as error:
            yield Problem(name, f"translation {form!r}: {error}", key.context, key.source)
            continue
        if found != wanted:
            yield Problem(
                name,
                f"placeholders differ: the source has {describe(wanted)}, "
                f"the translation {form!r} has {describe(found)}",
                key.context,
                key.source,
            )
    if catalogue.code == PSEUDO_LANGUAGE:
        expected_text = pseudo_translate(key.source)
        if any(form != expected_text for form in message.translations):
            yield Problem(
                name,
                "pseudo translation is out of date; run python -m tools.i18n pseudo",
                key.context,
                key.source,
            )


def _compiled_problems(ts_file: Path) -> Iterator[Problem]:
    committed = ts_file.with_suffix(".qm")
    if not committed.is_file():
        yield Problem(committed.name, f"missing: the compiled catalogue is not there; run {BUILD}")
        return
    with tempfile.TemporaryDirectory() as scratch:
        fresh = Path(scratch) / committed.name
        run_lrelease(ts_file, fresh)
        if fresh.read_bytes() != committed.read_bytes():
            yield Problem(committed.name, f"stale: it does not match {ts_file.name}; run {BUILD}")


def _orphan_compiled(translations_dir: Path, ts_files: list[Path]) -> Iterator[Problem]:
    sources = {path.with_suffix(".qm") for path in ts_files}
    for compiled in sorted(translations_dir.glob("*.qm")):
        if compiled not in sources:
            yield Problem(
                compiled.name, "orphan: no .ts catalogue beside it; delete it or restore the .ts"
            )
