"""The questions and answers the kiosk shows: the files if they are good, else the last good.

Branch staff edit the content files in place. An edit that breaks a file must not empty the
kiosk's help for the elderly customers in front of it, nor stop the kiosk from starting
tomorrow morning. So every time the files are read and pass the checks, the exact bytes
that passed are copied to a folder of the kiosk's own (`keep_dir`); when the files are
refused, the problems are logged and counted (naming file, entry and problem) and the kiosk
goes on with the content it already has, or with that kept copy after a restart.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from kiosk.core.faq import FaqCatalogue, FaqError, FaqProblem
from kiosk.core.faq_files import catalogue_from_raw, faq_file_name, read_raw_files
from kiosk.paths import assets_dir

KEPT_COPY_FOLDER = "faq-last-good"

log = logging.getLogger(__name__)


class ContentSource(StrEnum):
    FILES = "files"
    """The files as they are now."""
    KEPT_IN_MEMORY = "kept_in_memory"
    """The files were refused; the content read earlier in this run is still shown."""
    KEPT_COPY = "kept_copy"
    """The files were refused; the copy kept when they last passed is shown."""
    NONE = "none"
    """Nothing usable: no questions are offered (the kiosk still works)."""


@dataclass(frozen=True)
class FaqLoad:
    """What one (re)load found: the content now in use, where it came from, and why the
    files were refused (empty when they passed)."""

    catalogue: FaqCatalogue
    source: ContentSource
    problems: tuple[FaqProblem, ...] = ()


class FaqLibrary:
    def __init__(self, content_dir: Path, keep_dir: Path, languages: Sequence[str]) -> None:
        self._content_dir = content_dir
        self._keep_dir = keep_dir
        self._languages = tuple(languages)
        self._catalogue = FaqCatalogue()
        self._has_good = False
        self.refusals = 0
        """How many loads refused the files (for the heartbeat and the log)."""

    @property
    def catalogue(self) -> FaqCatalogue:
        return self._catalogue

    def load(self) -> FaqLoad:
        """Read the content files; on refusal keep what is shown, or use the kept copy."""
        raw, problems = read_raw_files(self._content_dir, self._languages)
        if not problems:
            try:
                catalogue = catalogue_from_raw(raw)
            except FaqError as error:
                problems = error.problems
            else:
                self._use(catalogue)
                self._keep(raw)
                pending = catalogue.pending_review()
                if pending:
                    log.warning("questions and answers: %d of %d entries are not yet "
                                "reviewed by the bank", len(pending), catalogue.entry_count())
                return FaqLoad(catalogue, ContentSource.FILES)
        return self._refused(tuple(problems))

    def _refused(self, problems: tuple[FaqProblem, ...]) -> FaqLoad:
        self.refusals += 1
        for problem in problems:
            log.error("questions and answers in %s refused: %s", self._content_dir, problem)
        if self._has_good:
            log.error("questions and answers: still showing the content read earlier")
            return FaqLoad(self._catalogue, ContentSource.KEPT_IN_MEMORY, problems)
        kept = self._read_kept_copy()
        if kept is not None:
            self._use(kept)
            log.error("questions and answers: showing the last good copy from %s",
                      self._keep_dir)
            return FaqLoad(kept, ContentSource.KEPT_COPY, problems)
        log.error("questions and answers: no good content at all; none are offered")
        return FaqLoad(self._catalogue, ContentSource.NONE, problems)

    def _use(self, catalogue: FaqCatalogue) -> None:
        self._catalogue = catalogue
        self._has_good = True

    def _read_kept_copy(self) -> FaqCatalogue | None:
        raw, problems = read_raw_files(self._keep_dir, self._languages)
        if problems:
            return None
        try:
            return catalogue_from_raw(raw)
        except FaqError as error:
            log.error("the kept copy in %s is unusable too: %s", self._keep_dir,
                      "; ".join(map(str, error.problems)))
            return None

    def _keep(self, raw: Mapping[str, bytes]) -> None:
        """Copy the bytes that passed. Every file is written in full first and only then
        are they all renamed into place, so a crash leaves no half-written file."""
        try:
            self._keep_dir.mkdir(parents=True, exist_ok=True)
            written: list[tuple[Path, Path]] = []
            for language, content in raw.items():
                target = self._keep_dir / faq_file_name(language)
                if target.is_file() and target.read_bytes() == content:
                    continue
                partial = target.with_name(target.name + ".partial")
                partial.write_bytes(content)
                written.append((partial, target))
            for partial, target in written:
                os.replace(partial, target)
        except OSError as error:
            log.error("could not keep a copy of the good questions and answers in %s: %s",
                      self._keep_dir, error)


def kiosk_faq_library(data_dir: Path, languages: Sequence[str],
                      content_dir: Path | None = None) -> FaqLibrary:
    """The library a kiosk uses: the shipped (or branch-edited) files in `assets/faq/`, and
    the kept copy in the kiosk's own data folder."""
    return FaqLibrary(content_dir or assets_dir() / "faq", data_dir / KEPT_COPY_FOLDER,
                      languages)
